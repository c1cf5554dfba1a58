package io.jenkins.plugins.azure.iothub.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every fault kind, on both planes, through raw HTTP. */
class FaultInjectionTest {
    private static final String AV = "?api-version=2021-07-01";
    private static final String DV = "?api-version=2021-04-12";
    private static final String HUB_PATH = "/subscriptions/s/resourceGroups/g/providers/Microsoft.Devices/IotHubs/f-hub";
    private IotHubEmulator emu;
    private SimulatedHub hub;
    private final RawHttp http = new RawHttp();
    private String bearer;
    private String sas;

    @BeforeEach
    void start() {
        emu = IotHubEmulator.start();
        hub = emu.addHub("s", "g", "f-hub");
        hub.addDevice("d1");
        hub.addModule("d1", "m1");
        bearer = RawHttp.armBearer(emu);
        sas = hub.sasToken("registryReadWrite", Duration.ofMinutes(5));
    }

    @AfterEach
    void stop() {
        emu.close();
    }

    private RawHttp.Answer armGet() throws Exception {
        return http.send("GET", emu.armEndpoint() + HUB_PATH + AV, bearer, null, null);
    }

    private RawHttp.Answer deviceGet() throws Exception {
        return http.send("GET", "https://" + hub.hostName() + "/devices/d1" + DV, sas, null, null);
    }

    @Test
    void throttleAnswers429WithRetryAfterOnlyTheProgrammedNumberOfTimes() throws Exception {
        FaultRule rule = emu.faults().on("GET", HUB_PATH).times(2).throttle(7);
        RawHttp.Answer first = armGet();
        assertEquals(429, first.status);
        assertEquals("7", first.header("Retry-After"));
        assertEquals(429, armGet().status);
        assertEquals(200, armGet().status);
        assertEquals(2, rule.fired());

        emu.faults().on("GET", "/devices/d1").atRegistryOf(hub).throttle(2);
        RawHttp.Answer registry = deviceGet();
        assertEquals(429, registry.status);
        assertEquals("2", registry.header("Retry-After"));
        assertTrue(registry.json().get("Message").asText().startsWith("ErrorCode:ThrottlingException;"));
        assertEquals(200, deviceGet().status);
    }

    @Test
    void skipLetsEarlierMatchesThrough() throws Exception {
        emu.faults().on("GET", "/devices/d1").skip(1).serverError();
        assertEquals(200, deviceGet().status);
        assertEquals(500, deviceGet().status);
        assertEquals(200, deviceGet().status);
    }

    @Test
    void busyPreconditionServerErrorAndUnavailable() throws Exception {
        emu.faults().on("GET", HUB_PATH).busy();
        emu.faults().on("GET", HUB_PATH).preconditionFailed();
        emu.faults().on("GET", HUB_PATH).serverError();
        emu.faults().on("GET", HUB_PATH).unavailable(4);
        RawHttp.Answer busy = armGet();
        assertEquals(409, busy.status);
        assertEquals(409002, busy.json().get("code").asInt());
        assertTrue(busy.json().get("message").asText().contains("f-hub"));
        assertEquals(412001, armGet().json().get("code").asInt());
        assertEquals(500, armGet().status);
        RawHttp.Answer unavailable = armGet();
        assertEquals(503, unavailable.status);
        assertEquals("4", unavailable.header("Retry-After"));
        assertEquals(200, armGet().status);

        emu.faults().on("*", "/devices/.*").busy();
        emu.faults().on("*", "/devices/.*").preconditionFailed();
        emu.faults().on("*", "/devices/.*").unavailable(1);
        assertEquals(409, deviceGet().status);
        assertEquals(412, deviceGet().status);
        assertEquals(503, deviceGet().status);
        assertEquals(200, deviceGet().status);
    }

    @Test
    void dropConnectionAnswersNothing() throws Exception {
        // java.net.http silently retries an idempotent request once, so drop more than once.
        FaultRule rule = emu.faults().on("GET", "/devices/d1").times(5).dropConnection();
        assertThrows(IOException.class, this::deviceGet);
        assertTrue(rule.fired() >= 1);
        emu.requests().matching("GET", "/devices/d1").forEach(r -> assertEquals(-1, r.status()));
        emu.faults().clear();
        assertEquals(200, deviceGet().status);
        emu.faults().on("GET", HUB_PATH).times(5).dropConnection();
        assertThrows(IOException.class, this::armGet);
    }

