package io.jenkins.plugins.azure.iothub.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Registry (data plane) rules checked with raw HTTP. */
class RegistryStrictnessTest {
    private static final String V = "?api-version=2021-04-12";
    private static final String KEY16 = Base64.getEncoder().encodeToString(new byte[16]);
    private static final String KEY64 = Base64.getEncoder().encodeToString(new byte[64]);
    private IotHubEmulator emu;
    private SimulatedHub hub;
    private final RawHttp http = new RawHttp();
    private String base;
    private String writer;

    @BeforeEach
    void start() {
        emu = IotHubEmulator.start();
        hub = emu.addHub("sub", "rg", "data-hub");
        hub.addDevice("d1");
        hub.addDevice("50%");
        hub.addModule("d1", "m1");
        base = "https://" + hub.hostName();
        writer = hub.sasToken("registryReadWrite", Duration.ofMinutes(5));
    }

    @AfterEach
    void stop() {
        emu.close();
    }

    private RawHttp.Answer get(String path, String auth) throws Exception {
        return http.send("GET", base + path, auth, null, null);
    }

    private void assertUnauthorized(RawHttp.Answer answer) {
        assertEquals(401, answer.status, answer.body);
        assertTrue(answer.json().get("Message").asText().startsWith("ErrorCode:IotHubUnauthorizedAccess;"));
        assertTrue(answer.json().get("ExceptionMessage").asText().startsWith("Tracking ID:"));
    }

    @Test
    void sasSignatureExpiryScopeAndRightsAreChecked() throws Exception {
        assertEquals(200, get("/devices/d1" + V, writer).status);
        String key = hub.policy("registryReadWrite").primaryKey();
        String otherKey = hub.policy("iothubowner").primaryKey();
        assertUnauthorized(get("/devices/d1" + V, SasTokens.create(hub.hostName(), "registryReadWrite", otherKey,
                Duration.ofMinutes(5))));
        assertUnauthorized(get("/devices/d1" + V, SasTokens.create(hub.hostName(), "registryReadWrite", key,
                Instant.now().minusSeconds(5).getEpochSecond())));
        assertUnauthorized(get("/devices/d1" + V, SasTokens.create("other-hub.azure-devices.net", "registryReadWrite",
                key, Duration.ofMinutes(5))));
        assertUnauthorized(get("/devices/d1" + V, SasTokens.create(hub.hostName(), null, key, Duration.ofMinutes(5))));
        assertUnauthorized(get("/devices/d1" + V, hub.sasToken("service", Duration.ofMinutes(5))));
        assertUnauthorized(get("/devices/d1" + V, hub.sasToken("device", Duration.ofMinutes(5))));
        assertUnauthorized(get("/devices/d1" + V, null));
        assertUnauthorized(get("/statistics/service" + V, hub.sasToken("registryRead", Duration.ofMinutes(5))));
        assertEquals(200, get("/statistics/service" + V, hub.sasToken("service", Duration.ofMinutes(5))).status);
        String secondary = SasTokens.create(hub.hostName(), "registryReadWrite",
                hub.policy("registryReadWrite").secondaryKey(), Duration.ofMinutes(5));
        assertEquals(200, get("/devices/d1" + V, secondary).status);
    }

    @Test
    void resourceScopedTokenCoversOnlyItsPrefix() throws Exception {
        String key = hub.policy("registryRead").primaryKey();
        String deviceScoped = SasTokens.create(hub.hostName() + "/devices/d1", "registryRead", key,
                Duration.ofMinutes(5));
        assertEquals(200, get("/devices/d1" + V, deviceScoped).status);
        assertEquals(200, get("/devices/d1/modules/m1" + V, deviceScoped).status);
        assertUnauthorized(get("/devices/d10" + V, deviceScoped));
    }

    @Test
    void readRightCannotWriteButWriteRightCanRead() throws Exception {
        String reader = hub.sasToken("registryRead", Duration.ofMinutes(5));
        JsonNode device = get("/devices/d1" + V, reader).json();
        assertUnauthorized(http.send("PUT", base + "/devices/d1" + V, reader, "*", device.toString()));
        assertEquals(200, http.send("PUT", base + "/devices/d1" + V, writer, "*", device.toString()).status);
    }

    @Test
    void disableLocalAuthAndEntraRules() throws Exception {
        String entra = RawHttp.iotHubBearer(emu);
        assertEquals(200, get("/devices/d1" + V, entra).status);
        assertUnauthorized(get("/devices/d1" + V, RawHttp.armBearer(emu)));
        hub.disableLocalAuth(true);
        assertUnauthorized(get("/devices/d1" + V, writer));
        assertEquals(200, get("/devices/d1" + V, entra).status);
        hub.denyEntraDataPlane(true);
        assertUnauthorized(get("/devices/d1" + V, entra));
    }

    @Test
    void apiVersionIsRequired() throws Exception {
        RawHttp.Answer missing = get("/devices/d1", writer);
        assertEquals(400, missing.status);
        assertEquals(400, get("/devices/d1?api-version=1999-01-01", writer).status);
    }

