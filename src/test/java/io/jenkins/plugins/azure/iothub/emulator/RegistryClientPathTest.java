package io.jenkins.plugins.azure.iothub.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.credential.AzureSasCredential;
import com.microsoft.azure.sdk.iot.service.exceptions.IotHubBadFormatException;
import com.microsoft.azure.sdk.iot.service.exceptions.IotHubException;
import com.microsoft.azure.sdk.iot.service.exceptions.IotHubNotFoundException;
import com.microsoft.azure.sdk.iot.service.registry.RegistryClient;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What reaches the service when RegistryClient is given ids whose characters mean something in a URL (it puts ids
 * into the URL unencoded). These pin down the emulator's view so engine tests can rely on the raw-path log.
 */
class RegistryClientPathTest {
    private IotHubEmulator emu;
    private SimulatedHub hub;
    private RegistryClient registry;

    @BeforeEach
    void start() {
        emu = IotHubEmulator.start();
        hub = emu.addHub("s", "g", "path-hub");
        hub.addDevice("a");
        hub.addDevice("a?b");
        registry = new RegistryClient(hub.hostName(),
                new AzureSasCredential(hub.sasToken("registryReadWrite", Duration.ofMinutes(5))));
    }

    @AfterEach
    void stop() {
        emu.close();
    }

    private List<String> rawPaths() {
        return emu.requests().all().stream().map(RecordedRequest::rawPath).collect(Collectors.toList());
    }

    @Test
    void questionMarkCutsThePathAndLosesTheApiVersion() {
        assertThrows(IotHubBadFormatException.class, () -> registry.getDevice("a?b"));
        assertEquals(List.of("/devices/a"), rawPaths(), "the request went to another device's path");
    }

    @Test
    void dotDotIsNormalisedAwayByTheService() {
        assertThrows(IotHubNotFoundException.class, () -> registry.getDevice(".."));
        assertEquals(List.of("/devices/.."), rawPaths());
    }

    @Test
    void encodedIdReachesTheRightDevice() throws Exception {
        assertEquals("a?b", registry.getDevice("a%3Fb").getDeviceId());
        assertEquals(List.of("/devices/a%3Fb"), rawPaths());
    }

    @Test
    void barePercentNeverReachesAHandler() {
        assertThrows(IotHubException.class, () -> registry.getDevice("50%"));
        assertTrue(emu.requests().all().isEmpty(), "the JDK server refuses the request line: " + rawPaths());
    }

    @Test
    void doubleSlashMatchesNoRoute() throws Exception {
        RawHttp.Answer answer = new RawHttp().send("GET", "https://" + hub.hostName() + "/devices//a?api-version="
                + "2021-04-12", hub.sasToken("registryRead", Duration.ofMinutes(5)), null, null);
        assertEquals(404, answer.status);
    }
}
