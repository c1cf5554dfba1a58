package io.jenkins.plugins.azure.iothub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import hudson.AbortException;
import hudson.security.ACL;
import hudson.util.Secret;
import io.jenkins.plugins.azure.iothub.emulator.IotHubEmulator;
import io.jenkins.plugins.azure.iothub.emulator.RecordedRequest;
import io.jenkins.plugins.azure.iothub.emulator.SimulatedHub;
import io.jenkins.plugins.azure.iothub.emulator.SimulatedIdentity;
import io.jenkins.plugins.azure.iothub.engine.AzureCloud;
import io.jenkins.plugins.azure.iothub.engine.IotHubKeyClient;
import io.jenkins.plugins.azure.iothub.engine.KeyMaterial;
import io.jenkins.plugins.azure.iothub.jenkins.OptionNames;
import io.jenkins.plugins.azure.iothub.jenkins.StoreCredentialTarget;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * The whole renewal against the real engine and the local IoT Hub emulator, writing into an in-memory credentials
 * store. Every test also scans what a user could see (log, failure message, returned map) for key material.
 */
class KeyRenewalServiceTest {

    private static final String SUBSCRIPTION = "00000000-0000-0000-0000-00000000a001";
    private static final String RG = "rg-keys";
    private static final String HUB = "hub-keys";
    private static final Authentication ALICE = new UsernamePasswordAuthenticationToken("alice", "pw");

    private IotHubEmulator emulator;
    private SimulatedHub hub;
    private final ModelCredentialsProvider.Store store = ModelCredentialsProvider.folder("iot");
    private final ModelCredentialsProvider.Store system = ModelCredentialsProvider.system();
    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private final PrintStream log = new PrintStream(logBytes, true, StandardCharsets.UTF_8);
    private final AtomicInteger clientsBuilt = new AtomicInteger();
    private KeyScan scan;

    @BeforeEach
    void startEmulator() {
        emulator = IotHubEmulator.start();
        emulator.lro().retryAfterSeconds(0).pollsUntilDone(1);
        hub = emulator.addHub(SUBSCRIPTION, RG, HUB);
        hub.addDevice("thermostat-7");
        hub.addModule("thermostat-7", "edge-agent");
        scan = new KeyScan(hub);
        store.grant("alice", CredentialsProvider.VIEW, CredentialsProvider.CREATE, CredentialsProvider.UPDATE);
        system.grant("alice", CredentialsProvider.VIEW, CredentialsProvider.CREATE, CredentialsProvider.UPDATE);
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
        return config -> {
            clientsBuilt.incrementAndGet();
            return IotHubKeyClient.builder()
                    .cloud(AzureCloud.custom(emulator.armEndpoint(), "https://management.core.windows.net//.default",
                            "https://iothubs.azure.net/.default"))
                    .credential(emulator.tokenCredential())
                    .subscriptionId(SUBSCRIPTION)
                    .pollInterval(Duration.ofMillis(20))
                    .retryDelay(Duration.ofMillis(10))
                    .maxAttempts(3)
                    .timeBudget(Duration.ofSeconds(config.getTimeoutSeconds()))
                    .build();
        };
    }

    private CredentialTarget folder(Authentication who) {
        return new StoreCredentialTarget(store, "the credentials of folder 'iot'", who, false, id -> false, OptionNames.PIPELINE);
    }

    private static RenewKeyConfig policy(String key) {
        RenewKeyConfig config = new RenewKeyConfig(HUB, key);
        config.setPolicy("service");
        config.setResourceGroup(RG);
        config.setAzureCredentialsId("azure-sp");
        return config;
    }

    private static RenewKeyConfig device(String key) {
        RenewKeyConfig config = new RenewKeyConfig(HUB, key);
        config.setDevice("thermostat-7");
        config.setResourceGroup(RG);
        config.setAzureCredentialsId("azure-sp");
        return config;
    }

    private Map<String, Object> renew(RenewKeyConfig config, CredentialTarget target) throws AbortException {
        RenewalReport report = new KeyRenewalService().renew(config, access(), target, log);
        scan.remember();
        Map<String, Object> map = report.toMap();
        scan.shown(map.toString());
        KeyRenewalAction action = new KeyRenewalAction();
        action.add(report);
        scan.shown(BuildRecordText.of(action)); // what build.xml keeps
        return map;
    }

