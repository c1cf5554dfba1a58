package io.jenkins.plugins.azure.iothub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import hudson.AbortException;
import io.jenkins.plugins.azure.iothub.emulator.IotHubEmulator;
import io.jenkins.plugins.azure.iothub.emulator.SharedAccessPolicy;
import io.jenkins.plugins.azure.iothub.emulator.SimulatedHub;
import io.jenkins.plugins.azure.iothub.engine.AzureCloud;
import io.jenkins.plugins.azure.iothub.engine.IotHubKeyClient;
import io.jenkins.plugins.azure.iothub.jenkins.OptionNames;
import io.jenkins.plugins.azure.iothub.jenkins.StoreCredentialTarget;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

/**
 * Several policies of one hub through {@link KeyRenewalService#renewPolicies}, the path {@code iotHubRenewPolicyKeys}
 * and its freestyle builder take, against the engine and the emulator. Every test scans what a user sees for keys.
 */
class PolicySetRenewalTest {

    private static final String SUBSCRIPTION = "00000000-0000-0000-0000-00000000a002";
    private static final String RG = "rg-set";
    private static final String HUB = "hub-set";
    private static final String PUT = ".*/IotHubs/" + HUB;

    private IotHubEmulator emulator;
    private SimulatedHub hub;
    private final ModelCredentialsProvider.Store store = ModelCredentialsProvider.folder("iot");
    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private final PrintStream log = new PrintStream(logBytes, true, StandardCharsets.UTF_8);
    private KeyScan scan;

    @BeforeEach
    void start() {
        emulator = IotHubEmulator.start();
        emulator.lro().retryAfterSeconds(0).pollsUntilDone(1);
        hub = emulator.addHub(SUBSCRIPTION, RG, HUB);
        scan = new KeyScan(hub);
        store.grant("alice", CredentialsProvider.VIEW, CredentialsProvider.CREATE, CredentialsProvider.UPDATE);
    }

    @AfterEach
    void scanForKeysAndStop() {
        try {
            scan.shown(logBytes.toString(StandardCharsets.UTF_8));
            scan.assertNoKeyShown();
        } finally {
            emulator.close();
        }
    }

    private AzureAccess access() {
        return config -> IotHubKeyClient.builder()
                .cloud(AzureCloud.custom(emulator.armEndpoint(), "https://management.core.windows.net//.default",
                        "https://iothubs.azure.net/.default"))
                .credential(emulator.tokenCredential())
                .subscriptionId(SUBSCRIPTION)
                .pollInterval(Duration.ofMillis(20))
                .retryDelay(Duration.ofMillis(10))
                .maxAttempts(2)
                .timeBudget(Duration.ofSeconds(config.getTimeoutSeconds()))
                .build();
    }

    private CredentialTarget folder() {
        return new StoreCredentialTarget(store, "the credentials of folder 'iot'",
                new UsernamePasswordAuthenticationToken("alice", "pw"), false, id -> false, OptionNames.PIPELINE);
    }

    private static RenewPolicyKeysConfig config(String... policyAndKey) {
        List<PolicyKeyChoice> choices = new ArrayList<>();
        for (int i = 0; i < policyAndKey.length; i += 2) {
            choices.add(new PolicyKeyChoice(policyAndKey[i], policyAndKey[i + 1]));
        }
        RenewPolicyKeysConfig config = new RenewPolicyKeysConfig(HUB, choices);
        config.setResourceGroup(RG);
        config.setAzureCredentialsId("azure-sp");
        return config;
    }

    private List<RenewalReport> renew(RenewPolicyKeysConfig config) throws AbortException {
        List<RenewalReport> reports = new KeyRenewalService().renewPolicies(config, access(), folder(), log,
                Wording.PIPELINE);
        scan.remember();
        KeyRenewalAction action = new KeyRenewalAction();
        reports.forEach(action::add);
        scan.shown(BuildRenewal.policiesMap(config, reports).toString());
        scan.shown(BuildRecordText.of(action));
        return reports;
    }

    private AbortException failure(RenewPolicyKeysConfig config) {
        AbortException e = assertThrows(AbortException.class, () -> new KeyRenewalService().renewPolicies(config,
                access(), folder(), log, Wording.PIPELINE));
        scan.remember();
        scan.shown(e.getMessage());
        assertFalse(e.getMessage().contains("\n"), () -> "not one line: " + e.getMessage());
        return e;
    }

    private String stored(String id) {
        StringCredentials c = (StringCredentials) store.byId(id);
        return c == null ? null : c.getSecret().getPlainText();
    }

    private String connectionString(String policy, String key) {
        return "HostName=" + hub.hostName() + ";SharedAccessKeyName=" + policy + ";SharedAccessKey=" + key;
    }

