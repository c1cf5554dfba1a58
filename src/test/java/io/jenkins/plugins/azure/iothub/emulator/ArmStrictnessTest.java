package io.jenkins.plugins.azure.iothub.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ARM rules checked with raw HTTP, independent of any SDK. */
class ArmStrictnessTest {
    private static final String V = "?api-version=2021-07-01";
    private IotHubEmulator emu;
    private SimulatedHub hub;
    private final RawHttp http = new RawHttp();
    private String bearer;
    private String hubUrl;

    @BeforeEach
    void start() {
        emu = IotHubEmulator.start();
        emu.lro().pollsUntilDone(1);
        hub = emu.addHub("sub-a", "rg-a", "strict-hub");
        bearer = RawHttp.armBearer(emu);
        hubUrl = emu.armEndpoint() + "/subscriptions/sub-a/resourceGroups/rg-a/providers/Microsoft.Devices/IotHubs/"
                + "strict-hub";
    }

    @AfterEach
    void stop() {
        emu.close();
    }

    /** GET body + all policies with keys: what a careful client PUTs back. */
    private ObjectNode fullBody() throws Exception {
        ObjectNode body = (ObjectNode) http.send("GET", hubUrl + V, bearer, null, null).json();
        JsonNode keys = http.send("POST", hubUrl + "/listkeys" + V, bearer, null, null).json();
        ((ObjectNode) body.get("properties")).set("authorizationPolicies", keys.get("value"));
        return body;
    }

    private ArrayNode policiesOf(ObjectNode body) {
        return (ArrayNode) body.get("properties").get("authorizationPolicies");
    }

    private RawHttp.Answer put(ObjectNode body, String ifMatch) throws Exception {
        return http.send("PUT", hubUrl + V, bearer, ifMatch, body.toString());
    }

    /** Polls the operation until it is no longer Running; returns the final status body. */
    private JsonNode complete(RawHttp.Answer accepted) throws Exception {
        String url = accepted.header("Azure-AsyncOperation");
        for (int i = 0; i < 20; i++) {
            JsonNode status = http.send("GET", url, bearer, null, null).json();
            if (!"Running".equals(status.get("status").asText())) {
                return status;
            }
        }
        throw new AssertionError("operation never finished");
    }

    @Test
    void apiVersionIsRequiredAndMustBeKnown() throws Exception {
        RawHttp.Answer missing = http.send("GET", hubUrl, bearer, null, null);
        assertEquals(400, missing.status);
        assertEquals("MissingApiVersionParameter", missing.json().get("error").get("code").asText());
        RawHttp.Answer unknown = http.send("GET", hubUrl + "?api-version=2099-01-01", bearer, null, null);
        assertEquals(400, unknown.status);
        assertEquals("NoRegisteredProviderFound", unknown.json().get("error").get("code").asText());
    }

    @Test
    void bearerTokenIsRequiredValidAndForArm() throws Exception {
        assertEquals(401, http.send("GET", hubUrl + V, null, null, null).status);
        assertEquals(401, http.send("GET", hubUrl + V, "Bearer made-up", null, null).status);
        RawHttp.Answer dataPlaneToken = http.send("GET", hubUrl + V, RawHttp.iotHubBearer(emu), null, null);
        assertEquals(401, dataPlaneToken.status);
        assertEquals("InvalidAuthenticationTokenAudience", dataPlaneToken.json().get("error").get("code").asText());
        assertEquals(200, http.send("GET", hubUrl + V, bearer, null, null).status);
        emu.tokenCredential().revokeIssuedTokens();
        assertEquals(401, http.send("GET", hubUrl + V, bearer, null, null).status);
    }

    @Test
    void readerMayReadButNotListKeysOrWrite() throws Exception {
        emu.armRole(ArmRole.READER);
        assertEquals(200, http.send("GET", hubUrl + V, bearer, null, null).status);
        RawHttp.Answer keys = http.send("POST", hubUrl + "/listkeys" + V, bearer, null, null);
        assertEquals(403, keys.status);
        assertEquals("AuthorizationFailed", keys.json().get("error").get("code").asText());
        emu.armRole(ArmRole.NONE);
        assertEquals(403, http.send("GET", hubUrl + V, bearer, null, null).status);
    }

