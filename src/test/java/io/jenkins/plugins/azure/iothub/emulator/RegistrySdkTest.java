package io.jenkins.plugins.azure.iothub.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.azure.core.credential.AzureSasCredential;
import com.microsoft.azure.sdk.iot.service.auth.AuthenticationType;
import com.microsoft.azure.sdk.iot.service.exceptions.IotHubNotFoundException;
import com.microsoft.azure.sdk.iot.service.exceptions.IotHubUnauthorizedException;
import com.microsoft.azure.sdk.iot.service.registry.Device;
import com.microsoft.azure.sdk.iot.service.registry.Module;
import com.microsoft.azure.sdk.iot.service.registry.RegistryClient;
import com.microsoft.azure.sdk.iot.service.registry.RegistryStatistics;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Drives the registry with the real iot-service-client 2.1.9 RegistryClient (SAS and Entra credentials). */
class RegistrySdkTest {
    private IotHubEmulator emu;
    private SimulatedHub hub;

    @BeforeEach
    void start() {
        emu = IotHubEmulator.start();
        hub = emu.addHub("sub", "rg", "reghub");
        hub.addDevice("dev-1");
        hub.addModule("dev-1", "mod-1");
        hub.addX509Device("cam-1");
    }

    @AfterEach
    void stop() {
        emu.close();
    }

    private RegistryClient sasClient(String policy) {
        return new RegistryClient(hub.hostName(), new AzureSasCredential(hub.sasToken(policy, Duration.ofHours(1))));
    }

    @Test
    void getAndUpdateDeviceKeysWithSas() throws Exception {
        RegistryClient registry = sasClient("registryReadWrite");
        Device device = registry.getDevice("dev-1");
        assertEquals(hub.device("dev-1").primaryKey(), device.getPrimaryKey());
        String etagBefore = hub.device("dev-1").etag();

        String newPrimary = Base64.getEncoder().encodeToString(new byte[32]);
        device.getSymmetricKey().setPrimaryKey(newPrimary);
        Device updated = registry.updateDevice(device);

        assertEquals(newPrimary, updated.getPrimaryKey());
        assertEquals(newPrimary, hub.device("dev-1").primaryKey());
        assertNotEquals(etagBefore, hub.device("dev-1").etag());
        assertEquals("*", emu.requests().matching("PUT", "/devices/dev-1").get(0).ifMatch());
        assertEquals("SharedAccessSignature", emu.requests().matching("PUT", "/devices/dev-1").get(0).authScheme());
    }

    @Test
    void moduleReadAndUpdateWithEntraToken() throws Exception {
        RegistryClient registry = new RegistryClient(hub.hostName(), emu.tokenCredential());
        Module module = registry.getModule("dev-1", "mod-1");
        assertEquals(hub.module("dev-1", "mod-1").secondaryKey(), module.getSecondaryKey());
        String newSecondary = Base64.getEncoder().encodeToString(new byte[16]);
        module.getSymmetricKey().setSecondaryKey(newSecondary);
        registry.updateModule(module);
        assertEquals(newSecondary, hub.module("dev-1", "mod-1").secondaryKey());
        assertEquals("Bearer", emu.requests().all().get(0).authScheme());
    }

    @Test
    void x509DeviceHasNoKeys() throws Exception {
        Device camera = sasClient("registryRead").getDevice("cam-1");
        assertEquals(AuthenticationType.SELF_SIGNED, camera.getAuthenticationType());
    }

    @Test
    void readOnlyPolicyCannotWriteAndUnknownDeviceIs404() throws Exception {
        RegistryClient reader = sasClient("registryRead");
        Device device = reader.getDevice("dev-1");
        assertThrows(IotHubUnauthorizedException.class, () -> reader.updateDevice(device));
        assertThrows(IotHubNotFoundException.class, () -> reader.getDevice("ghost"));
        assertThrows(IotHubUnauthorizedException.class, () -> sasClient("service").getDevice("dev-1"));
    }

    @Test
    void statisticsCountDevices() throws Exception {
        RegistryStatistics stats = sasClient("registryRead").getStatistics();
        assertEquals(2, stats.getTotalDeviceCount());
    }

    @Test
    void disableLocalAuthRefusesSasButNotEntra() throws Exception {
        hub.disableLocalAuth(true);
        assertThrows(IotHubUnauthorizedException.class, () -> sasClient("iothubowner").getDevice("dev-1"));
        assertEquals("dev-1", new RegistryClient(hub.hostName(), emu.tokenCredential()).getDevice("dev-1")
                .getDeviceId());
    }

    @Test
    void droppedConnectionAsSeenThroughRegistryClient() throws Exception {
        RegistryClient registry = sasClient("registryReadWrite");
        registry.getDevice("dev-1");
        emu.requests().clear();
        emu.faults().on("GET", "/devices/dev-1").dropConnection();
        assertEquals("dev-1", registry.getDevice("dev-1").getDeviceId(), "HttpsURLConnection resends once");
        assertEquals(2, emu.requests().count("GET", "/devices/dev-1"));
        emu.faults().on("GET", "/devices/dev-1").times(2).dropConnection();
        assertThrows(java.io.IOException.class, () -> registry.getDevice("dev-1"));
    }
}
