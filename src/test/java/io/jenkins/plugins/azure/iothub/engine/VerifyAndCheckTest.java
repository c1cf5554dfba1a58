package io.jenkins.plugins.azure.iothub.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.azure.iothub.emulator.RecordedRequest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Verification of renewed keys and the read-only checks used by dry runs and "Test connection". */
class VerifyAndCheckTest {
    private EngineFixture fx;

    @BeforeEach
    void start() {
        fx = new EngineFixture();
        fx.hub.addDevice("d1");
        fx.hub.addX509Device("x1");
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    private PolicyKeyResult renew(String policy, KeyType type) {
        return fx.client().renewPolicyKey(PolicyKeyRequest.of(EngineFixture.HUB, EngineFixture.RG, policy, type));
    }

    @Test
    void registryPolicyKeyIsVerifiedWithARegistryRead() {
        PolicyKeyResult result = renew("registryRead", KeyType.PRIMARY);
        fx.emulator.requests().clear();
        fx.client().verifyPolicyKey(result, KeySlot.PRIMARY);
        List<RecordedRequest> reads = fx.emulator.requests().matching("GET", "/statistics/devices");
        assertEquals(1, reads.size(), fx.describeRequests());
        assertTrue(reads.get(0).authorization().endsWith("&skn=registryRead"));
        assertEquals(200, reads.get(0).status());
    }

    @Test
    void serviceConnectPolicyKeyIsVerifiedWithAServiceRead() {
        PolicyKeyResult result = renew("service", KeyType.SECONDARY);
        fx.emulator.requests().clear();
        fx.client().verifyPolicyKey(result, KeySlot.SECONDARY);
        assertEquals(1, fx.emulator.requests().count("GET", "/statistics/service"), fx.describeRequests());
    }

    @Test
    void deviceConnectOnlyPolicyCannotBeVerified() {
        PolicyKeyResult result = renew("device", KeyType.PRIMARY);
        IotHubKeyException e = assertThrows(IotHubKeyException.class,
                () -> fx.client().verifyPolicyKey(result, KeySlot.PRIMARY));
        assertEquals(IotHubKeyException.Reason.INVALID_ARGUMENT, e.reason());
        assertTrue(e.getMessage().contains("'device'") && e.getMessage().contains(EngineFixture.HUB), e.getMessage());
    }

    @Test
    void aKeyTheHubNoLongerAcceptsFailsVerification() {
        PolicyKeyResult result = renew("registryReadWrite", KeyType.PRIMARY);
        renew("registryReadWrite", KeyType.PRIMARY); // the first result's key is gone now
        IotHubKeyException e = assertThrows(IotHubKeyException.class,
                () -> fx.client().verifyPolicyKey(result, KeySlot.PRIMARY));
        assertEquals(IotHubKeyException.Reason.UNAUTHORIZED, e.reason());
        assertTrue(e.getMessage().contains("'registryReadWrite'") && e.getMessage().contains(EngineFixture.HUB),
                e.getMessage());
    }

    @Test
    void identityKeyIsVerifiedByReadingItBack() {
        IdentityKeyResult result = fx.client().renewIdentityKey(IdentityKeyRequest.device(EngineFixture.HUB, null,
                "d1", KeyType.BOTH, DataPlaneAuth.KEY));
        fx.client().verifyIdentityKey(result, KeySlot.PRIMARY);
        fx.client().verifyIdentityKey(result, KeySlot.SECONDARY);
        fx.hub.device("d1").setKeys(fx.hub.device("d1").secondaryKey(), fx.hub.device("d1").primaryKey());
        IotHubKeyException e = assertThrows(IotHubKeyException.class,
                () -> fx.client().verifyIdentityKey(result, KeySlot.PRIMARY));
        assertEquals(IotHubKeyException.Reason.CONCURRENT_CHANGE, e.reason());
        assertTrue(e.keyMayHaveChanged());
        assertTrue(e.getMessage().contains("'d1'"), e.getMessage());
    }

    @Test
    void checksReadButNeverWrite() {
        HubInfo hub = fx.client().findHub("HUB-KEYS", null);
        assertEquals(EngineFixture.HUB, hub.name());
        assertEquals(EngineFixture.RG, hub.resourceGroup());
        assertEquals(fx.hub.hostName(), hub.hostName());
        assertEquals(EngineFixture.SUBSCRIPTION, hub.subscriptionId());

        PolicyInfo policy = fx.client().checkPolicy(PolicyKeyRequest.of(EngineFixture.HUB, EngineFixture.RG,
                "SERVICE", KeyType.PRIMARY));
        assertEquals("service", policy.policyName());
        assertEquals("ServiceConnect", policy.rights());

        IdentityInfo device = fx.client().checkIdentity(IdentityKeyRequest.device(EngineFixture.HUB, null, "d1",
                KeyType.SWAP, DataPlaneAuth.KEY));
        assertEquals("d1", device.deviceId());

        IotHubKeyException x509 = assertThrows(IotHubKeyException.class, () -> fx.client().checkIdentity(
                IdentityKeyRequest.device(EngineFixture.HUB, null, "x1", KeyType.PRIMARY, DataPlaneAuth.LOGIN)));
        assertEquals(IotHubKeyException.Reason.NOT_SAS, x509.reason());
        IotHubKeyException missing = assertThrows(IotHubKeyException.class, () -> fx.client().checkPolicy(
                PolicyKeyRequest.of(EngineFixture.HUB, EngineFixture.RG, "nope", KeyType.PRIMARY)));
        assertEquals(IotHubKeyException.Reason.NOT_FOUND, missing.reason());

        for (RecordedRequest request : fx.requests()) {
            assertFalse(request.method().equals("PUT") || request.method().equals("DELETE"), request.toString());
        }
    }
}
