package io.jenkins.plugins.azure.iothub.demo;

import hudson.AbortException;
import io.jenkins.plugins.azure.iothub.AzureAccess;
import io.jenkins.plugins.azure.iothub.ConsumerProbe;
import io.jenkins.plugins.azure.iothub.KeyRenewalService;
import io.jenkins.plugins.azure.iothub.KeyRotationService;
import io.jenkins.plugins.azure.iothub.RenewKeyConfig;
import io.jenkins.plugins.azure.iothub.RenewalReport;
import io.jenkins.plugins.azure.iothub.RotateKeyConfig;
import io.jenkins.plugins.azure.iothub.RotationReport;
import io.jenkins.plugins.azure.iothub.emulator.IotHubEmulator;
import io.jenkins.plugins.azure.iothub.emulator.SharedAccessPolicy;
import io.jenkins.plugins.azure.iothub.emulator.SimulatedHub;
import io.jenkins.plugins.azure.iothub.engine.AzureCloud;
import io.jenkins.plugins.azure.iothub.engine.IotHubKeyClient;
import io.jenkins.plugins.azure.iothub.engine.KeyMaterial;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Runnable demo of the real renewal path: starts the local IoT Hub emulator with a sample hub, renews a policy key
 * and a device key through {@link KeyRenewalService} (what {@code iotHubRenewKey} runs inside Jenkins), rotates a
 * device's keys without downtime through {@link KeyRotationService} (what {@code iotHubRotateKey} runs) while the
 * device probes the hub, and shows what a build log shows, which credentials a build would create or update, and
 * before/after fingerprints of every key on the hub. It never prints a key, and checks its own output for every key
 * the hub ever held.
 *
 * <p>Run: {@code ./demo.sh} (or see README.md). Exit status 0 when every check passed.
 */
public final class KeyRenewalDemo {

    static final String SUBSCRIPTION = "00000000-0000-0000-0000-00000000de70";
    static final String RESOURCE_GROUP = "rg-demo";
    static final String HUB = "demo-hub";
    static final String DEVICE = "thermostat-1";
    static final String OTHER_DEVICE = "gateway-2";
    static final String AZURE_CREDENTIAL = "demo-azure-sp";

    private final PrintStream out;
    private final ByteArrayOutputStream transcript = new ByteArrayOutputStream();
    private final List<String> failures = new ArrayList<>();

    KeyRenewalDemo(PrintStream console) {
        this.out = new PrintStream(new TeeStream(console, transcript), true, StandardCharsets.UTF_8);
    }

    public static void main(String[] args) {
        boolean passed = new KeyRenewalDemo(System.out).run();
        System.exit(passed ? 0 : 1);
    }

    /** @return true when the renewals happened as expected and no key appeared in the output */
    boolean run() {
        long started = System.nanoTime();
        out.println("== Azure IoT Hub Key Renewal: demo against the local IoT Hub emulator (no Azure account) ==");
        Set<String> everyKey = new LinkedHashSet<>();
        try (IotHubEmulator emulator = IotHubEmulator.start()) {
            emulator.lro().retryAfterSeconds(0).pollsUntilDone(1);
            SimulatedHub hub = emulator.addHub(SUBSCRIPTION, RESOURCE_GROUP, HUB);
            hub.addDevice(DEVICE);
            hub.addDevice(OTHER_DEVICE);
            describeHub(emulator, hub);

            List<String> devices = List.of(DEVICE, OTHER_DEVICE);
            KeyFingerprints before = KeyFingerprints.of(hub, devices);
            everyKey.addAll(before.rawKeys());
            DemoCredentialTarget store = new DemoCredentialTarget(out);
            AzureAccess access = config -> client(emulator, config);

            RenewKeyConfig policyRenewal = config("secondary");
            policyRenewal.setPolicy("service");
            renew("1. Renew the secondary key of policy 'service', which its consumers do not use",
                    policyRenewal, access, store);

            RenewKeyConfig deviceRenewal = config("primary");
            deviceRenewal.setDevice(DEVICE);
            renew("2. Renew the primary key of device '" + DEVICE + "' (a SAS device)", deviceRenewal, access, store);

            renew("3. Run renewal 1 again: a new secondary key, and the same credential is updated",
                    policyRenewal, access, store);

            RenewKeyConfig typo = config("primary");
            typo.setPolicy("sevrice");
            renewExpectingFailure("4. A typo in the policy name: the build fails with one line, and nothing changes",
                    typo, access, store);

            rotate(hub, access, store);

            KeyFingerprints after = KeyFingerprints.of(hub, devices);
            everyKey.addAll(after.rawKeys());
            compare(before, after);
            checkStored(hub, store);
        } catch (AbortException e) {
            // what a build would show as its failure reason: one line
            out.println("The renewal failed: " + e.getMessage());
            failures.add("a renewal failed");
        }
        checkNoKeyPrinted(everyKey);
        out.println();
        out.printf("Finished in %.1f s: %s%n", (System.nanoTime() - started) / 1e9,
                failures.isEmpty() ? "every check passed." : "FAILED: " + String.join("; ", failures));
        return failures.isEmpty();
    }

