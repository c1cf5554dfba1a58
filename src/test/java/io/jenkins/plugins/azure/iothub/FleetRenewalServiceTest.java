package io.jenkins.plugins.azure.iothub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hudson.AbortException;
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
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.jenkinsci.plugins.plaincredentials.impl.FileCredentialsImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

/**
 * A fleet through {@link KeyRenewalService#renewFleet}, the path {@code iotHubRenewFleetKeys} and its freestyle builder
 * take, against the engine and the emulator with its registry throttle on (scaled, so that 1,000 devices take
 * seconds). Every test scans the log, the failure, the returned map and the build record for keys.
 */
class FleetRenewalServiceTest {

    private static final String SUBSCRIPTION = "00000000-0000-0000-0000-00000000a003";
    private static final String RG = "rg-fleet";
    private static final String HUB = "hub-fleet";

    private IotHubEmulator emulator;
    private SimulatedHub hub;
    private final ModelCredentialsProvider.Store store = ModelCredentialsProvider.folder("iot");
    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private final PrintStream log = new PrintStream(logBytes, true, StandardCharsets.UTF_8);
    private final List<String> userVisible = new ArrayList<>();
    private final List<String> ids = new ArrayList<>();
    /** The summaries the service handed to the build page, one per run. */
    private final List<FleetReport> summaries = new ArrayList<>();

    @BeforeEach
    void start() {
        emulator = IotHubEmulator.start();
        hub = emulator.addHub(SUBSCRIPTION, RG, HUB);
        store.grant("alice", CredentialsProvider.VIEW, CredentialsProvider.CREATE, CredentialsProvider.UPDATE);
    }

    @AfterEach
    void scanForKeysAndStop() {
        userVisible.add(logBytes.toString(StandardCharsets.UTF_8));
        List<String> keys = new ArrayList<>();
        for (String id : ids) {
            keys.add(hub.device(id).primaryKey());
            keys.add(hub.device(id).secondaryKey());
        }
        for (String text : userVisible) {
            for (String key : keys) {
                assertFalse(text.contains(key), () -> "key material in user-visible text");
            }
        }
        emulator.close();
    }

