package io.jenkins.plugins.azure.iothub.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.management.profile.AzureProfile;
import com.azure.resourcemanager.iothub.IotHubManager;
import com.azure.resourcemanager.iothub.fluent.IotHubResourcesClient;
import com.azure.resourcemanager.iothub.fluent.models.IotHubDescriptionInner;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.azure.iothub.emulator.RecordedRequest;
import io.jenkins.plugins.azure.iothub.emulator.SharedAccessPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A hub PUT replaces the whole resource: a key renewal must send back every property the service returned, also
 * those of api-versions newer than any SDK model the plugin bundles, and ones no client knows yet.
 */
class HubRoundTripTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private EngineFixture fx;

    @BeforeEach
    void start() throws Exception {
        fx = new EngineFixture();
        fx.hub.setProperty("enableDataResidency", MAPPER.readTree("true"));
        fx.hub.setProperty("rootCertificate", MAPPER.readTree(
                "{\"enableRootCertificateV2\":true,\"lastUpdatedTimeUtc\":\"2024-03-01T10:00:00Z\"}"));
        fx.hub.setProperty("ipVersion", MAPPER.readTree("\"ipv4ipv6\""));
        fx.hub.setProperty("someFutureSetting", MAPPER.readTree("{\"mode\":\"strict\",\"levels\":[1,2,3]}"));
        fx.hub.tag("owner", "team-a");
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void newerAndUnknownPropertiesSurvivePrimarySecondaryAndSwap() {
        JsonNode before = fx.hub.writableProperties();
        Map<String, String> tags = fx.hub.tags();
        for (KeyType type : List.of(KeyType.PRIMARY, KeyType.SECONDARY, KeyType.SWAP)) {
            SharedAccessPolicy old = fx.hub.policy("service");
            PolicyKeyResult result = fx.client().renewPolicyKey(PolicyKeyRequest.of(EngineFixture.HUB,
                    EngineFixture.RG, "service", type));
            assertEquals(before, fx.hub.writableProperties(), "after " + type);
            assertEquals(tags, fx.hub.tags(), "after " + type);
            SharedAccessPolicy now = fx.hub.policy("service");
            if (type == KeyType.SWAP) {
                assertEquals(old.secondaryKey(), now.primaryKey());
                assertEquals(KeyOrigin.SWAPPED, result.keyOrigin());
            } else {
                assertNotEquals(type == KeyType.PRIMARY ? old.primaryKey() : old.secondaryKey(),
                        type == KeyType.PRIMARY ? now.primaryKey() : now.secondaryKey());
                assertEquals(KeyOrigin.AZURE, result.keyOrigin());
            }
        }
        assertEquals("true", before.get("enableDataResidency").toString());
        assertEquals("\"ipv4ipv6\"", before.get("ipVersion").toString());
    }

    @Test
    void everyArmRequestUsesTheNewestStableApiVersionAndThePutLeavesOutWhatTheServiceOwns() throws Exception {
        fx.client().renewPolicyKey(PolicyKeyRequest.of(EngineFixture.HUB, null, "service", KeyType.PRIMARY));
        for (RecordedRequest request : fx.emulator.requests().all()) {
            if (request.plane() == RecordedRequest.Plane.ARM && !request.rawPath().contains("/operationResults/")) {
                assertEquals("api-version=2023-06-30", request.rawQuery(), request.toString());
            }
        }
        RecordedRequest put = fx.emulator.requests().matching("PUT", ".*/IotHubs/" + EngineFixture.HUB).get(0);
        ObjectNode body = (ObjectNode) MAPPER.readTree(put.body());
        for (String owned : List.of("id", "name", "type", "etag", "systemData", "resourcegroup", "subscriptionid")) {
            assertFalse(body.has(owned), owned);
        }
        assertFalse(body.path("sku").has("tier"));
        JsonNode properties = body.path("properties");
        for (String owned : List.of("provisioningState", "state", "hostName", "locations")) {
            assertFalse(properties.has(owned), owned);
        }
        assertFalse(properties.path("eventHubEndpoints").path("events").has("partitionIds"));
        assertTrue(properties.has("someFutureSetting") && properties.has("rootCertificate"));
        assertEquals(5, properties.path("authorizationPolicies").size());
    }

    /** The emulator models the loss the engine avoids: the bundled 2021-07-01 SDK's round trip drops them. */
    @Test
    void theSdkModelOfApiVersion20210701WouldDropThem() {
        AzureProfile profile = fx.emulator.azureProfile(EngineFixture.SUBSCRIPTION);
        IotHubResourcesClient hubs = IotHubManager.configure().withDefaultPollInterval(Duration.ofMillis(20))
                .authenticate(fx.emulator.tokenCredential(), profile).serviceClient().getIotHubResources();
        IotHubDescriptionInner hub = hubs.getByResourceGroup(EngineFixture.RG, EngineFixture.HUB);
        hub.properties().withAuthorizationPolicies(hubs.listKeys(EngineFixture.RG, EngineFixture.HUB).stream()
                .collect(java.util.stream.Collectors.toList()));
        hubs.createOrUpdate(EngineFixture.RG, EngineFixture.HUB, hub, hub.etag());
        JsonNode after = fx.hub.writableProperties();
        assertFalse(after.has("enableDataResidency") || after.has("rootCertificate") || after.has("ipVersion")
                || after.has("someFutureSetting"), after.toString());
    }
}