    private AbortException failure(RenewKeyConfig config, CredentialTarget target) {
        AbortException e = assertThrows(AbortException.class,
                () -> new KeyRenewalService().renew(config, access(), target, log));
        scan.remember();
        scan.shown(e.getMessage());
        assertFalse(e.getMessage().contains("\n"), () -> "not one line: " + e.getMessage());
        return e;
    }

    private String stored(String id) {
        StringCredentials c = (StringCredentials) store.byId(id);
        if (c == null) {
            c = (StringCredentials) system.byId(id);
        }
        return c == null ? null : c.getSecret().getPlainText();
    }

    private String policyConnectionString(String key) {
        return "HostName=" + hub.hostName() + ";SharedAccessKeyName=service;SharedAccessKey=" + key;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> credentialEntry(Map<String, Object> result, int index) {
        return ((List<Map<String, Object>>) result.get("credentials")).get(index);
    }

    @Test
    void firstRenewalCreatesTheCredentialAndTheNextUpdatesIt() throws Exception {
        String before = hub.policy("service").primaryKey();

        Map<String, Object> first = renew(policy("primary"), folder(ALICE));

        String renewed = hub.policy("service").primaryKey();
        assertNotEquals(before, renewed);
        assertEquals(policyConnectionString(renewed), stored("iothub.hub-keys.policy.service.primary"));
        assertEquals("created", credentialEntry(first, 0).get("result"));
        assertEquals(KeyMaterial.of(renewed).fingerprint(), credentialEntry(first, 0).get("fingerprint"));
        assertEquals(hub.hostName(), first.get("hostName"));
        assertEquals("iothub.hub-keys.policy.service.primary", first.get("primaryCredentialsId"));
        assertEquals(Boolean.TRUE, first.get("verified"));
        assertEquals(Boolean.FALSE, first.get("dryRun"));

        Map<String, Object> second = renew(policy("primary"), folder(ALICE));

        String renewedAgain = hub.policy("service").primaryKey();
        assertNotEquals(renewed, renewedAgain);
        assertEquals(policyConnectionString(renewedAgain), stored("iothub.hub-keys.policy.service.primary"));
        assertEquals("updated", credentialEntry(second, 0).get("result"));
        String text = logBytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("Stored the new primary connection string in credential "
                + "'iothub.hub-keys.policy.service.primary' (updated)"), text);
    }

    @Test
    void swapStoresBothKeysInTheirNewPlaces() throws Exception {
        String primary = hub.policy("service").primaryKey();
        String secondary = hub.policy("service").secondaryKey();
        RenewKeyConfig config = policy("swap");
        config.setStore("key");

        Map<String, Object> result = renew(config, folder(ALICE));

        assertEquals(secondary, stored("iothub.hub-keys.policy.service.primary"));
        assertEquals(primary, stored("iothub.hub-keys.policy.service.secondary"));
        assertEquals(2, ((List<?>) result.get("credentials")).size());
    }