    private void devices(int count) {
        for (int i = 0; i < count; i++) {
            String id = String.format("sensor-%04d", i);
            hub.addDevice(id).setTag("site", i % 2 == 0 ? "north" : "south");
            ids.add(id);
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
                .maxAttempts(4)
                .timeBudget(Duration.ofSeconds(config.getTimeoutSeconds()))
                .build();
    }

    private CredentialTarget folder() {
        return new StoreCredentialTarget(store, "the credentials of folder 'iot'",
                new UsernamePasswordAuthenticationToken("alice", "pw"), false, id -> false, OptionNames.PIPELINE);
    }

    private RenewFleetKeysConfig fleet(String key) {
        RenewFleetKeysConfig config = new RenewFleetKeysConfig(HUB, key);
        config.setResourceGroup(RG);
        config.setAzureCredentialsId("azure-sp");
        return config;
    }

    private KeyRenewalService service() {
        return new KeyRenewalService(Clock.systemUTC(), Duration.ZERO); // a progress line after every batch
    }

    private KeyRenewalService.FleetOutcome renew(RenewFleetKeysConfig config, CredentialTarget target)
            throws AbortException {
        int before = summaries.size();
        KeyRenewalService.FleetOutcome outcome = service().renewFleet(config, access(), target, log,
                Wording.PIPELINE, summaries::add);
        assertEquals(before + 1, summaries.size(), "one summary per run");
        assertEquals(outcome.summary(), summary());
        userVisible.add(BuildRenewal.fleetMap(config, outcome).toString());
        userVisible.add(buildRecord());
        return outcome;
    }

    private AbortException failure(RenewFleetKeysConfig config, CredentialTarget target) {
        AbortException e = assertThrows(AbortException.class,
                () -> service().renewFleet(config, access(), target, log, Wording.PIPELINE, summaries::add));
        userVisible.add(e.getMessage());
        userVisible.add(buildRecord());
        assertFalse(e.getMessage().contains("\n"), () -> "not one line: " + e.getMessage());
        return e;
    }

    /** The latest run's summary. */
    private FleetReport summary() {
        return summaries.get(summaries.size() - 1);
    }

    /** What build.xml would hold for this test's runs: the action with every summary recorded. */
    private String buildRecord() {
        KeyRenewalAction action = new KeyRenewalAction();
        summaries.forEach(action::add);
        return BuildRecordText.of(action);
    }

    private String stored(String id) {
        StringCredentials c = (StringCredentials) store.byId(id);
        return c == null ? null : c.getSecret().getPlainText();
    }

    private JsonNode file(String id) throws IOException {
        FileCredentialsImpl file = (FileCredentialsImpl) store.byId(id);
        try (InputStream in = file.getContent()) {
            return new ObjectMapper().readTree(in);
        }
    }

    private String connectionString(String device, String key) {
        return "HostName=" + hub.hostName() + ";DeviceId=" + device + ";SharedAccessKey=" + key;
    }

    @Test
    void thousandDevicesMatchingAConditionAtTheThrottleEachStoredInItsOwnCredential() throws Exception {
        devices(1000);
        Map<String, String> before = new HashMap<>();
        ids.forEach(id -> before.put(id, hub.device(id).secondaryKey()));
        hub.throttle().scale(600).enabled(true); // S1, 1 unit: 60,000 identity operations per minute (600x)
        RenewFleetKeysConfig config = fleet("secondary");
        config.setAllDevices(true);
        // the engine paces by the tier it reads (S1: 100 per minute per unit); the scaled limit is set explicitly
        config.setOperationsPerMinute((int) (0.98 * hub.throttle().identityOperationsPerMinute()));

        KeyRenewalService.FleetOutcome outcome = renew(config, folder());

        assertEquals(1000, outcome.reports().size());
        assertEquals(0, hub.throttle().throttledRequests(), "the pace stays below the throttle");
        FleetReport summary = summary();
        assertEquals(List.of(summary), summaries, "one record on the build page, not one per identity");
        assertEquals("every SAS device", summary.getSelection());
        assertEquals(hub.hostName(), summary.getHostName());
        assertEquals(1000, summary.getRenewed());
        assertEquals(0, summary.getSkipped());
        assertEquals(0, summary.getFailed());
        assertTrue(summary.getFailures().isEmpty());
        assertFalse(summary.isFile());
        assertEquals("iothub.hub-fleet.device.{device}[.module.{module}].{slot}", summary.getCredentialIds());
        assertEquals("the credentials of folder 'iot'", summary.getStoreDescription());
        assertEquals(null, summary.getOutcome());
        assertEquals(2000, summary.getRegistryOperations(), "a read and a share of a bulk write per device");
        assertTrue(summary.getPacePerMinute() > 0, summary.getPace());
        String record = buildRecord();
        assertFalse(record.contains("sensor-0"), "no identity of a successful run in the build record");
        assertTrue(record.length() < 2_000, () -> "a small build record: " + record.length());
        Map<String, Object> map = BuildRenewal.fleetMap(config, outcome);
        assertEquals(1000, map.get("renewed"));
        assertEquals(0, map.get("skipped"));
        assertTrue(map.toString().length() < 1_000, map::toString);
        for (String id : ids) {
            assertNotEquals(before.get(id), hub.device(id).secondaryKey(), id);
            assertEquals(connectionString(id, hub.device(id).secondaryKey()),
                    stored("iothub.hub-fleet.device." + id + ".secondary"), id);
        }
        String text = logBytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("Progress: 100/1000 identities"), text);
        assertTrue(text.contains("Progress: 1000/1000 identities"), text);
        assertTrue(text.contains("Fleet renewal of every SAS device on hub 'hub-fleet': 1000 renewed, 0 skipped,"
                + " 0 failed"), text);
        assertTrue(text.contains("  sensor-0999"), "the table names every device");
        assertTrue(text.contains("Stored the new keys of 100 identities in 100 credentials in the credentials of"
                + " folder 'iot'."), "one line per batch");
        assertFalse(text.contains("Azure now holds a new secondary key"), "the table has the fingerprints");
    }

