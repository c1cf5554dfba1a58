package io.jenkins.plugins.azure.iothub.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.azure.iothub.emulator.RecordedRequest;
import io.jenkins.plugins.azure.iothub.emulator.SimulatedIdentity;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Device and module key renewal through RegistryClient against the emulator's registry. */
class IdentityRenewalTest {
    private EngineFixture fx;

    @BeforeEach
    void start() {
        fx = new EngineFixture();
        fx.hub.addDevice("d1");
        fx.hub.addModule("d1", "m1");
        fx.hub.addX509Device("x509-device");
        fx.hub.addCertificateAuthorityDevice("ca-device");
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    private IdentityKeyResult renewDevice(String id, KeyType type, DataPlaneAuth auth) {
        return fx.client().renewIdentityKey(IdentityKeyRequest.device(EngineFixture.HUB, EngineFixture.RG, id, type,
                auth));
    }

    private static void assertFreshKey(String key) {
        assertEquals(32, Base64.getDecoder().decode(key).length);
        assertEquals(44, key.length());
    }

    @Test
    void primaryRenewalSetsA32ByteKeyAndKeepsTheSecondary() {
        SimulatedIdentity before = fx.hub.device("d1");
        String oldPrimary = before.primaryKey();
        String oldSecondary = before.secondaryKey();
        IdentityKeyResult result = renewDevice("d1", KeyType.PRIMARY, null);
        SimulatedIdentity after = fx.hub.device("d1");
        assertNotEquals(oldPrimary, after.primaryKey());
        assertEquals(oldSecondary, after.secondaryKey());
        assertFreshKey(after.primaryKey());
        assertEquals(after.primaryKey(), result.key(KeySlot.PRIMARY).reveal());
        assertEquals("HostName=" + fx.hub.hostName() + ";DeviceId=d1;SharedAccessKey=" + after.primaryKey(),
                result.connectionString(KeySlot.PRIMARY).reveal());
        assertEquals(DataPlaneAuth.KEY, result.dataPlaneAuth());
    }

    @Test
    void secondaryBothAndSwapDoWhatTheCliDoes() {
        String p0 = fx.hub.device("d1").primaryKey();
        String s0 = fx.hub.device("d1").secondaryKey();
        renewDevice("d1", KeyType.SECONDARY, DataPlaneAuth.KEY);
        String s1 = fx.hub.device("d1").secondaryKey();
        assertEquals(p0, fx.hub.device("d1").primaryKey());
        assertNotEquals(s0, s1);
        assertFreshKey(s1);

        IdentityKeyResult swapped = renewDevice("d1", KeyType.SWAP, DataPlaneAuth.KEY);
        assertEquals(s1, fx.hub.device("d1").primaryKey());
        assertEquals(p0, fx.hub.device("d1").secondaryKey());
        assertEquals(s1, swapped.key(KeySlot.PRIMARY).reveal());

        IdentityKeyResult both = renewDevice("d1", KeyType.BOTH, DataPlaneAuth.KEY);
        SimulatedIdentity now = fx.hub.device("d1");
        assertNotEquals(s1, now.primaryKey());
        assertNotEquals(p0, now.secondaryKey());
        assertNotEquals(now.primaryKey(), now.secondaryKey());
        assertEquals(now.secondaryKey(), both.key(KeySlot.SECONDARY).reveal());
    }

    @Test
    void moduleKeysAreRenewedAndTheModuleConnectionStringNamesIt() {
        String old = fx.hub.module("d1", "m1").primaryKey();
        String deviceKey = fx.hub.device("d1").primaryKey();
        IdentityKeyResult result = fx.client().renewIdentityKey(IdentityKeyRequest.module(EngineFixture.HUB, null,
                "d1", "m1", KeyType.PRIMARY, DataPlaneAuth.KEY));
        String now = fx.hub.module("d1", "m1").primaryKey();
        assertNotEquals(old, now);
        assertEquals(deviceKey, fx.hub.device("d1").primaryKey(), "the device itself is untouched");
        assertEquals("HostName=" + fx.hub.hostName() + ";DeviceId=d1;ModuleId=m1;SharedAccessKey=" + now,
                result.connectionString(KeySlot.PRIMARY).reveal());
        assertEquals(1, fx.emulator.requests().count("PUT", "/devices/d1/modules/m1"), fx.describeRequests());
    }

    @Test
    void keyAuthSignsWithTheLeastPrivilegedRegistryWritePolicy() {
        renewDevice("d1", KeyType.PRIMARY, DataPlaneAuth.KEY);
        List<RecordedRequest> registry = fx.emulator.requests().matching("*", "/devices/.*");
        assertFalse(registry.isEmpty());
        for (RecordedRequest request : registry) {
            assertEquals("SharedAccessSignature", request.authScheme());
            assertTrue(request.authorization().endsWith("&skn=registryReadWrite"), "not iothubowner");
        }
    }

    @Test
    void loginAuthUsesAnEntraTokenForTheIotHubScope() {
        renewDevice("d1", KeyType.PRIMARY, DataPlaneAuth.LOGIN);
        for (RecordedRequest request : fx.emulator.requests().matching("*", "/devices/.*")) {
            assertEquals("Bearer", request.authScheme());
        }
        assertEquals(0, fx.emulator.requests().count("POST", ".*/listkeys"), "no policy key needed");
    }

    @Test
    void loginTokensAreRequestedForTheCloudsIotHubScope() {
        AzureCloud otherCloud = AzureCloud.custom(fx.emulator.armEndpoint(),
                "https://management.core.windows.net//.default", "https://iothubs.example.invalid/.default");
        IotHubKeyException e = assertThrows(IotHubKeyException.class, () -> fx.builder().cloud(otherCloud).build()
                .renewIdentityKey(IdentityKeyRequest.device(EngineFixture.HUB, null, "d1", KeyType.PRIMARY,
                        DataPlaneAuth.LOGIN)));
        assertEquals(IotHubKeyException.Reason.UNAUTHORIZED, e.reason(), "the emulator refuses that audience");
    }

    @Test
    void hubWithLocalAuthDisabledNeedsLogin() {
        fx.hub.disableLocalAuth(true);
        IotHubKeyException e = assertThrows(IotHubKeyException.class,
                () -> renewDevice("d1", KeyType.PRIMARY, DataPlaneAuth.KEY));
        assertEquals(IotHubKeyException.Reason.UNAUTHORIZED, e.reason());
        assertTrue(e.getMessage().contains("'login'") && e.getMessage().contains(EngineFixture.HUB), e.getMessage());
        assertEquals(0, fx.emulator.requests().count("*", "/devices/.*"));
        renewDevice("d1", KeyType.PRIMARY, DataPlaneAuth.LOGIN);
    }

    @Test
    void loginWithoutADataPlaneRoleIsUnauthorizedWithAdvice() {
        fx.hub.denyEntraDataPlane(true);
        IotHubKeyException e = assertThrows(IotHubKeyException.class,
                () -> renewDevice("d1", KeyType.PRIMARY, DataPlaneAuth.LOGIN));
        assertEquals(IotHubKeyException.Reason.UNAUTHORIZED, e.reason());
        assertTrue(e.getMessage().contains("Registry Contributor") && e.getMessage().contains("'d1'"),
                e.getMessage());
    }

    @Test
    void x509AndCaDevicesAreRefusedWithoutAnyWrite() {
        for (String id : List.of("x509-device", "ca-device")) {
            IotHubKeyException e = assertThrows(IotHubKeyException.class,
                    () -> renewDevice(id, KeyType.PRIMARY, DataPlaneAuth.KEY));
            assertEquals(IotHubKeyException.Reason.NOT_SAS, e.reason());
            assertTrue(e.getMessage().contains("'" + id + "'") && e.getMessage().contains(EngineFixture.HUB),
                    e.getMessage());
            assertTrue(e.getMessage().contains("X.509"), e.getMessage());
        }
        assertEquals(0, fx.emulator.requests().count("PUT", "/devices/.*"));
    }

    @Test
    void unknownDeviceAndModuleAreNotFound() {
        IotHubKeyException e = assertThrows(IotHubKeyException.class,
                () -> renewDevice("ghost", KeyType.PRIMARY, DataPlaneAuth.KEY));
        assertEquals(IotHubKeyException.Reason.NOT_FOUND, e.reason());
        assertTrue(e.getMessage().contains("'ghost'") && e.getMessage().contains(EngineFixture.HUB), e.getMessage());
        IotHubKeyException m = assertThrows(IotHubKeyException.class, () -> fx.client().renewIdentityKey(
                IdentityKeyRequest.module(EngineFixture.HUB, null, "d1", "ghost-module", KeyType.BOTH, null)));
        assertEquals(IotHubKeyException.Reason.NOT_FOUND, m.reason());
        assertTrue(m.getMessage().contains("'ghost-module'") && m.getMessage().contains("'d1'"), m.getMessage());
    }

    @Test
    void aWriterRightAfterTheUpdateIsDetected() {
        fx.emulator.faults().on("GET", "/devices/d1").atRegistryOf(fx.hub).skip(1).concurrentModification();
        IotHubKeyException e = assertThrows(IotHubKeyException.class,
                () -> renewDevice("d1", KeyType.PRIMARY, DataPlaneAuth.KEY));
        assertEquals(IotHubKeyException.Reason.CONCURRENT_CHANGE, e.reason());
        assertTrue(e.keyMayHaveChanged());
        assertTrue(e.getMessage().contains("'d1'") && e.getMessage().contains(EngineFixture.HUB), e.getMessage());
    }

    @Test
    void registryFaultsAreRetried() {
        String old = fx.hub.device("d1").primaryKey();
        fx.emulator.faults().on("GET", "/devices/d1").atRegistryOf(fx.hub).throttle(0);
        fx.emulator.faults().on("PUT", "/devices/d1").atRegistryOf(fx.hub).unavailable(0);
        fx.emulator.faults().on("PUT", "/devices/d1").atRegistryOf(fx.hub).dropConnection();
        fx.emulator.faults().on("GET", "/devices/d1").atRegistryOf(fx.hub).serverError();
        IdentityKeyResult result = renewDevice("d1", KeyType.PRIMARY, DataPlaneAuth.KEY);
        String now = fx.hub.device("d1").primaryKey();
        assertNotEquals(old, now);
        assertEquals(now, result.key(KeySlot.PRIMARY).reveal());
    }

    @Test
    void aWriteThatTimedOutIsRepeatedWithTheSameKeysSoALateLandingChangesNothing() throws Exception {
        fx.emulator.faults().on("PUT", "/devices/d1").atRegistryOf(fx.hub).delay(2500);
        // a 4 s budget gives RegistryClient a 2 s read timeout: the first write times out but still lands later
        IdentityKeyResult result = fx.builder().timeBudget(java.time.Duration.ofSeconds(4)).build()
                .renewIdentityKey(IdentityKeyRequest.device(EngineFixture.HUB, null, "d1", KeyType.SECONDARY, null));
        long until = System.nanoTime() + 8_000_000_000L;
        while (System.nanoTime() < until && !(fx.emulator.requests().count("PUT", "/devices/d1") == 2
                && fx.emulator.requests().matching("PUT", "/devices/d1").stream().allMatch(r -> r.status() > 0))) {
            Thread.sleep(50); // until the slow first write has landed too
        }
        assertEquals(2, fx.emulator.requests().count("PUT", "/devices/d1"), fx.describeRequests());
        assertEquals(result.key(KeySlot.SECONDARY).reveal(), fx.hub.device("d1").secondaryKey());
        assertEquals(result.key(KeySlot.PRIMARY).reveal(), fx.hub.device("d1").primaryKey());
    }

    @Test
    void registrySlowerThanTheBudgetEndsInATimeoutNamingTheDevice() {
        fx.emulator.faults().on("PUT", "/devices/d1").atRegistryOf(fx.hub).times(10).delay(5000);
        long start = System.nanoTime();
        IotHubKeyException e = assertThrows(IotHubKeyException.class, () -> fx.builder()
                .timeBudget(java.time.Duration.ofSeconds(2)).build()
                .renewIdentityKey(IdentityKeyRequest.device(EngineFixture.HUB, null, "d1", KeyType.SECONDARY, null)));
        assertTrue(System.nanoTime() - start < 3_500_000_000L);
        assertEquals(IotHubKeyException.Reason.TIMEOUT, e.reason());
        assertTrue(e.keyMayHaveChanged(), "a write was in flight");
        assertTrue(e.getMessage().contains("'d1'") && e.getMessage().contains(EngineFixture.HUB), e.getMessage());
    }

    @Test
    void endlessRegistryThrottlingEndsInOneError() {
        fx.emulator.faults().on("PUT", "/devices/d1").atRegistryOf(fx.hub).times(100).throttle(0);
        IotHubKeyException e = assertThrows(IotHubKeyException.class, () -> fx.builder().maxAttempts(3).build()
                .renewIdentityKey(IdentityKeyRequest.device(EngineFixture.HUB, null, "d1", KeyType.PRIMARY, null)));
        assertEquals(IotHubKeyException.Reason.THROTTLED, e.reason());
        assertTrue(e.getMessage().contains("'d1'") && e.getMessage().contains(EngineFixture.HUB), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }
}