    private void describeHub(IotHubEmulator emulator, SimulatedHub hub) {
        out.println();
        out.println("Emulator: Azure Resource Manager at " + emulator.armEndpoint() + ", subscription " + SUBSCRIPTION);
        out.println("Sample hub '" + HUB + "' in resource group '" + RESOURCE_GROUP + "', host name " + hub.hostName());
        for (SharedAccessPolicy policy : hub.policies()) {
            out.println("  policy " + policy.keyName() + " (" + policy.rights() + ")");
        }
        out.println("  devices " + DEVICE + " and " + OTHER_DEVICE + " (SAS keys)");
        out.println("Azure credential '" + AZURE_CREDENTIAL + "' stands for an Azure Service Principal; here it signs"
                + " in to the emulator.");
    }

    private static RenewKeyConfig config(String key) {
        RenewKeyConfig config = new RenewKeyConfig(HUB, key);
        config.setResourceGroup(RESOURCE_GROUP);
        config.setAzureCredentialsId(AZURE_CREDENTIAL);
        return config;
    }

    /** The engine client a Jenkins build would get from its Azure credential, pointed at the emulator. */
    private static IotHubKeyClient client(IotHubEmulator emulator, RenewKeyConfig config) {
        return IotHubKeyClient.builder()
                .cloud(AzureCloud.custom(emulator.armEndpoint(), "https://management.core.windows.net//.default",
                        "https://iothubs.azure.net/.default"))
                .credential(emulator.tokenCredential())
                .subscriptionId(SUBSCRIPTION)
                .pollInterval(Duration.ofMillis(20))
                .retryDelay(Duration.ofMillis(20))
                .timeBudget(Duration.ofSeconds(config.getTimeoutSeconds()))
                .build();
    }

    private void renew(String title, RenewKeyConfig config, AzureAccess access, DemoCredentialTarget store)
            throws AbortException {
        out.println();
        out.println(title);
        out.println("  Pipeline: " + pipelineCall(config));
        PrintStream buildLog = LinePrefixStream.printStream(out, "    build log | ");
        RenewalReport report = new KeyRenewalService().renew(config, access, store, buildLog);
        buildLog.flush();
        out.println("  The step returns: " + report.toMap());
    }

    private void renewExpectingFailure(String title, RenewKeyConfig config, AzureAccess access,
            DemoCredentialTarget store) {
        out.println();
        out.println(title);
        out.println("  Pipeline: " + pipelineCall(config));
        PrintStream buildLog = LinePrefixStream.printStream(out, "    build log | ");
        try {
            new KeyRenewalService().renew(config, access, store, buildLog);
            check(false, "the misspelt policy is refused");
        } catch (AbortException e) {
            // Jenkins prints an AbortException as one ERROR line, without a stack trace
            buildLog.println("ERROR: " + e.getMessage());
            buildLog.flush();
            check(!e.getMessage().contains("\n") && e.getMessage().contains("'" + config.getPolicy() + "'")
                    && e.getMessage().contains("'" + HUB + "'"), "the failure is one line naming the hub and the policy");
        }
    }

    /**
     * A zero-downtime rotation of the other device: prepare renews the key the device does not use and hands it over
     * in the stable credential, the body gives the device the credential's value, finish renews the key it left. The
     * device signs a real request with the connection string it runs with after every phase, and the hub checks it.
     */
    private void rotate(SimulatedHub hub, AzureAccess access, DemoCredentialTarget store) throws AbortException {
        out.println();
        out.println("5. Rotate the keys of device '" + OTHER_DEVICE + "' without downtime: prepare, the body"
                + " redeploys, finish");
        RotateKeyConfig rotation = new RotateKeyConfig(HUB);
        rotation.setDevice(OTHER_DEVICE);
        rotation.setResourceGroup(RESOURCE_GROUP);
        rotation.setAzureCredentialsId(AZURE_CREDENTIAL);
        rotation.setInUse("primary");
        out.println("  Pipeline: " + rotationCall(rotation) + " { /* give the device its new connection string */ }");
        String id = rotation.stableCredentialId();
        String device = deviceConnectionString(hub, OTHER_DEVICE, hub.device(OTHER_DEVICE).primaryKey());
        probe("before the rotation, the device runs with its primary key", device, true);
        KeyRotationService service = new KeyRotationService();
        PrintStream buildLog = LinePrefixStream.printStream(out, "    build log | ");

        out.println("  prepare:");
        RotationReport prepared = service.prepare(rotation, access, store, buildLog);
        buildLog.flush();
        String handedOver = store.stored(id).reveal();
        probe("after prepare, the device still runs with its old key", device, true);
        probe("after prepare, the stable credential's new value works too", handedOver, true);

        out.println("  body: the device is given the value of credential '" + id + "'");
        String left = device;
        device = handedOver;
        probe("in the body, the device runs with the new key", device, true);

        out.println("  finish:");
        RotationReport finished = service.finish(rotation, access, store, buildLog);
        buildLog.flush();
        probe("after finish, the device runs with its new key", device, true);
        probe("after finish, the key the device left is revoked", left, false);

        out.println("  The build page records each half:");
        for (RotationReport half : List.of(prepared, finished)) {
            out.println("    " + half.getHalf() + ": " + half.getPhaseBefore() + " -> " + half.getPhase()
                    + ", renewed the " + half.getRenewed() + " key; '" + half.getCredentialsId() + "' holds the "
                    + half.getKeyInUse() + " key (primary " + half.getPrimaryFingerprint() + ", secondary "
                    + half.getSecondaryFingerprint() + ")");
        }
        check("secondary".equals(prepared.getRenewed()) && "primary".equals(finished.getRenewed())
                && "complete".equals(finished.getPhase()), "the rotation renewed the unused secondary key first and"
                + " the primary key only after the body");
    }

