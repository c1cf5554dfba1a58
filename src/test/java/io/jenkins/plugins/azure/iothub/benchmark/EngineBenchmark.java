package io.jenkins.plugins.azure.iothub.benchmark;

import com.azure.core.credential.AzureSasCredential;
import com.azure.core.http.policy.RetryPolicy;
import com.azure.core.management.polling.PollResult;
import com.azure.core.util.polling.LongRunningOperationStatus;
import com.azure.core.util.polling.SyncPoller;
import com.azure.resourcemanager.iothub.IotHubManager;
import com.azure.resourcemanager.iothub.fluent.IotHubResourcesClient;
import com.azure.resourcemanager.iothub.fluent.models.IotHubDescriptionInner;
import com.azure.resourcemanager.iothub.fluent.models.SharedAccessSignatureAuthorizationRuleInner;
import com.microsoft.azure.sdk.iot.service.registry.Device;
import com.microsoft.azure.sdk.iot.service.registry.RegistryClient;
import io.jenkins.plugins.azure.iothub.emulator.IotHubEmulator;
import io.jenkins.plugins.azure.iothub.emulator.RecordedRequest;
import io.jenkins.plugins.azure.iothub.emulator.SimulatedHub;
import io.jenkins.plugins.azure.iothub.engine.AzureCloud;
import io.jenkins.plugins.azure.iothub.engine.EngineSeams;
import io.jenkins.plugins.azure.iothub.engine.IdentityKeyRequest;
import io.jenkins.plugins.azure.iothub.engine.IotHubKeyClient;
import io.jenkins.plugins.azure.iothub.engine.KeyType;
import io.jenkins.plugins.azure.iothub.engine.PolicyKeyRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Engine cost per renewal against the in-process emulator, warm JVM. For each scenario it runs the engine and, as a
 * baseline, the bare SDK calls that send the same HTTP requests (no retries, no checks). Columns: requests per
 * renewal; engine wall time; the emulator's own handling time of those requests; engine time minus emulator time
 * ("net": client side, SDK and TLS included); the bare SDK's wall time; and the overhead the engine adds over the
 * bare SDK (difference of the medians).
 *
 * <pre>
 * java -cp &lt;test classpath&gt; io.jenkins.plugins.azure.iothub.benchmark.EngineBenchmark [iterations] [warm-up]
 * </pre>
 */
public final class EngineBenchmark {
    private static final String SUB = "00000000-0000-0000-0000-00000000b001";
    private static final String RG = "rg-bench";
    private static final String HUB = "hub-bench";
    private static final Duration POLL = Duration.ofMillis(1);

    private final IotHubEmulator emulator;
    private final SimulatedHub hub;
    private final IotHubKeyClient engine;
    private final IotHubResourcesClient arm;

    private EngineBenchmark() {
        emulator = IotHubEmulator.start();
        emulator.lro().retryAfterSeconds(0).pollsUntilDone(0);
        for (int i = 0; i < 9; i++) {
            emulator.addHub(SUB, "rg-other", "other-hub-" + i);
        }
        hub = emulator.addHub(SUB, RG, HUB);
        hub.addDevice("bench-device");
        engine = IotHubKeyClient.builder()
                .cloud(AzureCloud.custom(emulator.armEndpoint(), "https://management.core.windows.net//.default",
                        "https://iothubs.azure.net/.default"))
                .credential(emulator.tokenCredential())
                .subscriptionId(SUB)
                .pollInterval(POLL)
                .retryDelay(Duration.ofMillis(10))
                .build();
        arm = IotHubManager.configure()
                .withRetryPolicy(new RetryPolicy(EngineSeams.noRetries()))
                .withDefaultPollInterval(POLL)
                .authenticate(emulator.tokenCredential(), emulator.azureProfile(SUB))
                .serviceClient().getIotHubResources();
    }