    @Test
    void thousandDevicesAsOneSecretFileHoldingAJsonMap() throws Exception {
        devices(1000);
        hub.throttle().scale(600).enabled(true);
        RenewFleetKeysConfig config = fleet("both");
        config.setWhere("tags.site = 'north'");
        config.setStoreIn("file");
        config.setStore("key");
        config.setOperationsPerMinute((int) (0.98 * hub.throttle().identityOperationsPerMinute()));

        KeyRenewalService.FleetOutcome outcome = renew(config, folder());

        assertEquals(500, outcome.reports().size());
        assertTrue(summary().isFile());
        assertEquals("iothub.hub-fleet.fleet", summary().getCredentialIds());
        assertEquals("devices where tags.site = 'north'", summary().getSelection());
        assertEquals(500, summary().getRenewed());
        assertEquals("iothub.hub-fleet.fleet", BuildRenewal.fleetMap(config, outcome).get("fileCredentialsId"));
        JsonNode json = file("iothub.hub-fleet.fleet");
        assertEquals(500, json.get("keys").size());
        for (int i = 0; i < 1000; i += 2) {
            SimulatedIdentity device = hub.device(ids.get(i));
            assertEquals(device.primaryKey(), json.get("keys").get(ids.get(i)).get("primary").asText());
            assertEquals(device.secondaryKey(), json.get("keys").get(ids.get(i)).get("secondary").asText());
        }
        assertFalse(json.get("keys").has(ids.get(1)), "south is not selected");
        assertTrue(((FileCredentialsImpl) store.byId("iothub.hub-fleet.fleet")).getDescription()
                .endsWith("fleet keys of fleet devices where tags.site = 'north' on hub 'hub-fleet'"));
        assertEquals(5, emulator.requests().all().stream()
                .filter(r -> r.method().equals("POST") && r.rawPath().equals("/devices")).count(),
                "one bulk request per 100 of the 500 north devices");
    }

    /** Aborts the build (interrupts the renewal thread) once the store holds {@code writes} more credentials. */
    private CredentialTarget abortingAfter(CredentialTarget target, int writes) {
        AtomicInteger count = new AtomicInteger();
        return new CredentialTarget() {
            @Override
            public String describe() {
                return target.describe();
            }

            @Override
            public void checkWritable(List<String> ids, CredentialOwner owner) throws AbortException {
                target.checkWritable(ids, owner);
            }

            @Override
            public WriteResult write(String id, CredentialOwner owner, String description, KeyMaterial secret)
                    throws IOException {
                WriteResult result = target.write(id, owner, description, secret);
                if (count.incrementAndGet() == writes) {
                    Thread.currentThread().interrupt();
                }
                return result;
            }

            @Override
            public WriteResult writeFile(String id, CredentialOwner owner, String description, String fileName,
                    KeyMaterial content) throws IOException {
                WriteResult result = target.writeFile(id, owner, description, fileName, content);
                if (count.incrementAndGet() == writes) {
                    Thread.currentThread().interrupt();
                }
                return result;
            }

            @Override
            public Stored read(String id, CredentialOwner owner) throws AbortException {
                return target.read(id, owner);
            }

            @Override
            public Stored readFile(String id, CredentialOwner owner) throws AbortException {
                return target.readFile(id, owner);
            }

            @Override
            public List<String> ownedDescriptions() {
                return target.ownedDescriptions();
            }
        };
    }