    @Test
    void putNeedsTheCurrentEtag() throws Exception {
        ObjectNode body = fullBody();
        RawHttp.Answer noIfMatch = put(body, null);
        assertEquals(412, noIfMatch.status);
        RawHttp.Answer wrong = put(body, "AAAAAAAAAAA=");
        assertEquals(412, wrong.status);
        assertEquals(412001, wrong.json().get("code").asInt());
        assertEquals("PreconditionFailed", wrong.json().get("httpStatusCode").asText());
        assertTrue(wrong.json().get("message").asText().startsWith("Invalid ETag supplied."));
        assertEquals(412, put(body, "*").status);
        assertEquals(412, put(body, "\"" + hub.etag() + "\"").status);
        assertEquals(201, put(body, hub.etag()).status);
    }

    @Test
    void putAnswers201WithAsyncOperationAndAppliesOnCompletion() throws Exception {
        emu.lro().retryAfterSeconds(3).pollsUntilDone(2);
        ObjectNode body = fullBody();
        String etag = hub.etag();
        policiesOf(body).forEach(p -> {
            if (p.get("keyName").asText().equals("device")) {
                ((ObjectNode) p).remove("secondaryKey");
            }
        });
        String oldSecondary = hub.policy("device").secondaryKey();
        RawHttp.Answer accepted = put(body, etag);
        assertEquals(201, accepted.status);
        assertEquals("3", accepted.header("Retry-After"));
        String op = accepted.header("Azure-AsyncOperation");
        assertTrue(op.matches("https://127\\.0\\.0\\.1:\\d+/subscriptions/sub-a/providers/Microsoft\\.Devices/"
                + "locations/westeurope/operationResults/[0-9a-f]+\\?api-version=2021-07-01&asyncinfo"), op);
        assertEquals("Updating", hub.state());

        RawHttp.Answer busy = put(body, etag);
        assertEquals(409, busy.status);
        assertTrue(busy.json().get("message").asText().contains("is not currently in Active state. Try the request "
                + "again after it is in Active state."), busy.body);

        RawHttp.Answer poll1 = http.send("GET", op, bearer, null, null);
        assertEquals("Running", poll1.json().get("status").asText());
        assertEquals("3", poll1.header("Retry-After"));
        assertEquals(oldSecondary, hub.policy("device").secondaryKey());
        assertEquals(etag, hub.etag());
        assertEquals("Running", http.send("GET", op, bearer, null, null).json().get("status").asText());
        assertEquals("Succeeded", http.send("GET", op, bearer, null, null).json().get("status").asText());
        assertEquals("Succeeded", http.send("GET", op, bearer, null, null).json().get("status").asText());

        assertNotEquals(etag, hub.etag());
        assertEquals("Active", hub.state());
        String generated = hub.policy("device").secondaryKey();
        assertNotEquals(oldSecondary, generated);
        assertTrue(SymmetricKeys.isValid(generated));
        JsonNode hubJson = http.send("GET", hubUrl + V, bearer, null, null).json();
        assertEquals(hub.etag(), hubJson.get("etag").asText());
        assertTrue(hubJson.get("properties").get("authorizationPolicies") == null);
    }

    @Test
    void policyMissingFromPutIsDeletedAndOrderIsKept() throws Exception {
        ObjectNode body = fullBody();
        ArrayNode policies = policiesOf(body);
        policies.remove(1);
        complete(put(body, hub.etag()));
        assertEquals(List.of("iothubowner", "device", "registryRead", "registryReadWrite"),
                hub.policies().stream().map(SharedAccessPolicy::keyName).collect(Collectors.toList()));
    }