    private void probe(String what, String connectionString, boolean expected) {
        boolean accepted = ConsumerProbe.accepted(connectionString);
        check(accepted == expected, "consumer probe: " + what + " (" + (accepted ? "accepted" : "refused")
                + " by the hub)");
    }

    private static String deviceConnectionString(SimulatedHub hub, String deviceId, String key) {
        return "HostName=" + hub.hostName() + ";DeviceId=" + deviceId + ";SharedAccessKey=" + key;
    }

    /** The {@code iotHubRotateKey} call that runs the same configuration in a Jenkinsfile. */
    static String rotationCall(RotateKeyConfig config) {
        return "iotHubRotateKey(hub: '" + config.getHub() + "', resourceGroup: '" + config.getResourceGroup()
                + "', device: '" + config.getDevice() + "', inUse: '" + config.getInUse() + "', azureCredentialsId: '"
                + config.getAzureCredentialsId() + "')";
    }

    /** The {@code iotHubRenewKey} call that runs the same configuration in a Jenkinsfile. */
    static String pipelineCall(RenewKeyConfig config) {
        StringBuilder call = new StringBuilder("iotHubRenewKey(hub: '").append(config.getHub()).append('\'');
        call.append(", resourceGroup: '").append(config.getResourceGroup()).append('\'');
        if (config.getPolicy() != null) {
            call.append(", policy: '").append(config.getPolicy()).append('\'');
        } else {
            call.append(", device: '").append(config.getDevice()).append('\'');
        }
        call.append(", key: '").append(config.getKey()).append('\'');
        call.append(", azureCredentialsId: '").append(config.getAzureCredentialsId()).append("')");
        return call.toString();
    }

    private void compare(KeyFingerprints before, KeyFingerprints after) {
        out.println();
        out.println("Keys on the emulator, as SHA-256 fingerprints (before -> after):");
        List<String> changed = after.changedSince(before);
        before.fingerprints().forEach((label, fingerprint) -> out.printf("  %-38s %s -> %s  %s%n", label,
                fingerprint, after.fingerprints().get(label), changed.contains(label) ? "CHANGED" : "unchanged"));
        out.println();
        out.println("Checks:");
        List<String> expected = List.of("policy service / secondary", "device " + DEVICE + " / primary",
                "device " + OTHER_DEVICE + " / primary", "device " + OTHER_DEVICE + " / secondary");
        check(changed.equals(expected), "exactly the renewed and rotated keys changed (" + String.join(", ", expected)
                + "); every other policy and key is untouched");
    }

    private void checkStored(SimulatedHub hub, DemoCredentialTarget store) {
        String policyValue = "HostName=" + hub.hostName() + ";SharedAccessKeyName=service;SharedAccessKey="
                + hub.policy("service").secondaryKey();
        String deviceValue = deviceConnectionString(hub, DEVICE, hub.device(DEVICE).primaryKey());
        check(sameValue(store.stored("iothub.demo-hub.policy.service.secondary"), policyValue),
                "credential 'iothub.demo-hub.policy.service.secondary' holds the connection string with the hub's new"
                        + " secondary key");
        check(sameValue(store.stored("iothub.demo-hub.device.thermostat-1.primary"), deviceValue),
                "credential 'iothub.demo-hub.device.thermostat-1.primary' holds the device's new connection string");
        check(sameValue(store.stored("iothub.demo-hub.device.gateway-2.current"),
                deviceConnectionString(hub, OTHER_DEVICE, hub.device(OTHER_DEVICE).secondaryKey())),
                "stable credential 'iothub.demo-hub.device.gateway-2.current' holds the connection string of the key"
                        + " the device uses now");
    }

    private static boolean sameValue(KeyMaterial stored, String expected) {
        return stored != null && stored.sameAs(KeyMaterial.of(expected));
    }

    private void checkNoKeyPrinted(Set<String> everyKey) {
        String printed = transcript.toString(StandardCharsets.UTF_8);
        boolean clean = !everyKey.isEmpty() && everyKey.stream().noneMatch(printed::contains);
        check(clean, "no key appears in this output (scanned for all " + everyKey.size()
                + " keys the hub held before and after)");
    }

    private void check(boolean ok, String what) {
        out.println((ok ? "  ok   " : "  FAIL ") + what);
        if (!ok) {
            failures.add(what);
        }
    }
}
