package io.jenkins.plugins.azure.iothub.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bulk registry writes, device queries and the registry throttle, checked with raw HTTP. */
class RegistryBulkStrictnessTest {
    private static final String V = "?api-version=2021-04-12";
    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private IotHubEmulator emu;
    private SimulatedHub hub;
    private final RawHttp http = new RawHttp();
    private String base;
    private String writer;

    @BeforeEach
    void start() {
        emu = IotHubEmulator.start();
        hub = emu.addHub("sub", "rg", "bulk-hub");
        for (int i = 0; i < 3; i++) {
            hub.addDevice("d" + i);
        }
        base = "https://" + hub.hostName();
        writer = hub.sasToken("registryReadWrite", Duration.ofMinutes(5));
    }

    @AfterEach
    void stop() {
        emu.close();
    }

    private static ObjectNode entry(String id, String etag, String mode) {
        ObjectNode e = Json.object().put("id", id).put("importMode", mode).put("status", "enabled");
        if (etag != null) {
            e.put("eTag", etag);
        }
        e.putObject("authentication").put("type", "sas").putObject("symmetricKey").put("primaryKey", KEY)
                .put("secondaryKey", KEY);
        return e;
    }

    private RawHttp.Answer bulk(ArrayNode entries, String version) throws Exception {
        return http.send("POST", base + "/devices" + version, writer, null, Json.MAPPER.writeValueAsString(entries));
    }

    @Test
    void eachEntryIsAppliedOrRefusedOnItsOwn() throws Exception {
        ArrayNode entries = Json.array();
        entries.add(entry("d0", hub.device("d0").etag(), "updateIfMatchETag"));
        entries.add(entry("d1", "\"stale\"", "updateIfMatchETag"));
        entries.add(entry("nope", null, "update"));
        String d1Key = hub.device("d1").primaryKey();

        RawHttp.Answer answer = bulk(entries, V);

        assertEquals(400, answer.status, answer.body);
        JsonNode result = answer.json();
        assertFalse(result.get("isSuccessful").asBoolean());
        assertEquals(2, result.get("errors").size(), answer.body);
        assertEquals("PreconditionFailed", result.get("errors").get(0).get("errorCode").asText());
        assertEquals("d1", result.get("errors").get(0).get("deviceId").asText());
        assertEquals("DeviceNotFound", result.get("errors").get(1).get("errorCode").asText());
        assertEquals(KEY, hub.device("d0").primaryKey(), "applied");
        assertEquals(d1Key, hub.device("d1").primaryKey(), "refused entry changes nothing");
    }

    @Test
    void wholeRequestRulesApiVersionSizeDuplicatesAndModes() throws Exception {
        ArrayNode one = Json.array().add(entry("d0", null, "update"));
        assertEquals(400, bulk(one, "").status);
        assertEquals(200, bulk(one, V).status);
        ArrayNode twice = Json.array().add(entry("d0", null, "update")).add(entry("d0", null, "update"));
        assertTrue(bulk(twice, V).body.contains("DeviceDefinedMultipleTimes"));
        ArrayNode many = Json.array();
        for (int i = 0; i < 101; i++) {
            many.add(entry("x" + i, null, "update"));
        }
        assertTrue(bulk(many, V).body.contains("TooManyDevices"));
        assertEquals(400, bulk(Json.array().add(entry("d0", null, "sideways")), V).status);
        String reader = hub.sasToken("registryRead", Duration.ofMinutes(5));
        assertEquals(401, http.send("POST", base + "/devices" + V, reader, null,
                Json.MAPPER.writeValueAsString(one)).status, "bulk writes need RegistryWrite");
    }

    @Test
    void queriesPageWithContinuationAndUnknownSyntaxIsRefused() throws Exception {
        hub.device("d1").setTag("site", "north");
        hub.addX509Device("x1").setTag("site", "north");
        String query = "{\"query\":\"SELECT * FROM devices WHERE tags.site = 'north'\"}";
        RawHttp.Answer first = http.send("POST", base + "/devices/query" + V, writer, null, query);
        assertEquals(200, first.status, first.body);
        assertEquals(2, first.json().size());
        assertEquals(hub.device("d1").etag(), first.json().get(0).get("deviceEtag").asText());
        assertFalse(first.body.contains(hub.device("d1").primaryKey()), "twins carry no keys");
        assertEquals(400, http.send("POST", base + "/devices/query" + V, writer, null,
                "{\"query\":\"SELECT deviceId FROM devices GROUP BY status\"}").status);
    }

    @Test
    void theThrottleAnswers429WithRetryAfterPerUnitAndTier() throws Exception {
        hub.setSku("S1", 2);
        hub.throttle().enabled(true);
        assertEquals(200.0, hub.throttle().identityOperationsPerMinute());
        ArrayNode hundred = Json.array();
        for (int i = 0; i < 3; i++) {
            hundred.add(entry("d" + i, null, "update"));
        }
        int ok = 0;
        RawHttp.Answer answer = null;
        for (int i = 0; i < 100; i++) {
            answer = bulk(hundred, V);
            if (answer.status != 200) {
                break;
            }
            ok++;
        }
        // two units of S1: 200 operations in a full bucket, 3 per request; it refills at 200/min while this runs
        assertTrue(ok >= 66 && ok <= 75, "requests before the first 429: " + ok);
        assertEquals(429, answer.status);
        assertTrue(answer.body.contains("ThrottlingException"));
        assertEquals("1", answer.header("Retry-After"));
        hub.setSku("S3", 1);
        assertEquals(5000.0, hub.throttle().identityOperationsPerMinute());
    }
}