    @Test
    void delayHoldsTheAnswer() throws Exception {
        emu.faults().on("GET", "/devices/d1").delay(300);
        long start = System.nanoTime();
        assertEquals(200, deviceGet().status);
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() >= 300);
        assertTrue(emu.requests().all().get(0).handlingTime().toMillis() >= 300);
        assertTrue(emu.requests().totalHandlingTime().toMillis() >= 300);
    }

    @Test
    void lroFailedChangesNothing() throws Exception {
        emu.faults().on("PUT", HUB_PATH).lroFailed();
        ObjectNode body = (ObjectNode) armGet().json();
        JsonNode keys = http.send("POST", emu.armEndpoint() + HUB_PATH + "/listkeys" + AV, bearer, null, null).json();
        ((ObjectNode) keys.get("value").get(0)).remove("primaryKey");
        ((ObjectNode) body.get("properties")).set("authorizationPolicies", keys.get("value"));
        String before = hub.policy("iothubowner").primaryKey();
        String etag = hub.etag();
        RawHttp.Answer accepted = http.send("PUT", emu.armEndpoint() + HUB_PATH + AV, bearer, etag, body.toString());
        assertEquals(201, accepted.status);
        String op = accepted.header("Azure-AsyncOperation");
        assertEquals("Running", http.send("GET", op, bearer, null, null).json().get("status").asText());
        JsonNode failed = http.send("GET", op, bearer, null, null).json();
        assertEquals("Failed", failed.get("status").asText());
        assertTrue(failed.get("error").get("message").asText().contains("f-hub"));
        assertEquals(before, hub.policy("iothubowner").primaryKey());
        assertEquals(etag, hub.etag());
        assertEquals("Active", hub.state());
    }

    @Test
    void concurrentModificationOnArmMakesTheReadEtagStale() throws Exception {
        ObjectNode body = (ObjectNode) armGet().json();
        JsonNode keys = http.send("POST", emu.armEndpoint() + HUB_PATH + "/listkeys" + AV, bearer, null, null).json();
        ((ObjectNode) body.get("properties")).set("authorizationPolicies", keys.get("value"));
        String lastSecondary = hub.policy("registryReadWrite").secondaryKey();
        emu.faults().on("PUT", HUB_PATH).concurrentModification();
        RawHttp.Answer put = http.send("PUT", emu.armEndpoint() + HUB_PATH + AV, bearer, body.get("etag").asText(),
                body.toString());
        assertEquals(412, put.status);
        assertNotEquals(lastSecondary, hub.policy("registryReadWrite").secondaryKey());
    }

    @Test
    void concurrentModificationOnRegistryChangesTheIdentityKeys() throws Exception {
        String before = hub.device("d1").primaryKey();
        emu.faults().on("GET", "/devices/d1").skip(1).concurrentModification();
        assertEquals(before, deviceGet().json().get("authentication").get("symmetricKey").get("primaryKey").asText());
        String seen = deviceGet().json().get("authentication").get("symmetricKey").get("primaryKey").asText();
        assertNotEquals(before, seen);
        assertEquals(hub.device("d1").primaryKey(), seen);

        String moduleKey = hub.module("d1", "m1").secondaryKey();
        emu.faults().on("PUT", "/devices/d1/modules/m1").concurrentModification(() -> hub.module("d1", "m1")
                .setKeys(hub.module("d1", "m1").primaryKey(), "AAAAAAAAAAAAAAAAAAAAAA=="));
        JsonNode module = http.send("GET", "https://" + hub.hostName() + "/devices/d1/modules/m1" + DV, sas, null,
                null).json();
        RawHttp.Answer stale = http.send("PUT", "https://" + hub.hostName() + "/devices/d1/modules/m1" + DV, sas,
                module.get("etag").asText(), module.toString());
        assertEquals(412, stale.status);
        assertNotEquals(moduleKey, hub.module("d1", "m1").secondaryKey());
    }
}
