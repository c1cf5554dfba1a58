package io.jenkins.plugins.azure.iothub.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.azure.iothub.emulator.RecordedRequest;
import io.jenkins.plugins.azure.iothub.emulator.SimulatedIdentity;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Another writer changes a device while it is renewed. Disabling a device is what an operator does to a compromised
 * one: a rotation must never undo it.
 */
class IdentityConcurrentWriterTest {
    private EngineFixture fx;

    /** The engine warns when another writer changed an identity; these tests provoke that on purpose. */
    private final java.util.logging.Logger renewalLog =
            java.util.logging.Logger.getLogger(IdentityRenewal.class.getName());

    @BeforeEach
    void start() {
        renewalLog.setUseParentHandlers(false);
        fx = new EngineFixture();
        fx.hub.addDevice("d1");
        fx.hub.addModule("d1", "m1");
    }

    @AfterEach
    void stop() {
        renewalLog.setUseParentHandlers(true);
        fx.close();
    }

    private IdentityKeyResult renew(KeyType type) {
        return fx.client().renewIdentityKey(IdentityKeyRequest.device(EngineFixture.HUB, EngineFixture.RG, "d1", type,
                null));
    }

    @Test
    void writesCarryTheEtagThatWasRead() {
        String etag = fx.hub.device("d1").etag();
        renew(KeyType.PRIMARY);
        List<RecordedRequest> puts = fx.emulator.requests().matching("PUT", "/devices/d1");
        assertEquals(1, puts.size());
        assertEquals("\"" + etag + "\"", puts.get(0).ifMatch());
    }

    @Test
    void aDeviceDisabledBetweenReadAndWriteStaysDisabledAndGetsTheNewKeys() {
        String oldPrimary = fx.hub.device("d1").primaryKey();
        String oldSecondary = fx.hub.device("d1").secondaryKey();
        fx.emulator.faults().on("PUT", "/devices/d1").atRegistryOf(fx.hub)
                .concurrentModification(() -> fx.hub.device("d1").setStatus(false, "compromised"));
        IdentityKeyResult result = renew(KeyType.PRIMARY);
        SimulatedIdentity device = fx.hub.device("d1");
        assertFalse(device.enabled(), "the renewal must not re-enable the device");
        assertEquals("compromised", device.statusReason());
        assertNotEquals(oldPrimary, device.primaryKey());
        assertEquals(oldSecondary, device.secondaryKey());
        assertEquals(device.primaryKey(), result.key(KeySlot.PRIMARY).reveal());
        List<RecordedRequest> puts = fx.emulator.requests().matching("PUT", "/devices/d1");
        assertEquals(List.of(412, 200), puts.stream().map(RecordedRequest::status).collect(
                java.util.stream.Collectors.toList()), fx.describeRequests());
        assertEquals(List.of(), result.otherChanges(), "the write was built on the disabled device");
    }

    @Test
    void aDisableRightAfterTheWriteIsReportedAndKept() {
        fx.emulator.faults().on("GET", "/devices/d1").atRegistryOf(fx.hub).skip(1)
                .concurrentModification(() -> fx.hub.device("d1").setStatus(false, "compromised"));
        IdentityKeyResult result = renew(KeyType.SECONDARY);
        assertFalse(fx.hub.device("d1").enabled());
        assertEquals(fx.hub.device("d1").secondaryKey(), result.key(KeySlot.SECONDARY).reveal());
        assertEquals(List.of("status", "statusReason"), result.otherChanges());
    }

    @Test
    void aWriterThatNeverStopsEndsInOneConcurrentChangeLine() {
        fx.emulator.faults().on("PUT", "/devices/d1").atRegistryOf(fx.hub).times(100)
                .concurrentModification(() -> fx.hub.device("d1").setStatus(false, "compromised"));
        IotHubKeyException e = assertThrows(IotHubKeyException.class, () -> fx.builder().maxAttempts(3).build()
                .renewIdentityKey(IdentityKeyRequest.device(EngineFixture.HUB, null, "d1", KeyType.BOTH, null)));
        assertEquals(IotHubKeyException.Reason.CONCURRENT_CHANGE, e.reason());
        assertTrue(e.getMessage().contains("HTTP 412") && e.getMessage().contains(EngineFixture.HUB), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertFalse(fx.hub.device("d1").enabled());
    }

    @Test
    void moduleWritesAreConditionalToo() {
        String deviceKey = fx.hub.device("d1").primaryKey();
        fx.emulator.faults().on("PUT", "/devices/d1/modules/m1").atRegistryOf(fx.hub).concurrentModification();
        IdentityKeyResult result = fx.client().renewIdentityKey(IdentityKeyRequest.module(EngineFixture.HUB, null,
                "d1", "m1", KeyType.SWAP, null));
        // the other writer set two new keys; the renewal swapped those, not the ones it had read first
        SimulatedIdentity module = fx.hub.module("d1", "m1");
        assertEquals(module.primaryKey(), result.key(KeySlot.PRIMARY).reveal());
        assertEquals(module.secondaryKey(), result.key(KeySlot.SECONDARY).reveal());
        assertEquals(2, fx.emulator.requests().count("PUT", "/devices/d1/modules/m1"));
        assertEquals(deviceKey, fx.hub.device("d1").primaryKey());
    }
}