    @Test
    void anAbortMidRunStoresEveryBatchAzureRenewedAndARerunOfTheRotationCompletesOnlyWhatIsMissing()
            throws Exception {
        devices(350);
        RenewFleetKeysConfig config = fleet("primary");
        config.setDevices(String.join("\n", ids));
        config.setRotation("2026-12");
        config.setOperationsPerMinute(600_000);

        // The abort arrives while the second batch is being stored: that batch is still stored in full.
        AbortException e = failure(config, abortingAfter(folder(), 150));
        assertTrue(Thread.interrupted(), "the interruption is kept for the caller");

        assertTrue(e.getMessage().contains("150 of 350 identities on hub 'hub-fleet' were not renewed"),
                e.getMessage());
        assertTrue(e.getMessage().contains("rerun with rotation '2026-12'"), e.getMessage());
        Map<String, String> afterFirst = new HashMap<>();
        for (String id : ids.subList(0, 200)) {
            String credential = stored("iothub.hub-fleet.device." + id + ".primary");
            assertEquals(connectionString(id, hub.device(id).primaryKey()), credential, id);
            afterFirst.put(id, hub.device(id).primaryKey());
        }
        for (String id : ids.subList(200, 350)) {
            assertEquals(null, stored("iothub.hub-fleet.device." + id + ".primary"), id);
        }

        emulator.requests().clear();
        KeyRenewalService.FleetOutcome rerun = renew(config, folder());

        assertEquals(150, rerun.reports().size());
        assertEquals(200, rerun.skipped().size());
        afterFirst.forEach((id, key) -> assertEquals(key, hub.device(id).primaryKey(), id));
        for (RecordedRequest seen : emulator.requests().all()) {
            assertFalse(afterFirst.keySet().stream().anyMatch(d -> seen.rawPath().equals("/devices/" + d)),
                    "the rerun does not touch " + seen.rawPath());
        }
        for (String id : ids) {
            assertEquals(connectionString(id, hub.device(id).primaryKey()),
                    stored("iothub.hub-fleet.device." + id + ".primary"), id);
        }
        assertTrue(logBytes.toString(StandardCharsets.UTF_8).contains("Rotation '2026-12': 200 identities were"
                + " renewed and stored by an earlier run and are skipped."));
    }