    @Test
    void fivePoliciesInOneHubUpdateEachStoredInItsOwnCredential() throws Exception {
        SharedAccessPolicy owner = hub.policy("iothubowner");
        SharedAccessPolicy device = hub.policy("device");
        SharedAccessPolicy readWrite = hub.policy("registryReadWrite");
        String oldServiceSecondary = hub.policy("service").secondaryKey();
        String oldReadPrimary = hub.policy("registryRead").primaryKey();

        List<RenewalReport> reports = renew(config("iothubowner", "primary", "service", "secondary", "device", "swap",
                "registryRead", "primary", "registryReadWrite", "swap"));

        assertEquals(1, emulator.requests().count("PUT", PUT), "one hub update for five policies");
        assertEquals(5, reports.size());
        assertNotEquals(owner.primaryKey(), hub.policy("iothubowner").primaryKey());
        assertEquals(owner.secondaryKey(), hub.policy("iothubowner").secondaryKey(), "the other slot is untouched");
        assertNotEquals(oldServiceSecondary, hub.policy("service").secondaryKey());
        assertNotEquals(oldReadPrimary, hub.policy("registryRead").primaryKey());
        assertEquals(device.secondaryKey(), hub.policy("device").primaryKey(), "swapped");
        assertEquals(readWrite.primaryKey(), hub.policy("registryReadWrite").secondaryKey(), "swapped");
        assertEquals(connectionString("iothubowner", hub.policy("iothubowner").primaryKey()),
                stored("iothub.hub-set.policy.iothubowner.primary"));
        assertEquals(connectionString("service", hub.policy("service").secondaryKey()),
                stored("iothub.hub-set.policy.service.secondary"));
        assertEquals(connectionString("device", hub.policy("device").primaryKey()),
                stored("iothub.hub-set.policy.device.primary"));
        assertEquals(connectionString("device", hub.policy("device").secondaryKey()),
                stored("iothub.hub-set.policy.device.secondary"));
        assertEquals(connectionString("registryRead", hub.policy("registryRead").primaryKey()),
                stored("iothub.hub-set.policy.registryread.primary"));
        assertEquals(connectionString("registryReadWrite", hub.policy("registryReadWrite").secondaryKey()),
                stored("iothub.hub-set.policy.registryreadwrite.secondary"));
        String text = logBytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("Renewing the keys (iothubowner: primary, service: secondary, device: swap,"
                + " registryRead: primary, registryReadWrite: swap) of policies"), text);
        assertTrue(text.contains("Verified the new key(s) of policy 'service' on hub 'hub-set'"), text);
        assertTrue(text.contains("Not verified: policy 'device' on hub 'hub-set' only has DeviceConnect"), text);
    }

    @Test
    void anUpdateThatTookEffectButCouldNotBeReadBackStoresTheRenewedPoliciesAndSaysWhatAzureHolds() {
        emulator.faults().on("POST", ".*/IotHubs/" + HUB + "/listkeys").skip(1).times(2).serverError();
        Logger engine = Logger.getLogger("io.jenkins.plugins.azure.iothub.engine");
        engine.setUseParentHandlers(false); // the engine's expected fallback line stays off the test console
        AbortException e;
        try {
            e = failure(config("service", "primary", "registryRead", "secondary"));
        } finally {
            engine.setUseParentHandlers(true);
        }

        assertEquals(connectionString("service", hub.policy("service").primaryKey()),
                stored("iothub.hub-set.policy.service.primary"));
        assertEquals(connectionString("registryRead", hub.policy("registryRead").secondaryKey()),
                stored("iothub.hub-set.policy.registryread.secondary"));
        assertTrue(e.getMessage().contains("New keys in Azure: service, registryRead."), e.getMessage());
        assertTrue(e.getMessage().contains("Stored the new keys Azure holds in credential(s) "
                + "'iothub.hub-set.policy.service.primary', 'iothub.hub-set.policy.registryread.secondary'."),
                e.getMessage());
    }

    @Test
    void aFailedUpdateStoresNothingAndSaysEveryPolicyKeptItsOldKeys() {
        String service = hub.policy("service").primaryKey();
        emulator.faults().on("PUT", PUT).times(20).lroFailed();

        AbortException e = failure(config("service", "primary", "device", "swap"));

        assertTrue(e.getMessage().contains("Old keys kept: service, device."), e.getMessage());
        assertEquals(service, hub.policy("service").primaryKey());
        assertNull(stored("iothub.hub-set.policy.service.primary"));
        assertNull(stored("iothub.hub-set.policy.device.primary"));
    }

    @Test
    void aStoreFailureNamesThePoliciesWhoseKeysJenkinsDoesNotHoldWithRecoveryForEach() {
        store.failSaves("disk full");

        AbortException e = failure(config("service", "primary", "registryRead", "swap"));

        assertEquals(1, emulator.requests().count("PUT", PUT));
        String m = e.getMessage();
        assertTrue(m.contains("Azure renewed the keys of policy 'service' on hub 'hub-set'; policy 'registryRead'"),
                m);
        assertTrue(m.contains("'iothub.hub-set.policy.service.primary' <- `az iot hub connection-string show"
                + " --hub-name hub-set -g rg-set --policy-name service --key-type primary -o tsv`"), m);
        assertTrue(m.contains("Do not rerun 'swap'"), m);
    }

    @Test
    void aDryRunChecksEveryPolicyAndChangesNothing() throws Exception {
        RenewPolicyKeysConfig config = config("service", "primary", "registryRead", "swap");
        config.setDryRun(true);

        List<RenewalReport> reports = renew(config);

        assertEquals(0, emulator.requests().count("PUT", PUT));
        assertEquals(2, reports.size());
        assertEquals("planned", reports.get(1).getCredentials().get(0).getResult());
        assertTrue(logBytes.toString(StandardCharsets.UTF_8).contains("Dry run: policies 'service', 'registryRead'"
                + " on hub 'hub-set' exists and their keys can be renewed"), logBytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aPolicyListedTwiceOrABadKeyIsRefusedBeforeAzureIsAsked() {
        AbortException e = failure(config("service", "primary", "Service", "secondary", "device", "both"));

        assertEquals(0, emulator.requests().size());
        assertTrue(e.getMessage().startsWith("iotHubRenewPolicyKeys: "), e.getMessage());
        assertTrue(e.getMessage().contains("policy 'Service' is listed twice"), e.getMessage());
        assertTrue(e.getMessage().contains("policy 'device': "), e.getMessage());
    }
}