    @Test
    void ifMatchRules() throws Exception {
        ObjectNode device = (ObjectNode) get("/devices/d1" + V, writer).json();
        String etag = device.get("etag").asText();
        assertEquals(409, http.send("PUT", base + "/devices/d1" + V, writer, null, device.toString()).status);
        RawHttp.Answer stale = http.send("PUT", base + "/devices/d1" + V, writer, "\"bm9wZQ==\"", device.toString());
        assertEquals(412, stale.status);
        assertTrue(stale.json().get("Message").asText().startsWith("ErrorCode:PreconditionFailed;"));
        RawHttp.Answer quoted = http.send("PUT", base + "/devices/d1" + V, writer, "\"" + etag + "\"",
                device.toString());
        assertEquals(200, quoted.status);
        String etag2 = quoted.json().get("etag").asText();
        assertNotEquals(etag, etag2);
        assertEquals(200, http.send("PUT", base + "/devices/d1" + V, writer, etag2, device.toString()).status);
        assertEquals(200, http.send("PUT", base + "/devices/d1" + V, writer, "*", device.toString()).status);
        assertEquals(404, http.send("PUT", base + "/devices/ghost" + V, writer, "*",
                device.put("deviceId", "ghost").toString()).status);
    }

    @Test
    void keysAreValidatedAndGeneratedWhenBothAbsent() throws Exception {
        String before = hub.device("d1").primaryKey();
        assertEquals(400, putKeys("d1", "AAAA", KEY16).status);
        assertEquals(400, putKeys("d1", "not base64!", KEY16).status);
        assertEquals(400, putKeys("d1", "", KEY16).status);
        assertEquals(400, putKeys("d1", KEY16.replace("=", ""), KEY16).status);
        assertEquals(400, putKeys("d1", Base64.getEncoder().encodeToString(new byte[65]), KEY16).status);
        assertEquals(400, putKeys("d1", KEY16, null).status);
        assertEquals(before, hub.device("d1").primaryKey());
        RawHttp.Answer ok = putKeys("d1", KEY16, KEY64);
        assertEquals(200, ok.status);
        assertEquals(KEY64, ok.json().get("authentication").get("symmetricKey").get("secondaryKey").asText());
        assertEquals(KEY16, hub.device("d1").primaryKey());
        assertEquals(200, putKeys("d1", null, null).status);
        assertTrue(SymmetricKeys.isValid(hub.device("d1").primaryKey()));
        assertNotEquals(KEY16, hub.device("d1").primaryKey());
    }

    private RawHttp.Answer putKeys(String id, String primary, String secondary) throws Exception {
        ObjectNode device = (ObjectNode) get("/devices/" + id + V, writer).json();
        ObjectNode keys = (ObjectNode) device.get("authentication").get("symmetricKey");
        keys.remove("primaryKey");
        keys.remove("secondaryKey");
        if (primary != null) {
            keys.put("primaryKey", primary);
        }
        if (secondary != null) {
            keys.put("secondaryKey", secondary);
        }
        device.put("status", "Enabled");
        return http.send("PUT", base + "/devices/" + id + V, writer, "*", device.toString());
    }

    @Test
    void pathsAreDecodedPerSegmentAndRecordedRaw() throws Exception {
        assertEquals("50%", get("/devices/50%25" + V, writer).json().get("deviceId").asText());
        RawHttp.Answer slash = get("/devices/d1%2Fmodules%2Fm1" + V, writer);
        assertEquals(404, slash.status);
        assertTrue(slash.json().get("Message").asText().startsWith("ErrorCode:DeviceNotFound;"));
        RawHttp.Answer dots = get("/devices/%2E%2E" + V, writer);
        assertEquals(404, dots.status);
        assertTrue(dots.json().get("Message").asText().startsWith("ErrorCode:NotFound;"));
        assertEquals(1, emu.requests().count("GET", "/devices/50%25"));
        assertEquals(1, emu.requests().count("GET", "/devices/%2E%2E"));
        assertEquals(0, emu.requests().count("GET", "/devices/50%"));
    }

    @Test
    void bodyIdMustMatchPathAndCreateWorksWithoutIfMatch() throws Exception {
        ObjectNode device = (ObjectNode) get("/devices/d1" + V, writer).json();
        assertEquals(400, http.send("PUT", base + "/devices/d2" + V, writer, null, device.toString()).status);
        device.put("deviceId", "d2");
        ((ObjectNode) device.get("authentication").get("symmetricKey")).putNull("primaryKey").putNull("secondaryKey");
        assertEquals(200, http.send("PUT", base + "/devices/d2" + V, writer, null, device.toString()).status);
        assertTrue(hub.hasDevice("d2"));
        assertFalse(hub.device("d2").primaryKey().equals(hub.device("d1").primaryKey()));
    }

    @Test
    void statisticsAndModuleList() throws Exception {
        assertEquals(2, get("/statistics/devices" + V, writer).json().get("totalDeviceCount").asInt());
        JsonNode modules = get("/devices/d1/modules" + V, writer).json();
        assertEquals("m1", modules.get(0).get("moduleId").asText());
    }

    @Test
    void logNeverPrintsSecrets() throws Exception {
        get("/devices/d1" + V, writer);
        RecordedRequest r = emu.requests().all().get(0);
        assertEquals(writer, r.authorization());
        String printed = r.toString() + emu.requests().describe();
        assertFalse(printed.contains("sig="), printed);
        assertTrue(printed.contains("auth=SharedAccessSignature"), printed);
    }
}
