package io.jenkins.plugins.azure.iothub.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The body of a hub PUT, made from the hub exactly as GET returned it. A PUT replaces the whole resource, and the
 * service's own spec warns that properties missing from it "may … fallback to default" (IotHubResource_CreateOrUpdate,
 * azure-rest-api-specs stable/2023-06-30/iothub.json), so everything is sent back, unknown properties included,
 * except what the service owns. That list follows the CLI's {@code hub_description_for_write}
 * (Azure/azure-iot-cli-extension {@code azext_iot/common/arm.py}), plus the spec's read-only resource fields; only
 * {@code properties.authorizationPolicies} is replaced.
 */
final class HubDocument {
    /** Resource fields the service sets (spec: readOnly) and the legacy {@code resourcegroup}/{@code subscriptionid}. */
    private static final List<String> SERVICE_OWNED = List.of("id", "name", "type", "etag", "systemData",
            "resourcegroup", "subscriptionid");
    /** Service-owned projections inside {@code properties} (the CLI's list). */
    private static final List<String> SERVICE_OWNED_PROPERTIES = List.of("deviceRegistry", "deviceRegistryNamespace",
            "deviceRegistryNamespaces", "provisioningState", "state", "hostName", "deviceHostName", "serviceHostName",
            "locations", "iotHubDetails", "privateEndpointConnections");
    /** What identifies the built-in Event Hub endpoint; retention and partition count stay. */
    private static final List<String> EVENT_HUB_OWNED = List.of("endpoint", "path", "partitionIds");
    /** Read-only in the ARM managed identity schema. */
    private static final List<String> IDENTITY_OWNED = List.of("principalId", "tenantId");
    private static final List<String> USER_IDENTITY_OWNED = List.of("principalId", "clientId");

    private HubDocument() {
    }

    /** The PUT body: {@code hub} minus what the service owns, with exactly these policies. {@code hub} is untouched. */
    static ObjectNode forWrite(ObjectNode hub, List<ObjectNode> policies) {
        ObjectNode body = hub.deepCopy();
        body.remove(SERVICE_OWNED);
        if (body.get("sku") instanceof ObjectNode) {
            ((ObjectNode) body.get("sku")).remove("tier");
        }
        if (body.get("identity") instanceof ObjectNode) {
            ObjectNode identity = (ObjectNode) body.get("identity");
            identity.remove(IDENTITY_OWNED);
            identity.path("userAssignedIdentities").forEach(user -> {
                if (user instanceof ObjectNode) {
                    ((ObjectNode) user).remove(USER_IDENTITY_OWNED);
                }
            });
        }
        ObjectNode properties = body.get("properties") instanceof ObjectNode ? (ObjectNode) body.get("properties")
                : body.putObject("properties");
        properties.remove(SERVICE_OWNED_PROPERTIES);
        properties.path("eventHubEndpoints").forEach(endpoint -> {
            if (endpoint instanceof ObjectNode) {
                ((ObjectNode) endpoint).remove(EVENT_HUB_OWNED);
            }
        });
        ArrayNode list = properties.putArray("authorizationPolicies");
        policies.forEach(list::add);
        return body;
    }

    static HubInfo describe(ObjectNode hub, String resourceGroup) {
        JsonNode properties = hub.path("properties");
        String id = EngineJson.text(hub, "id");
        return new HubInfo(EngineJson.text(hub, "name"), resourceGroup, ArmGateway.subscriptionOf(id),
                EngineJson.text(properties, "hostName"), EngineJson.text(hub, "location"),
                properties.path("disableLocalAuth").asBoolean(false));
    }

    static String etag(ObjectNode hub) {
        return EngineJson.text(hub, "etag");
    }
}
