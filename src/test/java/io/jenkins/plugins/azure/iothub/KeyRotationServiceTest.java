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
import io.jenkins.plugins.azure.iothub.emulator.SimulatedHub;
import io.jenkins.plugins.azure.iothub.engine.AzureCloud;
import io.jenkins.plugins.azure.iothub.engine.IotHubKeyClient;
import io.jenkins.plugins.azure.iothub.engine.KeyMaterial;
import io.jenkins.plugins.azure.iothub.jenkins.OptionNames;
import io.jenkins.plugins.azure.iothub.jenkins.StoreCredentialTarget;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * Zero-downtime rotation through {@link KeyRotationService}, the service {@code iotHubRotateKey} and the freestyle
 * rotation step run, against the IoT Hub emulator and an in-memory credentials store. A consumer deployed with the
 * credential's value signs real requests ({@link ConsumerProbe}); the emulator checks each signature against the
 * keys it holds at that moment. Every test scans what a user could see for key material.
 */
class KeyRotationServiceTest {

    private static final String SUBSCRIPTION = "00000000-0000-0000-0000-00000000a010";
    private static final String RG = "rg-rotate";
    private static final String HUB = "hub-rotate";
    private static final String ID = "iothub-rotate-service";
    private static final Authentication ALICE = new UsernamePasswordAuthenticationToken("alice", "pw");

    private IotHubEmulator emulator;
    private SimulatedHub hub;
    private final ModelCredentialsProvider.Store store = ModelCredentialsProvider.folder("iot");
    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private final PrintStream log = new PrintStream(logBytes, true, StandardCharsets.UTF_8);
    private KeyScan scan;

    @BeforeEach
    void startEmulator() {
        emulator = IotHubEmulator.start();
        emulator.lro().retryAfterSeconds(0).pollsUntilDone(1);
        hub = emulator.addHub(SUBSCRIPTION, RG, HUB);
        hub.addDevice("thermostat-7");
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
                .maxAttempts(3)
                .timeBudget(Duration.ofSeconds(config.getTimeoutSeconds()))
                .build();
    }

    private CredentialTarget target() {
        return new StoreCredentialTarget(store, "the credentials of folder 'iot'", ALICE, false, id -> false,
                OptionNames.PIPELINE);
    }

    private static RotateKeyConfig policy() {
        RotateKeyConfig config = new RotateKeyConfig(HUB);
        config.setPolicy("service");
        config.setResourceGroup(RG);
        config.setAzureCredentialsId("azure-sp");
        config.setCredentialsId(ID);
        return config;
    }

    private static RotateKeyConfig device() {
        RotateKeyConfig config = new RotateKeyConfig(HUB);
        config.setDevice("thermostat-7");
        config.setResourceGroup(RG);
        config.setAzureCredentialsId("azure-sp");
        return config;
    }

    /** Stands for the Jenkins controller: halves of one controller never overlap for one stable credential. */
    private final Object controller = new Object();

    private Map<String, Object> prepare(RotateKeyConfig config) throws AbortException {
        return visible(new KeyRotationService(controller).prepare(config, access(), target(), log,
                Wording.PIPELINE));
    }

    private Map<String, Object> finish(RotateKeyConfig config) throws AbortException {
        return visible(new KeyRotationService(controller).finish(config, access(), target(), log,
                Wording.PIPELINE));
    }

    private Map<String, Object> visible(RotationReport report) {
        scan.remember();
        Map<String, Object> map = report.toMap();
        scan.shown(map.toString());
        KeyRenewalAction action = new KeyRenewalAction();
        action.add(report);
        scan.shown(BuildRecordText.of(action)); // what build.xml keeps
        return map;
    }

    private StringCredentialsImpl credential(String id) {
        return (StringCredentialsImpl) store.byId(id);
    }

    private String stored(String id) {
        StringCredentialsImpl c = credential(id);
        return c == null ? null : c.getSecret().getPlainText();
    }

    private String policyConnectionString(String key) {
        return "HostName=" + hub.hostName() + ";SharedAccessKeyName=service;SharedAccessKey=" + key;
    }

    private String deviceConnectionString(String key) {
        return "HostName=" + hub.hostName() + ";DeviceId=thermostat-7;SharedAccessKey=" + key;
    }

    private static String newKey() {
        byte[] bytes = new byte[32];
        new java.security.SecureRandom().nextBytes(bytes);
        return java.util.Base64.getEncoder().encodeToString(bytes);
    }