    @Test
    void deviceBothRenewsAndStoresBothKeys() throws Exception {
        String oldPrimary = hub.device("thermostat-7").primaryKey();
        RenewKeyConfig config = device("both");
        config.setStore("key");
        config.setPrimaryCredentialsId("thermo-primary");

        renew(config, folder(ALICE));

        SimulatedIdentity now = hub.device("thermostat-7");
        assertNotEquals(oldPrimary, now.primaryKey());
        assertEquals(now.primaryKey(), stored("thermo-primary"));
        assertEquals(now.secondaryKey(), stored("iothub.hub-keys.device.thermostat-7.secondary"));
        assertTrue(logBytes.toString(StandardCharsets.UTF_8).contains("Verified the new key(s) of device "
                + "'thermostat-7' on hub 'hub-keys' by reading it back from the registry."),
                logBytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void moduleKeyIsStoredAsAModuleConnectionString() throws Exception {
        RenewKeyConfig config = device("secondary");
        config.setModule("edge-agent");

        renew(config, folder(ALICE));

        String key = hub.module("thermostat-7", "edge-agent").secondaryKey();
        assertEquals("HostName=" + hub.hostName() + ";DeviceId=thermostat-7;ModuleId=edge-agent;SharedAccessKey=" + key,
                stored("iothub.hub-keys.device.thermostat-7.module.edge-agent.secondary"));
    }

    @Test
    void foreignCredentialWithTheSameIdIsRefusedBeforeAzureIsTouched() {
        store.put(new StringCredentialsImpl(CredentialsScope.GLOBAL, "iothub.hub-keys.policy.service.primary", "by hand",
                Secret.fromString("keep me")));
        String before = hub.policy("service").primaryKey();

        AbortException e = failure(policy("primary"), folder(ALICE));

        assertTrue(e.getMessage().contains("not created by this plugin"), e.getMessage());
        assertEquals(0, emulator.requests().size(), emulator.requests().describe());
        assertEquals(before, hub.policy("service").primaryKey());
        assertEquals("keep me", stored("iothub.hub-keys.policy.service.primary"));
    }

    @Test
    void userWithoutCreatePermissionIsRefusedBeforeAzureIsTouched() {
        Authentication bob = new UsernamePasswordAuthenticationToken("bob", "pw");

        AbortException e = failure(policy("primary"), folder(bob));

        assertTrue(e.getMessage().contains("'bob' lacks Credentials/Create"), e.getMessage());
        assertEquals(0, emulator.requests().size(), emulator.requests().describe());
        assertNull(store.byId("iothub.hub-keys.policy.service.primary"));
    }

    @Test
    void systemBuildIsRefusedTheSystemStoreUnlessAllowed() throws Exception {
        CredentialTarget refused = new StoreCredentialTarget(system, "the Jenkins system credentials", ACL.SYSTEM2,
                false, id -> false, OptionNames.PIPELINE);
        AbortException e = failure(policy("primary"), refused);
        assertTrue(e.getMessage().contains("runs as SYSTEM"), e.getMessage());
        assertEquals(0, emulator.requests().size());

        CredentialTarget allowed = new StoreCredentialTarget(system, "the Jenkins system credentials", ACL.SYSTEM2,
                true, id -> false, OptionNames.PIPELINE);
        renew(policy("primary"), allowed);
        assertEquals(policyConnectionString(hub.policy("service").primaryKey()),
                stored("iothub.hub-keys.policy.service.primary"));
    }

    @Test
    void userBuildWritesTheSystemStoreWithItsOwnPermissions() throws Exception {
        CredentialTarget target = new StoreCredentialTarget(system, "the Jenkins system credentials", ALICE,
                false, id -> false, OptionNames.PIPELINE);
        renew(policy("secondary"), target);
        assertEquals(policyConnectionString(hub.policy("service").secondaryKey()),
                stored("iothub.hub-keys.policy.service.secondary"));
    }

    @Test
    void anAbortOnceAzureHoldsTheNewKeyStillStoresItAndSaysSo() {
        // The build is aborted while the new key is being verified: Azure already holds it, so the credential
        // must get it before the step stops, and the line must say that nothing needs recovering.
        Thread build = Thread.currentThread();
        emulator.faults().on("GET", ".*").atRegistryOf(hub).concurrentModification(build::interrupt);

        AbortException e = failure(policy("primary"), folder(ALICE));

        assertTrue(Thread.interrupted(), "the interrupt is kept for the caller");
        // whether the verification finished before it noticed the interrupt depends on timing; the line says which
        assertTrue(e.getMessage().startsWith("Aborted after Azure renewed the primary key of policy 'service' on hub '"
                + HUB + "'; the new key was stored in credential(s) 'iothub.hub-keys.policy.service.primary' before "
                + "stopping, so Jenkins and Azure agree"), e.getMessage());
        assertEquals(policyConnectionString(hub.policy("service").primaryKey()),
                stored("iothub.hub-keys.policy.service.primary"));
    }

    @Test
    void dryRunChangesNothingInAzureOrJenkins() throws Exception {
        String primary = hub.policy("service").primaryKey();
        RenewKeyConfig config = policy("primary");
        config.setDryRun(true);

        Map<String, Object> result = renew(config, folder(ALICE));

        assertEquals(primary, hub.policy("service").primaryKey());
        assertEquals(0, store.saves());
        // only reads: GETs and ARM's read-only listkeys action, never a PUT to the hub or the registry
        for (RecordedRequest request : emulator.requests().all()) {
            boolean read = request.method().equals("GET")
                    || request.method().equals("POST") && request.rawPath().endsWith("/listkeys");
            assertTrue(read, () -> "dry run wrote: " + request);
        }
        assertEquals(Boolean.TRUE, result.get("dryRun"));
        assertEquals("planned", credentialEntry(result, 0).get("result"));
        assertNull(credentialEntry(result, 0).get("fingerprint"));
        assertEquals(hub.hostName(), result.get("hostName"));
        assertTrue(logBytes.toString(StandardCharsets.UTF_8).contains("Nothing was changed."));
    }

    @Test
    void dryRunReportsAMissingDevice() {
        RenewKeyConfig config = device("primary");
        config.setDevice("no-such-device");
        config.setDryRun(true);

        AbortException e = failure(config, folder(ALICE));

        assertTrue(e.getMessage().startsWith("Dry run: "), e.getMessage());
        assertTrue(e.getMessage().contains("no-such-device"), e.getMessage());
        assertEquals(0, emulator.requests().count("PUT", ".*"));
    }

    @Test
    void failedVerificationFailsTheBuildButKeepsTheNewKeyStored() {
        hub.disableLocalAuth(true); // ARM still renews; every SAS-signed read is refused

        AbortException e = failure(policy("primary"), folder(ALICE));

        assertTrue(e.getMessage().contains("but verifying it with a SAS-signed read failed"), e.getMessage());
        assertTrue(e.getMessage().contains("'iothub.hub-keys.policy.service.primary'"), e.getMessage());
        assertEquals(policyConnectionString(hub.policy("service").primaryKey()),
                stored("iothub.hub-keys.policy.service.primary"));
    }

    @Test
    void verificationCanBeSwitchedOff() throws Exception {
        hub.disableLocalAuth(true);
        RenewKeyConfig config = policy("primary");
        config.setVerify(false);

        Map<String, Object> result = renew(config, folder(ALICE));

        assertEquals(Boolean.FALSE, result.get("verified"));
    }

    @Test
    void deviceConnectOnlyPolicyIsRenewedAndStoredButReportedAsNotVerified() throws Exception {
        String before = hub.policy("device").primaryKey();
        RenewKeyConfig config = policy("primary");
        config.setPolicy("device"); // the hub's default DeviceConnect-only policy

        Map<String, Object> result = renew(config, folder(ALICE));

        String renewed = hub.policy("device").primaryKey();
        assertNotEquals(before, renewed);
        assertEquals("HostName=" + hub.hostName() + ";SharedAccessKeyName=device;SharedAccessKey=" + renewed,
                stored("iothub.hub-keys.policy.device.primary"));
        assertEquals(Boolean.FALSE, result.get("verified"));
        assertTrue(logBytes.toString(StandardCharsets.UTF_8).contains("Not verified: policy 'device'"),
                logBytes.toString(StandardCharsets.UTF_8));
        assertEquals(0, emulator.requests().count("GET", "/statistics/.*"));
    }

    @Test
    void storingFailureAfterRenewalSaysWhichKeyChangedAndHowToRecover() {
        String before = hub.policy("service").primaryKey();
        store.failSaves("disk full");

        AbortException e = failure(policy("primary"), folder(ALICE));

        assertNotEquals(before, hub.policy("service").primaryKey(), "Azure did renew");
        String message = e.getMessage();
        assertTrue(message.startsWith("Azure renewed the primary key of policy 'service' on hub 'hub-keys', but "
                + "Jenkins could not store it in credential(s) 'iothub.hub-keys.policy.service.primary' (disk full)"), message);
        assertTrue(message.contains("do not rely on that credential: it may hold the OLD key, or the new one only until Jenkins restarts"), message);
        assertTrue(message.contains("'iothub.hub-keys.policy.service.primary' <- `az iot hub connection-string show "
                + "--hub-name hub-keys -g rg-keys --policy-name service --key-type primary -o tsv`"), message);
        assertTrue(message.contains("rerun iotHubRenewKey with the same arguments"), message);
    }

    @Test
    void aStoreFailureQuotingTheNewKeyReachesNeitherTheBuildLogNorTheSystemLog() {
        store.failSavesQuotingTheSecret();
        Logger logger = Logger.getLogger(KeyRenewalService.class.getName());
        List<LogRecord> records = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Level previous = logger.getLevel();
        logger.setLevel(Level.ALL);
        logger.addHandler(capture);
        try {
            AbortException e = failure(policy("primary"), folder(ALICE));
            assertTrue(e.getMessage().contains("(cannot save '****')"), e.getMessage());
        } finally {
            logger.removeHandler(capture);
            logger.setLevel(previous);
        }

        LogRecord failed = records.stream().filter(r -> r.getThrown() != null).findFirst().orElseThrow();
        StringWriter trace = new StringWriter();
        failed.getThrown().printStackTrace(new PrintWriter(trace));
        scan.shown(failed.getMessage());
        scan.shown(trace.toString());
        assertTrue(trace.toString().startsWith("java.io.IOException: cannot save '****'"), trace.toString());
        assertTrue(trace.toString().contains("Caused by: java.lang.IllegalStateException: rejected value ****"),
                trace.toString());
        assertTrue(trace.toString().contains("ModelCredentialsProvider"), "the stack trace is kept");
    }

    @Test
    void theBuildRecordKeepsIdsAndFingerprintsButNoKey() throws Exception {
        RenewalReport report = new KeyRenewalService().renew(policy("primary"), access(), folder(ALICE), log);
        scan.remember();
        KeyRenewalAction action = new KeyRenewalAction();
        action.add(report);

        String record = BuildRecordText.of(action);

        scan.shown(record); // scanned for every key after the test
        assertTrue(record.contains("iothub.hub-keys.policy.service.primary"), record);
        assertTrue(record.contains(KeyMaterial.of(hub.policy("service").primaryKey()).fingerprint()), record);
    }

    @Test
    void storingFailureAfterASwapWarnsAgainstSwappingBack() {
        store.failSaves("disk full");
        RenewKeyConfig config = device("swap");
        config.setStore("key");

        AbortException e = failure(config, folder(ALICE));

        assertTrue(e.getMessage().contains("`az iot hub device-identity show --hub-name hub-keys -g rg-keys "
                + "--device-id thermostat-7 --query authentication.symmetricKey.secondaryKey -o tsv`"), e.getMessage());
        assertTrue(e.getMessage().contains("Do not rerun 'swap'"), e.getMessage());
    }

    @Test
    void invalidArgumentsAreRefusedBeforeAnyRequest() {
        RenewKeyConfig config = policy("both");
        config.setDevice("thermostat-7");

        AbortException e = failure(config, folder(ALICE));

        assertTrue(e.getMessage().contains("set only one of policy or device"), e.getMessage());
        assertTrue(e.getMessage().endsWith("Nothing was sent to Azure; fix the arguments and run again."));
        assertEquals(0, clientsBuilt.get());
        assertEquals(0, emulator.requests().size());
    }

    @Test
    void azureRefusalNamesTheHubAndWritesNothing() {
        RenewKeyConfig config = new RenewKeyConfig("hub-missing", "primary");
        config.setPolicy("service");
        config.setAzureCredentialsId("azure-sp");

        AbortException e = failure(config, folder(ALICE));

        assertTrue(e.getMessage().contains("hub-missing"), e.getMessage());
        assertEquals(0, store.saves());
    }

    @Test
    void unknownPolicyNamesThePolicy() {
        RenewKeyConfig config = policy("primary");
        config.setPolicy("no-such-policy");

        AbortException e = failure(config, folder(ALICE));

        assertTrue(e.getMessage().contains("no-such-policy"), e.getMessage());
        assertEquals(0, store.saves());
    }
}
