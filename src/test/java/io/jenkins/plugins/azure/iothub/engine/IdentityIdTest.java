package io.jenkins.plugins.azure.iothub.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.azure.iothub.emulator.RecordedRequest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Device and module ids end up in request URLs unencoded (RegistryClient does no encoding): every id is either
 * addressed exactly or refused before any request.
 */
class IdentityIdTest {
    private EngineFixture fx;

    @BeforeEach
    void start() {
        fx = new EngineFixture();
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    private IotHubKeyException refused(String deviceId) {
        IotHubKeyException e = assertThrows(IotHubKeyException.class, () -> fx.client().renewIdentityKey(
                IdentityKeyRequest.device(EngineFixture.HUB, EngineFixture.RG, deviceId, KeyType.PRIMARY, null)));
        assertEquals(IotHubKeyException.Reason.INVALID_ARGUMENT, e.reason());
        assertTrue(e.getMessage().contains(EngineFixture.HUB), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        return e;
    }

    @Test
    void idsOutsideTheRegistryAlphabetAreRefusedBeforeAnyRequest() {
        for (String id : List.of("a/b", "a#b", "a b", "x".repeat(129), "caf\u00e9", "tab\tid", "")) {
            refused(id);
        }
        assertEquals(0, fx.requests().size(), fx.describeRequests());
    }

    @Test
    void validIdsThatWouldChangeTheUrlAreRefusedWithAClearReason() {
        for (String id : List.of("..", ".", "...", "a?b", "50%", "a%2Fb", "%2e%2e")) {
            IotHubKeyException e = refused(id);
            assertTrue(e.getMessage().contains("'" + id + "'") && e.getMessage().contains("URL"), e.getMessage());
        }
        IotHubKeyException module = assertThrows(IotHubKeyException.class, () -> IdentityKeyRequest.module(
                EngineFixture.HUB, null, "d1", "m?1", KeyType.PRIMARY, null));
        assertTrue(module.getMessage().contains("Module id 'm?1'"), module.getMessage());
        assertEquals(0, fx.requests().size(), fx.describeRequests());
    }

    @Test
    void idsWithEveryOtherAllowedCharacterAreAddressedExactly() {
        String deviceId = "Dev-1.a_b*c!(d),e:f=g@h$i'j";
        String moduleId = "mod:1@x$(y)'z.";
        fx.hub.addDevice(deviceId);
        fx.hub.addModule(deviceId, moduleId);
        String oldDevice = fx.hub.device(deviceId).primaryKey();
        String oldModule = fx.hub.module(deviceId, moduleId).secondaryKey();

        fx.client().renewIdentityKey(IdentityKeyRequest.device(EngineFixture.HUB, EngineFixture.RG, deviceId,
                KeyType.PRIMARY, DataPlaneAuth.KEY));
        fx.client().renewIdentityKey(IdentityKeyRequest.module(EngineFixture.HUB, EngineFixture.RG, deviceId,
                moduleId, KeyType.SECONDARY, DataPlaneAuth.KEY));

        assertNotEquals(oldDevice, fx.hub.device(deviceId).primaryKey());
        assertNotEquals(oldModule, fx.hub.module(deviceId, moduleId).secondaryKey());
        List<RecordedRequest> registry = fx.requests().stream()
                .filter(r -> r.plane() == RecordedRequest.Plane.REGISTRY).toList();
        assertFalse(registry.isEmpty());
        for (RecordedRequest request : registry) {
            String path = request.rawPath();
            assertTrue(path.equals("/devices/" + deviceId) || path.equals("/devices/" + deviceId + "/modules/"
                    + moduleId), "unexpected path " + path);
            assertTrue(request.status() < 300, request.toString());
        }
    }

    @Test
    void longestAllowedIdWorks() {
        String id = "d".repeat(128);
        fx.hub.addDevice(id);
        String old = fx.hub.device(id).primaryKey();
        fx.client().renewIdentityKey(IdentityKeyRequest.device(EngineFixture.HUB, EngineFixture.RG, id,
                KeyType.PRIMARY, null));
        assertNotEquals(old, fx.hub.device(id).primaryKey());
    }
}
