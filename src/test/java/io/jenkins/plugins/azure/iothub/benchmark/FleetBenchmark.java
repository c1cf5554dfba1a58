package io.jenkins.plugins.azure.iothub.benchmark;

import io.jenkins.plugins.azure.iothub.emulator.IotHubEmulator;
import io.jenkins.plugins.azure.iothub.emulator.SimulatedHub;
import io.jenkins.plugins.azure.iothub.engine.AzureCloud;
import io.jenkins.plugins.azure.iothub.engine.FleetKeyRequest;
import io.jenkins.plugins.azure.iothub.engine.FleetKeyResult;
import io.jenkins.plugins.azure.iothub.engine.IdentityKeyRequest;
import io.jenkins.plugins.azure.iothub.engine.IotHubKeyClient;
import io.jenkins.plugins.azure.iothub.engine.KeyType;
import io.jenkins.plugins.azure.iothub.engine.PolicyKeyRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whole-hub and fleet rotation against the in-process emulator, side by side in one run (docs/performance.md):
 * five policies one by one vs in one hub update, with a realistic hub-update duration; N devices one by one
 * ({@code renewIdentityKey}) vs in bulk ({@code renewIdentityKeys}), with the registry throttle on (scaled, see the
 * arguments) and drained before each run, so both runs meet the sustained limit, not a full bucket.
 *
 * <pre>
 * java -cp &lt;test classpath&gt; io.jenkins.plugins.azure.iothub.benchmark.FleetBenchmark \
 *     [update seconds=20] [retry-after seconds=10] [devices=1000] [throttle scale=60]
 * </pre>
 */
public final class FleetBenchmark {
    private static final String SUB = "00000000-0000-0000-0000-00000000b002";
    private static final String RG = "rg-fleet";
    private static final List<String> POLICIES = List.of("iothubowner", "service", "device", "registryRead",
            "registryReadWrite");

    public static void main(String[] args) {
        int updateSeconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int retryAfter = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int devices = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        double scale = args.length > 3 ? Double.parseDouble(args[3]) : 60;
        try (IotHubEmulator emulator = IotHubEmulator.start()) {
            System.out.printf(Locale.ROOT, "Java %s, %d CPUs; hub update %d s (Retry-After %d s); %d devices, S1 x1"
                    + " throttle scaled x%.0f%n", System.getProperty("java.version"),
                    Runtime.getRuntime().availableProcessors(), updateSeconds, retryAfter, devices, scale);
            emulator.lro().retryAfterSeconds(retryAfter).pollsUntilDone(0)
                    .minimumDuration(Duration.ofSeconds(updateSeconds))
                    .autoCompleteAfter(Duration.ofSeconds(updateSeconds * 3L));
            SimulatedHub hub = emulator.addHub(SUB, RG, "hub-fleet");
            IotHubKeyClient client = IotHubKeyClient.builder()
                    .cloud(AzureCloud.custom(emulator.armEndpoint(), "https://management.core.windows.net//.default",
                            "https://iothubs.azure.net/.default"))
                    .credential(emulator.tokenCredential()).subscriptionId(SUB)
                    .retryDelay(Duration.ofMillis(200)).timeBudget(Duration.ofMinutes(10)).build();
            System.out.printf(Locale.ROOT, "%-36s %9s %11s %11s %11s %13s %5s%n", "scenario", "requests",
                    "hub updates", "registry ops", "wall time", "rate / limit", "429s");

            run(emulator, hub, "5 policies, one by one", () -> POLICIES.forEach(p -> client.renewPolicyKey(
                    PolicyKeyRequest.of(hub.name(), RG, p, KeyType.PRIMARY))), 0);
            run(emulator, hub, "5 policies, one hub update", () -> {
                List<PolicyKeyRequest> all = new ArrayList<>();
                POLICIES.forEach(p -> all.add(PolicyKeyRequest.of(hub.name(), RG, p, KeyType.PRIMARY)));
                client.renewPolicyKeys(all);
            }, 0);

            List<String> ids = new ArrayList<>();
            for (int i = 0; i < devices; i++) {
                ids.add(String.format(Locale.ROOT, "dev-%05d", i));
                hub.addDevice(ids.get(i));
            }
            hub.throttle().scale(scale).enabled(true);
            double limit = hub.throttle().identityOperationsPerMinute();
            hub.throttle().drain();
            run(emulator, hub, devices + " devices, one by one", () -> ids.forEach(id -> client.renewIdentityKey(
                    IdentityKeyRequest.device(hub.name(), RG, id, KeyType.PRIMARY, null))), limit);
            hub.throttle().drain();
            FleetKeyResult[] result = new FleetKeyResult[1];
            run(emulator, hub, devices + " devices, bulk", () -> result[0] = client.renewIdentityKeys(
                    FleetKeyRequest.builder(hub.name(), RG, KeyType.PRIMARY).devices(ids)
                            .operationsPerMinute(0.98 * limit).build(), null), limit);
            System.out.printf(Locale.ROOT, "bulk: %d renewed, %d failed, %d registry operations counted by the"
                    + " engine%n", result[0].renewed().size(), result[0].failed().size(),
                    result[0].registryOperations());
        }
        System.exit(0);
    }

    private static void run(IotHubEmulator emulator, SimulatedHub hub, String name, Runnable scenario,
            double limitPerMinute) {
        emulator.requests().clear();
        int throttledBefore = hub.throttle().throttledRequests();
        long start = System.nanoTime();
        scenario.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        int requests = emulator.requests().size();
        int updates = emulator.requests().count("PUT", ".*/IotHubs/" + hub.name());
        // identity registry operations as the hub counts them: device GET/PUT one each, bulk one per identity
        int registryOps = emulator.requests().all().stream()
                .filter(r -> r.plane() == io.jenkins.plugins.azure.iothub.emulator.RecordedRequest.Plane.REGISTRY)
                .filter(r -> r.status() >= 200 && r.status() < 300)
                .mapToInt(r -> r.rawPath().equals("/devices") ? r.body().split("\"importMode\"").length - 1
                        : r.rawPath().startsWith("/devices/") && !r.rawPath().equals("/devices/query") ? 1 : 0)
                .sum();
        String share = limitPerMinute > 0
                ? String.format(Locale.ROOT, "%.1f %%", 100 * registryOps / seconds * 60 / limitPerMinute) : "-";
        System.out.printf(Locale.ROOT, "%-36s %9d %11d %11d %9.1f s %13s %5d%n", name, requests, updates,
                registryOps, seconds, share, hub.throttle().throttledRequests() - throttledBefore);
    }
}