    @Test
    void aThrottleStormMidRunIntoTheSecretFileThenARerunRenewsOnlyWhatIsMissing() throws Exception {
        devices(350);
        emulator.faults().on("POST", "/devices").atRegistryOf(hub).skip(1).times(1).dropConnection();
        emulator.faults().on("POST", "/devices").atRegistryOf(hub).skip(2).times(1000).throttle(0);
        RenewFleetKeysConfig config = fleet("swap");
        config.setDevices(String.join(",", ids));
        config.setStoreIn("file");
        config.setFileCredentialsId("fleet-keys");
        config.setRotation("r1");
        config.setOperationsPerMinute(600_000);
        Logger engine = Logger.getLogger("io.jenkins.plugins.azure.iothub.engine");
        engine.setUseParentHandlers(false);
        AbortException e;
        try {
            e = failure(config, folder());
        } finally {
            engine.setUseParentHandlers(true);
        }

        assertTrue(e.getMessage().contains("150 of 350 identities"), e.getMessage());
        assertTrue(e.getMessage().contains("'sensor-0200' not renewed (HTTP 429"), e.getMessage());
        assertTrue(e.getMessage().contains("and 140 more (the table above names each)"), e.getMessage());
        FleetReport failed = summary();
        assertEquals(1, summaries.size(), "a failed run is recorded too");
        assertEquals(350, failed.getListed());
        assertEquals("r1", failed.getRotation());
        assertEquals(200, failed.getRenewed());
        assertEquals(150, failed.getFailed());
        assertEquals(Map.of("not renewed", 150), failed.getFailedByState());
        assertEquals(FleetReport.FAILURES_KEPT, failed.getFailures().size());
        assertEquals(100, failed.getMoreFailures());
        assertEquals("sensor-0200", failed.getFailures().get(0).getIdentity());
        assertEquals("not renewed", failed.getFailures().get(0).getState());
        assertTrue(failed.getFailures().get(0).getReason().startsWith("HTTP 429"),
                failed.getFailures().get(0).getReason());
        assertEquals(e.getMessage(), failed.getOutcome());
        assertEquals("fleet-keys", failed.getCredentialIds());
        String record = buildRecord();
        assertTrue(record.contains("sensor-0249") && !record.contains("sensor-0250"), "the first 50 failed only");
        JsonNode first = file("fleet-keys");
        assertEquals(200, first.get("renewedInRotation").size());
        Map<String, String> afterFirst = new HashMap<>();
        for (String id : ids.subList(0, 200)) {
            assertEquals(connectionString(id, hub.device(id).primaryKey()),
                    first.get("keys").get(id).get("primary").asText());
            afterFirst.put(id, hub.device(id).primaryKey());
        }

        emulator.faults().clear();
        emulator.requests().clear();
        KeyRenewalService.FleetOutcome rerun = renew(config, folder());

        assertEquals(150, rerun.reports().size());
        assertEquals(150, summary().getRenewed());
        assertEquals(200, summary().getSkipped());
        assertEquals(0, summary().getFailed());
        afterFirst.forEach((id, key) -> assertEquals(key, hub.device(id).primaryKey(), "swapped once: " + id));
        JsonNode json = file("fleet-keys");
        assertEquals(350, json.get("keys").size());
        assertEquals(350, json.get("renewedInRotation").size());
        for (String id : ids) {
            assertEquals(connectionString(id, hub.device(id).secondaryKey()),
                    json.get("keys").get(id).get("secondary").asText(), id);
        }
        List<String> touched = emulator.requests().all().stream().map(RecordedRequest::rawPath)
                .filter(p -> p.startsWith("/devices/")).collect(Collectors.toList());
        assertEquals(IntStream.range(200, 350).mapToObj(i -> "/devices/" + ids.get(i)).collect(Collectors.toList()),
                touched, "the rerun reads only the devices it renews");
    }

    @Test
    void aBatchThatCannotBeStoredEndsTheRunBeforeAzureRenewsMore() {
        devices(250);
        store.failSaves("disk full");
        RenewFleetKeysConfig config = fleet("primary");
        config.setDevices(String.join(" ", ids));
        config.setOperationsPerMinute(600_000);

        AbortException e = failure(config, folder());

        assertEquals(1, emulator.requests().all().stream()
                .filter(r -> r.method().equals("POST") && r.rawPath().equals("/devices")).count(),
                "no second batch");
        assertTrue(e.getMessage().startsWith("Azure renewed the keys of device 'sensor-0000' on hub 'hub-fleet';"),
                e.getMessage());
        assertTrue(e.getMessage().contains("device 'sensor-0009' on hub 'hub-fleet' and 90 more, but Jenkins could"
                + " not store it in credential(s) 'iothub.hub-fleet.device.sensor-0000.primary', "), e.getMessage());
        assertTrue(e.getMessage().contains("'iothub.hub-fleet.device.sensor-0009.primary' and 90 more (disk full)"),
                e.getMessage());
        assertTrue(e.getMessage().contains("'iothub.hub-fleet.device.sensor-0002.primary' <- `az iot hub"
                + " device-identity connection-string show --hub-name hub-fleet -g rg-fleet --device-id sensor-0002"
                + " --key-type primary -o tsv`"), "recovery per device");
        assertTrue(e.getMessage().contains("Likewise for the other 97."), e.getMessage());
        assertEquals(0, summary().getRenewed(), "nothing reached a credential");
        assertEquals(e.getMessage(), summary().getOutcome());
        assertTrue(e.getMessage().length() < 3000, "one readable line");
    }