    @Test
    void swapWithExplicitKeys() throws Exception {
        SharedAccessPolicy before = hub.policy("registryRead");
        ObjectNode body = fullBody();
        policiesOf(body).forEach(p -> {
            if (p.get("keyName").asText().equals("registryRead")) {
                ((ObjectNode) p).put("primaryKey", before.secondaryKey()).put("secondaryKey", before.primaryKey());
            }
        });
        JsonNode status = complete(put(body, hub.etag()));
        assertEquals("Succeeded", status.get("status").asText());
        assertEquals(before.secondaryKey(), hub.policy("registryRead").primaryKey());
        assertEquals(before.primaryKey(), hub.policy("registryRead").secondaryKey());
    }

    @Test
    void invalidPoliciesAreRefusedAndChangeNothing() throws Exception {
        String etag = hub.etag();
        assertInvalid(p -> p.put("rights", "RegistryWrite, RegistryRead"));
        assertInvalid(p -> p.put("rights", "Everything"));
        assertInvalid(p -> p.remove("rights"));
        assertInvalid(p -> p.put("primaryKey", ""));
        assertInvalid(p -> p.put("primaryKey", "not base64!"));
        assertInvalid(p -> p.put("secondaryKey", "AAAAAAAAAAAAAAAAAAAA"));
        assertInvalid(p -> p.put("secondaryKey", "AAAAAAAAAAAAAAAAAAAAAA"));
        assertInvalid(p -> p.put("keyName", "bad name"));
        assertInvalid(p -> p.put("keyName", "IOTHUBOWNER"));
        assertEquals(etag, hub.etag());
        assertEquals("Active", hub.state());
    }

    private void assertInvalid(java.util.function.Consumer<ObjectNode> spoil) throws Exception {
        ObjectNode body = fullBody();
        spoil.accept((ObjectNode) policiesOf(body).get(1));
        RawHttp.Answer answer = put(body, hub.etag());
        assertEquals(400, answer.status, answer.body);
        assertEquals("BadRequest", answer.json().get("httpStatusCode").asText());
        assertFalse(answer.body.contains(hub.policy("service").primaryKey()), "error must not echo keys");
    }

    @Test
    void locationAndSkuAreRequired() throws Exception {
        ObjectNode noLocation = fullBody();
        noLocation.remove("location");
        assertEquals(400, put(noLocation, hub.etag()).status);
        ObjectNode noSku = fullBody();
        noSku.remove("sku");
        assertEquals(400, put(noSku, hub.etag()).status);
        ObjectNode moved = fullBody();
        moved.put("location", "eastus");
        assertEquals(400, put(moved, hub.etag()).status);
    }

    @Test
    void putReplacesTagsAndProperties() throws Exception {
        hub.tag("owner", "team");
        ObjectNode body = fullBody();
        body.remove("tags");
        ((ObjectNode) body.get("properties")).remove("cloudToDevice");
        complete(put(body, hub.etag()));
        assertTrue(hub.tags().isEmpty());
        assertTrue(hub.writableProperties().get("cloudToDevice") == null);
        assertNotNull(hub.writableProperties().get("eventHubEndpoints"));
    }

    @Test
    void unknownSubscriptionResourceGroupAndOperation() throws Exception {
        String base = emu.armEndpoint() + "/subscriptions/";
        assertEquals("SubscriptionNotFound", http.send("GET", base + "nope/providers/Microsoft.Devices/IotHubs" + V,
                bearer, null, null).json().get("error").get("code").asText());
        assertEquals(404, http.send("GET", base + "sub-a/resourceGroups/nope/providers/Microsoft.Devices/IotHubs" + V,
                bearer, null, null).status);
        assertEquals(200, http.send("GET", base + "SUB-A/resourcegroups/RG-A/providers/microsoft.devices/iothubs" + V,
                bearer, null, null).status);
        assertEquals(404, http.send("GET", base + "sub-a/providers/Microsoft.Devices/locations/westeurope/"
                + "operationResults/abc" + V, bearer, null, null).status);
    }
}