    public static void main(String[] args) throws Exception {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        EngineBenchmark bench = new EngineBenchmark();
        try {
            System.out.printf(Locale.ROOT, "%d iterations after %d warm-up, Java %s, %d CPUs%n", iterations, warmup,
                    System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
            System.out.printf(Locale.ROOT, "%-34s %8s %12s %12s %12s %12s %12s %12s%n", "scenario", "requests",
                    "engine p50", "engine p90", "emulator p50", "net p50", "bare p50", "overhead p50");
            bench.report("policy primary, resource group", iterations, warmup,
                    () -> bench.engine.renewPolicyKey(PolicyKeyRequest.of(HUB, RG, "service", KeyType.PRIMARY)),
                    () -> bench.barePolicyRenewal(RG));
            bench.report("policy primary, no resource group", iterations, warmup,
                    () -> bench.engine.renewPolicyKey(PolicyKeyRequest.of(HUB, null, "service", KeyType.PRIMARY)),
                    () -> bench.barePolicyRenewal(null));
            bench.report("device primary (SAS via policy)", iterations, warmup,
                    () -> bench.engine.renewIdentityKey(IdentityKeyRequest.device(HUB, RG, "bench-device",
                            KeyType.PRIMARY, null)),
                    bench::bareDeviceRenewal);
        } finally {
            bench.emulator.close();
        }
        System.exit(0);
    }

    private void report(String name, int iterations, int warmup, Callable<?> withEngine, Callable<?> bare)
            throws Exception {
        measure(withEngine, warmup, null);
        measure(bare, warmup, null);
        long[] server = new long[iterations];
        int[] requests = new int[iterations];
        long[] engineNanos = measure(withEngine, iterations, (i, count, serverNanos) -> {
            requests[i] = count;
            server[i] = serverNanos;
        });
        long[] bareNanos = measure(bare, iterations, null);
        long[] net = new long[iterations];
        for (int i = 0; i < iterations; i++) {
            net[i] = engineNanos[i] - server[i];
        }
        double engineMedian = percentile(engineNanos, 50);
        double bareMedian = percentile(bareNanos, 50);
        System.out.printf(Locale.ROOT, "%-34s %8.1f %9.2f ms %9.2f ms %9.2f ms %9.2f ms %9.2f ms %9.2f ms%n", name,
                Arrays.stream(requests).average().orElse(0), engineMedian, percentile(engineNanos, 90),
                percentile(server, 50), percentile(net, 50), bareMedian, engineMedian - bareMedian);
    }

    /** Receives, per measured call, the requests the emulator saw and the time it spent handling them. */
    private interface Sink {
        void accept(int iteration, int requests, long serverNanos);
    }

    private long[] measure(Callable<?> call, int times, Sink sink) throws Exception {
        long[] nanos = new long[times];
        for (int i = 0; i < times; i++) {
            emulator.requests().clear();
            long start = System.nanoTime();
            call.call();
            nanos[i] = System.nanoTime() - start;
            if (sink != null) {
                List<RecordedRequest> seen = emulator.requests().all();
                long server = 0;
                for (RecordedRequest request : seen) {
                    server += Math.max(0, request.handlingTime().toNanos());
                }
                sink.accept(i, seen.size(), server);
            }
        }
        return nanos;
    }

    private static double percentile(long[] nanos, int p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, sorted.length * p / 100)] / 1_000_000.0;
    }

    /** The same requests as the engine's policy renewal, straight through the SDK. */
    private Object barePolicyRenewal(String resourceGroup) throws InterruptedException {
        IotHubDescriptionInner description;
        if (resourceGroup != null) {
            description = arm.getByResourceGroup(resourceGroup, HUB);
        } else {
            description = null;
            for (IotHubDescriptionInner candidate : arm.list()) {
                if (candidate.name().equalsIgnoreCase(HUB)) {
                    description = candidate;
                    break;
                }
            }
        }
        List<SharedAccessSignatureAuthorizationRuleInner> policies = new ArrayList<>();
        arm.listKeys(RG, HUB).forEach(policies::add);
        for (SharedAccessSignatureAuthorizationRuleInner policy : policies) {
            if (policy.keyName().equals("service")) {
                policy.withPrimaryKey(null);
            }
        }
        description.properties().withAuthorizationPolicies(policies);
        SyncPoller<PollResult<IotHubDescriptionInner>, IotHubDescriptionInner> poller =
                arm.beginCreateOrUpdate(RG, HUB, description, description.etag());
        do {
            Thread.sleep(POLL.toMillis());
        } while (poller.poll().getStatus() != LongRunningOperationStatus.SUCCESSFULLY_COMPLETED);
        return arm.getKeysForKeyName(RG, HUB, "service");
    }

    /** The same requests as the engine's device renewal, straight through the SDKs. */
    private Object bareDeviceRenewal() throws Exception {
        IotHubDescriptionInner description = arm.getByResourceGroup(RG, HUB);
        SharedAccessSignatureAuthorizationRuleInner writer = null;
        for (SharedAccessSignatureAuthorizationRuleInner policy : arm.listKeys(RG, HUB)) {
            if (policy.keyName().equals("registryReadWrite")) {
                writer = policy;
            }
        }
        String token = hub.sasToken(writer.keyName(), Duration.ofMinutes(10));
        RegistryClient registry = new RegistryClient(description.properties().hostname(),
                new AzureSasCredential(token));
        Device device = registry.getDevice("bench-device");
        device.getSymmetricKey().setPrimaryKey(EngineSeams.newIdentityKey());
        registry.updateDevice(device);
        return registry.getDevice("bench-device");
    }
}