    @Test
    void aDryRunFindsTheHubAndChangesNothing() throws Exception {
        devices(30);
        RenewFleetKeysConfig config = fleet("primary");
        config.setDevices(String.join(",", ids));
        config.setDryRun(true);
        String before = hub.device(ids.get(0)).primaryKey();

        KeyRenewalService.FleetOutcome outcome = renew(config, folder());

        assertEquals(30, outcome.reports().size());
        assertEquals("planned", outcome.reports().get(0).getCredentials().get(0).getResult());
        assertTrue(summary().isDryRun());
        assertEquals(30, summary().getListed());
        assertEquals(0, summary().getRenewed());
        assertEquals(before, hub.device(ids.get(0)).primaryKey());
        assertEquals(0, emulator.requests().all().stream().filter(r -> r.rawPath().startsWith("/devices")).count());
        String text = logBytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("Dry run: 30 listed devices and modules on hub 'hub-fleet' exists and their primary"
                + " keys can be renewed; it would be stored in credential(s) 'iothub.hub-fleet.device.sensor-0000"
                + ".primary', "), text);
        assertTrue(text.contains(" and 20 more in the credentials of folder 'iot'. Nothing was changed."), text);
    }

    @Test
    void aSecretFileThatCannotBeSavedEndsTheRunWithRecoveryIntoTheFile() {
        devices(150);
        store.failSaves("disk full");
        RenewFleetKeysConfig config = fleet("secondary");
        config.setDevices(String.join(" ", ids));
        config.setStoreIn("file");
        config.setRotation("r9");
        config.setOperationsPerMinute(600_000);

        AbortException e = failure(config, folder());

        assertEquals(1, emulator.requests().all().stream()
                .filter(r -> r.method().equals("POST") && r.rawPath().equals("/devices")).count(), "no second batch");
        assertTrue(e.getMessage().contains("Jenkins could not store it in credential(s) 'iothub.hub-fleet.fleet'"
                + " (disk full)"), e.getMessage());
        assertFalse(e.getMessage().contains("UncheckedIOException"), "the engine's view of the stop is not shown");
        assertTrue(e.getMessage().contains("To recover sensor-0000, rerun with rotation 'r9' (it is renewed again and"
                + " stored), or put the current value of secondary (`az iot hub device-identity connection-string show"
                + " --hub-name hub-fleet -g rg-fleet --device-id sensor-0000 --key-type secondary -o tsv`) into the"
                + " JSON map of Secret file credential 'iothub.hub-fleet.fleet'."), e.getMessage());
    }

    @Test
    void badArgumentsAreRefusedBeforeAzureIsAsked() {
        RenewFleetKeysConfig config = fleet("both");
        config.setDevices("d1 d1/m1");
        config.setWhere("tags.x = 1");
        config.setCredentialIdPattern("iot-{device}");
        config.setRotation("no spaces please");

        AbortException e = failure(config, folder());

        assertEquals(0, emulator.requests().all().size());
        String m = e.getMessage();
        assertTrue(m.startsWith("iotHubRenewFleetKeys: "), m);
        assertTrue(m.contains("give exactly one of devices, where and allDevices"), m);
        assertTrue(m.contains("credentialIdPattern 'iot-{device}' must contain {module}"), m);
        assertTrue(m.contains("must contain {slot}"), m);
        assertTrue(m.contains("rotation 'no spaces please' may only contain"), m);
    }

    @Test
    void aCredentialIdPatternNamesEachDevicesCredential() throws Exception {
        devices(3);
        RenewFleetKeysConfig config = fleet("swap");
        config.setDevices(String.join(",", ids));
        config.setCredentialIdPattern("iot-{device}-{slot}");
        config.setStore("key");

        renew(config, folder());

        for (String id : ids) {
            assertEquals(hub.device(id).primaryKey(), stored("iot-" + id + "-primary"));
            assertEquals(hub.device(id).secondaryKey(), stored("iot-" + id + "-secondary"));
        }
    }
}
