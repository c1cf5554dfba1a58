package io.jenkins.plugins.azure.iothub.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.azure.iothub.emulator.RecordedRequest;
import io.jenkins.plugins.azure.iothub.emulator.SimulatedIdentity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Many devices and modules renewed through the registry's bulk operation at the hub's throttle. */
class FleetRenewalTest {
    private static final String HUB = EngineFixture.HUB;
    private static final String RG = EngineFixture.RG;
    private EngineFixture fx;

    @BeforeEach
    void start() {
        fx = new EngineFixture();
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    private static String id(int i) {
        return String.format("d-%04d", i);
    }

    /** What a caller does with {@link FleetProgress#renewed}: stores the keys (here: remembers them). */
    private static final class Store implements FleetProgress {
        final Map<IdentityId, IdentityKeyResult> stored = new HashMap<>();
        final List<FleetStatus> statuses = new ArrayList<>();

        @Override
        public void renewed(List<IdentityKeyResult> batch) {
            batch.forEach(r -> stored.put(IdentityId.device(r.deviceId()), r));
        }

        @Override
        public void progress(FleetStatus status) {
            statuses.add(status);
        }
    }

    /** Both codes the registry uses for "another writer changed it" lead to a re-read, nothing else does. */
    @Test
    void bothStaleEtagCodesMeanReadAgain() {
        assertTrue(FleetRenewal.isStaleEtag("PreconditionFailed"));
        assertTrue(FleetRenewal.isStaleEtag("EtagDoesNotMatch"));
        assertFalse(FleetRenewal.isStaleEtag("DeviceNotFound"));
        assertFalse(FleetRenewal.isStaleEtag(null));
    }

    @Test
    void thousandDevicesMatchingAConditionAtTheThrottleWithZeroFailuresAndEveryKeyAsReported() {
        Map<String, String[]> before = new HashMap<>();
        for (int i = 0; i < 1000; i++) {
            SimulatedIdentity device = fx.hub.addDevice(id(i));
            device.setTag("fleet", "north");
            before.put(id(i), new String[] {device.primaryKey(), device.secondaryKey()});
        }
        for (int i = 0; i < 5; i++) {
            fx.hub.addX509Device("x509-" + i).setTag("fleet", "north");
        }
        for (int i = 0; i < 20; i++) {
            fx.hub.addDevice("south-" + i).setTag("fleet", "south");
        }
        String southKey = fx.hub.device("south-0").primaryKey();
        fx.hub.throttle().scale(120).enabled(true); // S1, 1 unit: 12,000 identity operations/min (scaled 120x)
        double limit = fx.hub.throttle().identityOperationsPerMinute();
        Store store = new Store();

        FleetKeyResult result = fx.client().renewIdentityKeys(FleetKeyRequest.builder(HUB, RG, KeyType.PRIMARY)
                .devicesMatching("tags.fleet = 'north'").operationsPerMinute(0.98 * limit).build(), store);

        assertTrue(result.isComplete(), result.failed().toString());
        assertEquals(1000, result.renewed().size());
        assertEquals(0, fx.hub.throttle().throttledRequests(), "the pace stays below the throttle");
        assertEquals(10, fx.emulator.requests().count("POST", "/devices"), "100 identities per bulk request");
        assertEquals(2, fx.emulator.requests().count("POST", "/devices/query"), "1005 twins: two pages");
        for (IdentityKeyResult renewed : result.renewed()) {
            SimulatedIdentity device = fx.hub.device(renewed.deviceId());
            assertEquals(device.primaryKey(), renewed.key(KeySlot.PRIMARY).reveal(), renewed.deviceId());
            assertEquals(device.secondaryKey(), renewed.key(KeySlot.SECONDARY).reveal(), renewed.deviceId());
            assertNotEquals(before.get(renewed.deviceId())[0], device.primaryKey(), renewed.deviceId());
            assertEquals(before.get(renewed.deviceId())[1], device.secondaryKey(), "secondary kept");
            assertEquals(KeyOrigin.ENGINE, renewed.keyOrigin());
        }
        assertEquals(1000, store.stored.size(), "every renewed key was handed over while running");
        assertEquals(southKey, fx.hub.device("south-0").primaryKey(), "devices outside the condition untouched");
        assertEquals(2000, result.registryOperations());
        FleetStatus last = store.statuses.get(store.statuses.size() - 1);
        assertEquals(1000, last.done());
        assertEquals(1000, last.total());
        assertTrue(last.toString().startsWith("1000/1000 identities"), last.toString());
    }

    @Test
    void aThrottleStormAndADroppedConnectionMidRunThenARerunRenewsOnlyWhatIsMissing() {
        List<String> ids = IntStream.range(0, 350).mapToObj(FleetRenewalTest::id).collect(Collectors.toList());
        ids.forEach(fx.hub::addDevice);
        fx.emulator.faults().on("POST", "/devices").atRegistryOf(fx.hub).skip(1).times(1).dropConnection();
        fx.emulator.faults().on("POST", "/devices").atRegistryOf(fx.hub).skip(2).times(1000).throttle(0);
        Store store = new Store();
        IotHubKeyClient client = fx.builder().maxAttempts(4).build();
        FleetKeyRequest.Builder request = FleetKeyRequest.builder(HUB, RG, KeyType.BOTH).devices(ids)
                .operationsPerMinute(600_000);

        FleetKeyResult first = client.renewIdentityKeys(request.build(), store);

        assertEquals(200, first.renewed().size(), first.failed().toString());
        assertEquals(150, first.failed().size());
        assertTrue(first.failed().stream().allMatch(f -> f.state() == FleetFailure.State.NOT_RENEWED
                && f.reason().contains("429")), first.failed().toString());
        Map<String, String> afterFirst = new HashMap<>();
        for (IdentityKeyResult r : first.renewed()) {
            assertEquals(fx.hub.device(r.deviceId()).primaryKey(), r.key(KeySlot.PRIMARY).reveal());
            afterFirst.put(r.deviceId(), fx.hub.device(r.deviceId()).primaryKey());
        }
        Set<String> failedIds = first.failed().stream().map(f -> f.id().deviceId()).collect(Collectors.toSet());
        assertEquals(ids.subList(200, 350).stream().collect(Collectors.toSet()), failedIds);

        fx.emulator.faults().clear();
        fx.emulator.requests().clear();
        FleetKeyResult rerun = client.renewIdentityKeys(request.alreadyRenewed(store.stored.keySet()).build(), store);

        assertTrue(rerun.isComplete(), rerun.failed().toString());
        assertEquals(failedIds, rerun.renewed().stream().map(IdentityKeyResult::deviceId).collect(Collectors.toSet()));
        assertEquals(200, rerun.skipped().size());
        afterFirst.forEach((device, key) -> assertEquals(key, fx.hub.device(device).primaryKey(), device));
        for (RecordedRequest seen : fx.emulator.requests().all()) {
            assertFalse(afterFirst.keySet().stream().anyMatch(d -> seen.rawPath().equals("/devices/" + d)),
                    "the rerun does not touch " + seen.rawPath());
        }
        for (IdentityKeyResult r : rerun.renewed()) {
            assertEquals(fx.hub.device(r.deviceId()).secondaryKey(), r.key(KeySlot.SECONDARY).reveal());
        }
        assertEquals(350, store.stored.size());
    }

    /**
     * A hub whose failed bulk request applies none of its entries: the entries the answer reports no error for are
     * read back, found unchanged and written again, so every reported key is the key Azure holds.
     */
    @Test
    void entriesWithoutAnErrorInAFailedRequestAreReadBackNotAssumed() {
        for (int i = 0; i < 3; i++) {
            fx.hub.addDevice(id(i));
        }
        fx.hub.bulkAllOrNothing(true);
        // another writer changes d-0001 between the engine's read and its first bulk write
        fx.emulator.faults().on("POST", "/devices").atRegistryOf(fx.hub).times(1)
                .concurrentModification(() -> fx.hub.device(id(1)).setStatus(false, "operator"));

        FleetKeyResult result = fx.client().renewIdentityKeys(FleetKeyRequest.builder(HUB, RG, KeyType.PRIMARY)
                .devices(List.of(id(0), id(1), id(2))).operationsPerMinute(600_000).build(), null);

        assertEquals(List.of(), result.failed());
        assertEquals(3, result.renewed().size());
        for (IdentityKeyResult renewed : result.renewed()) {
            assertTrue(fx.hub.device(renewed.deviceId()).primaryKey().equals(renewed.key(KeySlot.PRIMARY).reveal()),
                    renewed.deviceId() + ": the reported key is the one Azure holds"); // no key in a failure message
        }
        assertEquals(2, fx.emulator.requests().count("POST", "/devices"), "the whole batch written again once");
    }

    @Test
    void partialFailuresNameEachDeviceAndAnotherWritersChangeIsKept() {
        for (int i = 0; i < 10; i++) {
            fx.hub.addDevice(id(i));
        }
        fx.hub.addX509Device("x509-1");
        fx.hub.addModule(id(0), "m1");
        String moduleKey = fx.hub.module(id(0), "m1").secondaryKey();
        // an operator disables d-0005 between the engine's read and its bulk write
        fx.emulator.faults().on("POST", "/devices").atRegistryOf(fx.hub)
                .concurrentModification(() -> fx.hub.device(id(5)).setStatus(false, "operator"));

        FleetKeyResult result = fx.client().renewIdentityKeys(FleetKeyRequest.builder(HUB, RG, KeyType.SECONDARY)
                .devices(List.of(id(0), id(5), "missing-device", "x509-1", id(9))).module(id(0), "m1")
                .operationsPerMinute(600_000).build(), null);

        assertEquals(Set.of(id(0), id(5), id(9), id(0) + "/m1"), result.renewed().stream()
                .map(r -> r.deviceId() + (r.moduleId() == null ? "" : "/" + r.moduleId())).collect(Collectors.toSet()));
        Map<String, FleetFailure.State> states = result.failed().stream()
                .collect(Collectors.toMap(f -> f.id().toString(), FleetFailure::state));
        assertEquals(Map.of("missing-device", FleetFailure.State.NOT_FOUND, "x509-1", FleetFailure.State.NOT_SAS),
                states);
        SimulatedIdentity disabled = fx.hub.device(id(5));
        assertFalse(disabled.enabled(), "the operator's change survives the renewal");
        IdentityKeyResult five = result.renewed().stream().filter(r -> r.deviceId().equals(id(5))).findFirst()
                .orElseThrow();
        assertEquals(disabled.secondaryKey(), five.key(KeySlot.SECONDARY).reveal());
        assertNotEquals(moduleKey, fx.hub.module(id(0), "m1").secondaryKey());
        assertEquals(2, fx.emulator.requests().count("POST", "/devices"), "one 412 entry written again");
        assertFalse(result.failed().toString().contains(disabled.secondaryKey()));
    }
}
