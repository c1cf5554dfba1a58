package io.jenkins.plugins.azure.iothub.engine;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpMethod;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Single Microsoft.Devices/IotHubs REST calls at {@link RestPipeline#ARM_API_VERSION}, on JSON trees, without
 * retries (the {@link Retrier} decides those). Hubs are read and written as the service sends them, so properties of
 * newer api-versions, and properties no SDK model knows yet, survive a key renewal (see {@link HubDocument}).
 */
final class ArmGateway {
    private final RestPipeline pipeline;
    private final String endpoint;
    private final String subscriptionId;

    ArmGateway(AzureCloud cloud, TokenCredential credential, String subscriptionId, HttpClient httpClient) {
        this.subscriptionId = subscriptionId;
        String base = cloud.resourceManagerEndpoint();
        this.endpoint = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.pipeline = RestPipeline.arm(httpClient, credential, cloud.managementScope());
    }

    String subscriptionId() {
        return subscriptionId;
    }

    ObjectNode getHub(String resourceGroup, String hubName, CallObserver observer) throws IOException {
        return send(HttpMethod.GET, versioned(hubPath(resourceGroup, hubName)), Map.of(), null, observer).json();
    }

    /** Walks the subscription's hub list page by page until a name matches (case-insensitively); null if none. */
    ObjectNode findHubByName(String hubName, CallObserver observer) throws IOException {
        String url = versioned("/subscriptions/" + RestPipeline.segment(subscriptionId)
                + "/providers/Microsoft.Devices/IotHubs");
        while (url != null) {
            ObjectNode page = send(HttpMethod.GET, url, Map.of(), null, observer).json();
            for (JsonNode hub : page.path("value")) {
                if (hub.isObject() && hubName.equalsIgnoreCase(EngineJson.text(hub, "name"))) {
                    return (ObjectNode) hub;
                }
            }
            url = EngineJson.text(page, "nextLink");
        }
        return null;
    }

    /** Every policy with its keys, all pages, in the service's order, each as the service sent it. */
    List<ObjectNode> listPolicies(String resourceGroup, String hubName, CallObserver observer) throws IOException {
        List<ObjectNode> all = new ArrayList<>();
        HttpMethod method = HttpMethod.POST;
        String url = versioned(hubPath(resourceGroup, hubName) + "/listkeys");
        while (url != null) {
            ObjectNode page = send(method, url, Map.of(), null, observer).json();
            for (JsonNode rule : page.path("value")) {
                if (!rule.isObject()) {
                    throw new IOException("a listkeys entry is not a JSON object");
                }
                all.add((ObjectNode) rule);
            }
            url = EngineJson.text(page, "nextLink");
            method = HttpMethod.GET; // next pages: GET {nextLink}, as the SDKs' x-ms-pageable handling does
        }
        return all;
    }

    ObjectNode policyKeys(String resourceGroup, String hubName, String keyName, CallObserver observer)
            throws IOException {
        return send(HttpMethod.POST, versioned(hubPath(resourceGroup, hubName) + "/IotHubKeys/"
                + RestPipeline.segment(keyName) + "/listkeys"), Map.of(), null, observer).json();
    }

    /** The answer to a hub PUT: where to poll its long-running operation, or that it is already over. */
    static final class Update {
        /**
         * Azure-AsyncOperation (status body), Location (202 while running) or, with neither, the hub itself (its
         * provisioningState); null when the update is over.
         */
        final String statusUrl;
        final boolean statusInBody;
        final boolean statusInResource;
        final Duration retryAfter;
        final boolean done;

        Update(String statusUrl, boolean statusInBody, boolean statusInResource, Duration retryAfter, boolean done) {
            this.statusUrl = statusUrl;
            this.statusInBody = statusInBody;
            this.statusInResource = statusInResource;
            this.retryAfter = retryAfter;
            this.done = done;
        }
    }

    /** PUT with {@code If-Match: <etag>} (the value exactly as the hub carried it, as the SDKs send it). */
    Update beginUpdate(String resourceGroup, String hubName, ObjectNode body, String etag, CallObserver observer)
            throws IOException {
        RestPipeline.Reply reply = send(HttpMethod.PUT, versioned(hubPath(resourceGroup, hubName)),
                etag == null ? Map.of() : Map.of("If-Match", etag), body, observer);
        Duration retryAfter = Failure.parseRetryAfter(reply.header("Retry-After"));
        String async = reply.header("Azure-AsyncOperation");
        if (async != null) {
            return new Update(async, true, false, retryAfter, false);
        }
        String location = reply.header("Location");
        if (location != null) {
            return new Update(location, false, false, retryAfter, false);
        }
        // No operation to poll: the answer's provisioningState says whether the hub is done; a transitional one
        // ("200: ... a transitional provisioning state", IotHubResource_CreateOrUpdate) means reading the hub until
        // it is terminal, as azure-core-management's polling does.
        String state = EngineJson.text(reply.body.length == 0 ? null : reply.json().path("properties"),
                "provisioningState");
        if (state == null || "Succeeded".equalsIgnoreCase(state)) {
            return new Update(null, false, false, retryAfter, true);
        }
        if (isFailed(state)) {
            return new Update(null, false, false, retryAfter, false);
        }
        return new Update(versioned(hubPath(resourceGroup, hubName)), false, true, retryAfter, false);
    }

    private static boolean isFailed(String provisioningState) {
        return "Failed".equalsIgnoreCase(provisioningState) || "Canceled".equalsIgnoreCase(provisioningState);
    }

    /** One status poll. */
    static final class Poll {
        enum State { RUNNING, SUCCEEDED, FAILED }

        final State state;
        final String error;
        final Duration retryAfter;

        Poll(State state, String error, Duration retryAfter) {
            this.state = state;
            this.error = error;
            this.retryAfter = retryAfter;
        }
    }

    /** Reads the operation status: {@code status} Succeeded / Failed / Canceled are final (azure-core-management). */
    Poll poll(Update update, CallObserver observer) throws IOException {
        RestPipeline.Reply reply = send(HttpMethod.GET, update.statusUrl, Map.of(), null, observer);
        Duration retryAfter = Failure.parseRetryAfter(reply.header("Retry-After"));
        if (update.statusInResource) {
            String state = EngineJson.text(reply.json().path("properties"), "provisioningState");
            if (state == null || "Succeeded".equalsIgnoreCase(state)) {
                return new Poll(Poll.State.SUCCEEDED, null, retryAfter);
            }
            return isFailed(state)
                    ? new Poll(Poll.State.FAILED, "the hub's provisioningState became " + state, retryAfter)
                    : new Poll(Poll.State.RUNNING, null, retryAfter);
        }
        if (!update.statusInBody) {
            return new Poll(reply.status == 202 ? Poll.State.RUNNING : Poll.State.SUCCEEDED, null, retryAfter);
        }
        ObjectNode body = reply.json();
        String status = EngineJson.text(body, "status");
        if (status == null) {
            throw new IOException("the operation status has no 'status'");
        }
        switch (status.toLowerCase(Locale.ROOT)) {
            case "succeeded":
                return new Poll(Poll.State.SUCCEEDED, null, retryAfter);
            case "failed":
            case "canceled":
                String message = EngineJson.text(body.path("error"), "message");
                return new Poll(Poll.State.FAILED, message != null ? message : "the hub update ended as " + status,
                        retryAfter);
            default:
                return new Poll(Poll.State.RUNNING, null, retryAfter);
        }
    }

    private RestPipeline.Reply send(HttpMethod method, String url, Map<String, String> headers, JsonNode body,
            CallObserver observer) throws IOException {
        return pipeline.send(method, url, headers, body, observer);
    }

    private String hubPath(String resourceGroup, String hubName) {
        return "/subscriptions/" + RestPipeline.segment(subscriptionId) + "/resourceGroups/"
                + RestPipeline.segment(resourceGroup) + "/providers/Microsoft.Devices/IotHubs/"
                + RestPipeline.segment(hubName);
    }

    private String versioned(String path) {
        return endpoint + path + "?api-version=" + RestPipeline.ARM_API_VERSION;
    }

    /** "/subscriptions/s/resourceGroups/RG/providers/..." -> "RG". */
    static String resourceGroupOf(String resourceId) {
        return segmentAfter(resourceId, "resourceGroups");
    }

    static String subscriptionOf(String resourceId) {
        return segmentAfter(resourceId, "subscriptions");
    }

    private static String segmentAfter(String resourceId, String keyword) {
        if (resourceId == null) {
            return null;
        }
        String[] parts = resourceId.split("/");
        for (int i = 0; i + 1 < parts.length; i++) {
            if (keyword.equalsIgnoreCase(parts[i])) {
                return parts[i + 1];
            }
        }
        return null;
    }
}