    /** Every consumer still deployed with an older value, and the credential's current value, are accepted. */
    private static void allAccepted(String moment, List<String> deployed) {
        for (String value : deployed) {
            assertTrue(ConsumerProbe.accepted(value), () -> "a consumer was refused " + moment);
        }
    }

    @Test
    void twoFullPolicyRotationsNeverRefuseAConsumerAndRevokeEachOldKey() throws Exception {
        RotateKeyConfig config = policy();
        config.setInUse("primary");
        String consumer = policyConnectionString(hub.policy("service").primaryKey()); // deployed by hand today
        allAccepted("before the first rotation", List.of(consumer));

        for (int cycle = 1; cycle <= 2; cycle++) {
            String before = consumer;
            Map<String, Object> prepared = prepare(config);
            String handedOver = stored(ID);
            assertNotEquals(before, handedOver);
            assertEquals("handing over", prepared.get("phase"));
            assertTrue(credential(ID).getDescription().contains("(rotation: handing over"));
            allAccepted("after prepare, cycle " + cycle, List.of(before, handedOver));

            consumer = stored(ID); // the body: consumers are redeployed with the credential's value
            allAccepted("in the body, cycle " + cycle, List.of(consumer, before));

            Map<String, Object> finished = finish(config);
            assertEquals("complete", finished.get("phase"));
            assertEquals(prepared.get("keyInUse"), finished.get("keyInUse"));
            assertNotEquals(prepared.get("keyInUse"), finished.get("renewed"));
            assertEquals(handedOver, stored(ID), "finishing never changes the value consumers use");
            allAccepted("after finish, cycle " + cycle, List.of(consumer));
            assertFalse(ConsumerProbe.accepted(before), "the key consumers left must be revoked");
        }
        String text = logBytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("renewing the unused secondary key"), text);
        assertTrue(text.contains("renewing the unused primary key"), text);
        assertTrue(text.contains("rotation complete"), text);
    }

    @Test
    void aFullDeviceRotationKeepsTheDeviceConnectedWithTheDefaultStableCredential() throws Exception {
        RotateKeyConfig config = device();
        config.setInUse("secondary");
        String device = deviceConnectionString(hub.device("thermostat-7").secondaryKey());
        allAccepted("before", List.of(device));
        String id = "iothub.hub-rotate.device.thermostat-7.current";

        Map<String, Object> prepared = prepare(config);

        assertEquals(id, prepared.get("credentialsId"));
        assertEquals("primary", prepared.get("keyInUse"));
        assertEquals(deviceConnectionString(hub.device("thermostat-7").primaryKey()), stored(id));
        allAccepted("after prepare", List.of(device, stored(id)));
        String old = device;
        device = stored(id); // the body gives the device its new connection string
        allAccepted("in the body", List.of(device));

        finish(config);

        allAccepted("after finish", List.of(device));
        assertFalse(ConsumerProbe.accepted(old), "the device's old key must be revoked");
    }

    @Test
    void aFailedBodyLeavesTheOldKeyValidAndTheRerunResumesWithoutRenewingTheKeyInUse() throws Exception {
        RotateKeyConfig config = policy();
        config.setInUse("primary");
        String consumer = policyConnectionString(hub.policy("service").primaryKey());
        prepare(config);
        String handedOver = stored(ID);
        // the body fails here: some consumers moved, others did not; finish is not run

        allAccepted("after the failed body", List.of(consumer, handedOver));
        assertTrue(credential(ID).getDescription().contains("(rotation: handing over"));
        String primary = hub.policy("service").primaryKey();
        String secondary = hub.policy("service").secondaryKey();

        Map<String, Object> rerun = prepare(config);

        assertNull(rerun.get("renewed"), "the rerun renews nothing before the body runs again");
        assertEquals(primary, hub.policy("service").primaryKey());
        assertEquals(secondary, hub.policy("service").secondaryKey());
        assertEquals(handedOver, stored(ID));
        assertTrue(logBytes.toString(StandardCharsets.UTF_8).contains("resuming at the hand-over, nothing is"
                + " renewed now"));
        allAccepted("in the rerun's body", List.of(consumer, handedOver));

        Map<String, Object> finished = finish(config);

        assertEquals("primary", finished.get("renewed"));
        assertEquals(secondary, hub.policy("service").secondaryKey(), "the key in use was never renewed");
        allAccepted("after the rerun", List.of(handedOver));
        assertFalse(ConsumerProbe.accepted(consumer));
        assertEquals("complete", finish(config).get("phase"), "a second finish has nothing to do");
        assertEquals(secondary, hub.policy("service").secondaryKey());
    }

    @Test
    void aDryRunChangesNothingAndReportsThePhaseAndBothFingerprints() throws Exception {
        RotateKeyConfig config = policy();
        config.setInUse("primary");
        prepare(config);
        String value = stored(ID);
        String description = credential(ID).getDescription();
        String primary = hub.policy("service").primaryKey();
        String secondary = hub.policy("service").secondaryKey();
        config.setDryRun(true);

        Map<String, Object> prepareDry = prepare(config);
        Map<String, Object> finishDry = finish(config);

        for (Map<String, Object> dry : List.of(prepareDry, finishDry)) {
            assertEquals("handing over", dry.get("phase"));
            assertEquals("secondary", dry.get("keyInUse"));
            assertEquals(KeyMaterial.of(primary).fingerprint(), dry.get("primaryFingerprint"));
            assertEquals(KeyMaterial.of(secondary).fingerprint(), dry.get("secondaryFingerprint"));
            assertEquals(Boolean.TRUE, dry.get("dryRun"));
            assertNull(dry.get("renewed"));
        }
        assertEquals(primary, hub.policy("service").primaryKey());
        assertEquals(secondary, hub.policy("service").secondaryKey());
        assertEquals(value, stored(ID));
        assertEquals(description, credential(ID).getDescription());
        String text = logBytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("Dry run: credential '" + ID + "' in the credentials of folder 'iot' holds the"
                + " secondary key of policy 'service' on hub '" + HUB + "'; Azure: primary "
                + KeyMaterial.of(primary).fingerprint() + ", secondary " + KeyMaterial.of(secondary).fingerprint()
                + "; phase: handing over."), text);
        assertTrue(text.contains("Nothing was changed."), text);
    }

    @Test
    void theFirstRotationNeedsToKnowWhichKeyConsumersUse() {
        String primary = hub.policy("service").primaryKey();
        String secondary = hub.policy("service").secondaryKey();

        AbortException e = assertThrows(AbortException.class, () -> prepare(policy()));

        scan.shown(e.getMessage());
        assertEquals("Credential '" + ID + "' does not exist yet in the credentials of folder 'iot', so which key of"
                + " policy 'service' on hub '" + HUB + "' consumers use is not known: run the first rotation with"
                + " inUse 'primary' or 'secondary', the key they use today. Nothing was changed.", e.getMessage());
        assertEquals(primary, hub.policy("service").primaryKey());
        assertEquals(secondary, hub.policy("service").secondaryKey());
        assertNull(stored(ID));
    }

    @Test
    void aCredentialHoldingNeitherKeyStopsTheRotationBeforeAnythingChanges() throws Exception {
        RotateKeyConfig config = policy();
        config.setInUse("primary");
        prepare(config);
        finish(config);
        hub.setPolicyKeys("service", newKey(), newKey());
        scan.remember();
        String primary = hub.policy("service").primaryKey();

        AbortException e = assertThrows(AbortException.class, () -> prepare(config));

        scan.shown(e.getMessage());
        assertTrue(e.getMessage().startsWith("Credential '" + ID + "' holds neither key of policy 'service' on hub '"
                + HUB + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("`az iot hub connection-string show --hub-name " + HUB + " -g " + RG
                + " --policy-name service --key-type primary -o tsv`"), e.getMessage());
        assertEquals(primary, hub.policy("service").primaryKey());
    }

    @Test
    void aRenewalWrittenByIotHubRenewKeyIsAStableCredentialInTheCompletePhase() throws Exception {
        RenewKeyConfig renewal = new RenewKeyConfig(HUB, "primary");
        renewal.setPolicy("service");
        renewal.setResourceGroup(RG);
        renewal.setAzureCredentialsId("azure-sp");
        renewal.setPrimaryCredentialsId(ID);
        new KeyRenewalService().renew(renewal, access(), target(), log);
        scan.remember();
        String consumer = stored(ID);

        Map<String, Object> prepared = prepare(policy());

        assertEquals("secondary", prepared.get("renewed"));
        allAccepted("after prepare", List.of(consumer, stored(ID)));
    }

    @Test
    void theBuildRecordKeepsEachHalfWithPhasesSlotsAndFingerprintsButNoKey() throws Exception {
        RotateKeyConfig config = policy();
        config.setInUse("primary");
        KeyRenewalAction action = new KeyRenewalAction();

        RotationReport prepared = new KeyRotationService().prepare(config, access(), target(), log,
                Wording.PIPELINE);
        action.add(prepared);
        String handedOver = KeyMaterial.of(hub.policy("service").secondaryKey()).fingerprint();
        RotationReport finished = new KeyRotationService().finish(config, access(), target(), log,
                Wording.PIPELINE);
        action.add(finished);
        scan.remember();

        assertEquals(List.of(prepared, finished), action.getRotations());
        assertEquals(List.of(), action.getRenewals());
        assertEquals("prepare", prepared.getHalf());
        assertEquals("no credential yet", prepared.getPhaseBefore());
        assertEquals("handing over", prepared.getPhase());
        assertEquals("secondary", prepared.getRenewed());
        assertEquals(handedOver, prepared.getSecondaryFingerprint());
        assertEquals("finish", finished.getHalf());
        assertEquals("handing over", finished.getPhaseBefore());
        assertEquals("complete", finished.getPhase());
        assertEquals("primary", finished.getRenewed());
        assertEquals("secondary", finished.getKeyInUse());
        assertEquals(KeyMaterial.of(hub.policy("service").primaryKey()).fingerprint(),
                finished.getPrimaryFingerprint());
        assertEquals("policy 'service'", finished.getTarget());
        String record = BuildRecordText.of(action);
        scan.shown(record); // scanned for every key after the test
        assertTrue(record.contains(ID), record);
        assertTrue(record.contains(handedOver), record);
        assertTrue(record.contains("phaseBefore=handing over"), record);
    }

    /** Blocks the first write to the store until released, so that one half is caught holding the rotation. */
    private static final class PausedTarget implements CredentialTarget {
        private final CredentialTarget target;
        private final CountDownLatch writing = new CountDownLatch(1);
        private final CountDownLatch release = new CountDownLatch(1);
        private final AtomicBoolean first = new AtomicBoolean(true);

        PausedTarget(CredentialTarget target) {
            this.target = target;
        }

        @Override
        public String describe() {
            return target.describe();
        }

        @Override
        public void checkWritable(List<String> ids, CredentialOwner owner) throws AbortException {
            target.checkWritable(ids, owner);
        }

        @Override
        public Stored read(String id, CredentialOwner owner) throws AbortException {
            return target.read(id, owner);
        }

        @Override
        public WriteResult write(String id, CredentialOwner owner, String description, KeyMaterial secret)
                throws IOException {
            if (first.getAndSet(false)) {
                writing.countDown();
                try {
                    if (!release.await(30, TimeUnit.SECONDS)) {
                        throw new IOException("the test never released the write");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
            return target.write(id, owner, description, secret);
        }
    }

    /** A half on its own thread, with its own log. */
    private final class Rotation {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final CompletableFuture<RotationReport> result;

        Rotation(KeyRotationService service, RotateKeyConfig config, CredentialTarget target) {
            PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
            result = CompletableFuture.supplyAsync(() -> {
                try {
                    return service.prepare(config, access(), target, out, Wording.PIPELINE);
                } catch (AbortException e) {
                    throw new CompletionException(e);
                }
            }, runnable -> new Thread(runnable, "rotation").start());
        }

        String log() {
            return bytes.toString(StandardCharsets.UTF_8);
        }

        void awaitLog(String text) throws InterruptedException {
            long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!log().contains(text)) {
                assertTrue(System.nanoTime() < end, () -> "never logged '" + text + "': " + log());
                assertFalse(result.isDone(), () -> "ended before logging '" + text + "': " + log());
                Thread.sleep(10);
            }
        }
    }

    @Test
    void aSecondRotationOfTheSameCredentialWaitsAndThenResumesInsteadOfRenewingAgain() throws Exception {
        RotateKeyConfig config = policy();
        config.setInUse("primary");
        String consumer = policyConnectionString(hub.policy("service").primaryKey());
        PausedTarget paused = new PausedTarget(target());

        Rotation first = new Rotation(new KeyRotationService(controller), config, paused);
        assertTrue(paused.writing.await(30, TimeUnit.SECONDS), first::log);
        String renewedByFirst = hub.policy("service").secondaryKey(); // Azure holds it; the credential not yet
        Rotation second = new Rotation(new KeyRotationService(controller), config, paused);
        second.awaitLog("Another rotation of credential '" + ID + "' in the credentials of folder 'iot' is running"
                + " a half in this Jenkins; waiting up to 300 s");
        paused.release.countDown();
        RotationReport one = first.result.get(30, TimeUnit.SECONDS);
        RotationReport two = second.result.get(30, TimeUnit.SECONDS);
        scan.remember();
        scan.shown(first.log());
        scan.shown(second.log());
        visible(one);
        visible(two);

        assertEquals("secondary", one.getRenewed());
        assertNull(two.getRenewed(), "the second rotation read the hand-over and renewed nothing");
        assertTrue(second.log().contains("resuming at the hand-over, nothing is renewed now"), second.log());
        assertEquals(renewedByFirst, hub.policy("service").secondaryKey(), "the handed-over key was renewed once");
        assertEquals(policyConnectionString(renewedByFirst), stored(ID));
        allAccepted("after both prepares", List.of(consumer, stored(ID)));
    }

    @Test
    void aSecondRotationThatWaitsTooLongStopsWithOneLineAndChangesNothing() throws Exception {
        RotateKeyConfig config = policy();
        config.setInUse("primary");
        PausedTarget paused = new PausedTarget(target());
        Rotation first = new Rotation(new KeyRotationService(controller), config, paused);
        assertTrue(paused.writing.await(30, TimeUnit.SECONDS), first::log);
        String primary = hub.policy("service").primaryKey();
        String secondary = hub.policy("service").secondaryKey();
        String requestsBefore = String.valueOf(emulator.requests().size());

        KeyRotationService impatient = new KeyRotationService(controller, Duration.ofMillis(200));
        AbortException e = assertThrows(AbortException.class,
                () -> impatient.prepare(config, access(), paused, log, Wording.PIPELINE));

        scan.shown(e.getMessage());
        assertEquals("Another rotation of credential '" + ID + "' in the credentials of folder 'iot' (policy"
                + " 'service' on hub '" + HUB + "') was still running after 200 ms, so this one stopped before reading"
                + " anything; nothing was changed. Run one rotation per credential at a time"
                + " (disableConcurrentBuilds()), and run this one again when the other has ended.", e.getMessage());
        assertEquals(requestsBefore, String.valueOf(emulator.requests().size()), "nothing was sent to Azure");
        assertEquals(primary, hub.policy("service").primaryKey());
        assertEquals(secondary, hub.policy("service").secondaryKey());
        paused.release.countDown();
        visible(first.result.get(30, TimeUnit.SECONDS));
        scan.shown(first.log());
    }

    @Test
    void aHalfLeftRunningByAnEarlierControllerInstanceDoesNotHoldUpTheNewOne() throws Exception {
        RotateKeyConfig config = policy();
        config.setInUse("primary");
        // The earlier instance's thread, caught in its write, with that instance's store (same folder, same name).
        ModelCredentialsProvider.Store before = ModelCredentialsProvider.folder("iot");
        before.grant("alice", CredentialsProvider.VIEW, CredentialsProvider.CREATE, CredentialsProvider.UPDATE);
        PausedTarget paused = new PausedTarget(new StoreCredentialTarget(before, "the credentials of folder 'iot'",
                ALICE, false, id -> false, OptionNames.PIPELINE));
        Rotation leftover = new Rotation(new KeyRotationService(new Object()), config, paused);
        assertTrue(paused.writing.await(30, TimeUnit.SECONDS), leftover::log);

        RotationReport resumed = new KeyRotationService(controller, Duration.ofMillis(200)).prepare(config,
                access(), target(), log, Wording.PIPELINE);

        visible(resumed);
        assertEquals("secondary", resumed.getRenewed());
        assertFalse(logBytes.toString(StandardCharsets.UTF_8).contains("Another rotation"));
        paused.release.countDown();
        visible(leftover.result.get(30, TimeUnit.SECONDS));
        scan.shown(leftover.log());
    }

    @Test
    void rotationsOfDifferentCredentialsDoNotWaitForEachOther() throws Exception {
        RotateKeyConfig config = policy();
        config.setInUse("primary");
        PausedTarget paused = new PausedTarget(target());
        Rotation first = new Rotation(new KeyRotationService(controller), config, paused);
        assertTrue(paused.writing.await(30, TimeUnit.SECONDS), first::log);
        RotateKeyConfig device = device();
        device.setInUse("primary");

        Map<String, Object> other = prepare(device);

        assertEquals("secondary", other.get("renewed"));
        assertFalse(logBytes.toString(StandardCharsets.UTF_8).contains("Another rotation"));
        paused.release.countDown();
        visible(first.result.get(30, TimeUnit.SECONDS));
        scan.shown(first.log());
    }
}
