package io.jenkins.plugins.azure.iothub.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The Azure Resource Manager side of the emulator ({@code Microsoft.Devices/IotHubs}): hub GET, list by subscription
 * and by resource group (paged), listkeys (paged), keys for one key name, PUT as a long-running operation and the
 * operation status. Path keywords, resource-group and hub names match case-insensitively like ARM; policy key names
 * in {@code IotHubKeys/{keyName}} match exactly (the service's behaviour is unconfirmed; exact is the strict choice).
 */
final class ArmApi extends PlaneHandler {
    /** api-versions this resource type knows; anything else is refused with 400 like ARM does. */
    static final Set<String> API_VERSIONS = Set.of("2016-02-03", "2017-01-19", "2017-07-01", "2018-01-22",
            "2018-04-01", "2019-03-22", "2019-11-04", "2020-03-01", "2020-04-01", "2020-06-15", "2020-08-01",
            "2020-08-31", "2021-03-31", "2021-07-01", "2021-07-02", "2022-04-30-preview", "2022-11-15-preview",
            "2023-06-30", "2023-06-30-preview");

    private enum Action { READ, WRITE, LIST_KEYS }

    ArmApi(IotHubEmulator emulator) {
        super(emulator, RecordedRequest.Plane.ARM);
    }

    @Override
    String hubName() {
        return null;
    }

    @Override
    void handle(HttpCall call, FaultRule fault) throws IOException {
        authenticate(call);
        List<String> s = call.segments;
        if (s == null) {
            throw EmulatorError.arm(400, "InvalidRequestUri", "The request path contains an invalid escape sequence.");
        }
        checkApiVersion(call);
        if (s.size() < 2 || !is(s.get(0), "subscriptions")) {
            throw noRoute(call);
        }
        String sub = s.get(1);
        List<String> rest = s.subList(2, s.size());
        if (matches(rest, "providers", "Microsoft.Devices", "IotHubs")) {
            requireMethod(call, "GET");
            authorize(Action.READ, call);
            knownSubscription(sub);
            page(call, emulator.hubsIn(sub, null), hub -> hub.toArmJson(call.query.get("api-version")));
        } else if (rest.size() == 6 && matches(rest.subList(0, 3), "providers", "Microsoft.Devices", "locations")
                && is(rest.get(4), "operationResults")) {
            requireMethod(call, "GET");
            authorize(Action.READ, call);
            operationStatus(call, sub, rest.get(5));
        } else if (rest.size() >= 5 && is(rest.get(0), "resourceGroups")
                && matches(rest.subList(2, 5), "providers", "Microsoft.Devices", "IotHubs")) {
            hubRoutes(call, fault, sub, rest.get(1), rest.subList(5, rest.size()));
        } else {
            throw noRoute(call);
        }
    }

    private void hubRoutes(HttpCall call, FaultRule fault, String sub, String rg, List<String> after)
            throws IOException {
        if (after.isEmpty()) {
            requireMethod(call, "GET");
            authorize(Action.READ, call);
            knownResourceGroup(sub, rg);
            page(call, emulator.hubsIn(sub, rg), hub -> hub.toArmJson(call.query.get("api-version")));
            return;
        }
        String name = after.get(0);
        if (after.size() == 1 && call.method.equals("GET")) {
            authorize(Action.READ, call);
            SimulatedHub hub = findHub(sub, rg, name);
            ObjectNode json = hub.toArmJson(call.query.get("api-version"));
            call.respond(200, json, Map.of("ETag", json.get("etag").asText()));
        } else if (after.size() == 1 && call.method.equals("PUT")) {
            authorize(Action.WRITE, call);
            knownResourceGroup(sub, rg);
            SimulatedHub hub = emulator.findHub(sub, rg, name);
            if (hub == null) {
                throw EmulatorError.arm(400, "EmulatorUnsupported",
                        "The emulator does not create IoT hubs; IotHub '" + name + "' does not exist.");
            }
            put(call, hub, fault != null && fault.kind() == FaultRule.Kind.LRO_FAILED);
        } else if (after.size() == 2 && is(after.get(1), "listkeys")
                && (call.method.equals("POST") || call.method.equals("GET") && call.query.containsKey("$skipToken"))) {
            authorize(Action.LIST_KEYS, call);
            SimulatedHub hub = findHub(sub, rg, name);
            page(call, hub.policies(), SimulatedHub::policyJson);
        } else if (after.size() == 4 && is(after.get(1), "IotHubKeys") && is(after.get(3), "listkeys")) {
            requireMethod(call, "POST");
            authorize(Action.LIST_KEYS, call);
            SimulatedHub hub = findHub(sub, rg, name);
            String keyName = after.get(2);
            SharedAccessPolicy policy = hub.findPolicy(keyName).orElseThrow(() -> EmulatorError.provider(404,
                    404017, "NotFound", "The key name '" + keyName + "' does not exist on IotHub '" + hub.name()
                            + "'."));
            call.respond(200, SimulatedHub.policyJson(policy));
        } else if (after.size() <= 4) {
            throw EmulatorError.arm(405, "MethodNotAllowed", "The requested resource does not support http method '"
                    + call.method + "'.");
        } else {
            throw noRoute(call);
        }
    }

    /**
     * PUT: 409 while an update runs, 412 without the current etag, 400 for an invalid body, else 201 + LRO (or 200
     * without an operation, {@link LroSettings#withoutOperation}).
     */
    private void put(HttpCall call, SimulatedHub hub, boolean failAtEnd) throws IOException {
        HubOperation op;
        ObjectNode accepted;
        synchronized (hub) {
            if (hub.runningOperation() != null) {
                throw EmulatorError.hubBusy(hub.name());
            }
            String ifMatch = call.header("If-Match");
            if (ifMatch == null) {
                throw EmulatorError.provider(412, 412001, "PreconditionFailed",
                        "The If-Match header with the hub's etag is required to update an existing IotHub.");
            }
            if (!ifMatch.equals(hub.etag())) { // exact, as the SDK sends it; a quoted or "*" value is refused
                throw EmulatorError.staleEtag();
            }
            HubUpdate update = HubUpdate.parse(Json.parseOrNull(call.body), hub);
            op = hub.begin(update, failAtEnd, emulator.lro());
            accepted = hub.toAcceptedJson(update, call.query.get("api-version"));
        }
        emulator.register(op);
        if (emulator.lro().withoutOperation()) {
            call.respond(200, accepted, Map.of());
            return;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Azure-AsyncOperation", emulator.armEndpoint() + "/subscriptions/" + hub.subscriptionId()
                + "/providers/Microsoft.Devices/locations/" + HubUpdate.normaliseLocation(hub.location())
                + "/operationResults/" + op.id + "?api-version=" + call.query.get("api-version") + "&asyncinfo");
        headers.put("Retry-After", Integer.toString(op.retryAfterSeconds));
        call.respond(201, accepted, headers);
    }

    private void operationStatus(HttpCall call, String sub, String id) throws IOException {
        HubOperation op = emulator.operation(id);
        if (op == null || !op.hub.subscriptionId().equalsIgnoreCase(sub)) {
            throw EmulatorError.arm(404, "OperationNotFound", "The operation '" + id + "' was not found.");
        }
        ObjectNode body;
        HubOperation.Status status;
        synchronized (op.hub) {
            status = op.poll();
            body = op.statusJson();
        }
        call.respond(200, body, status == HubOperation.Status.RUNNING
                ? Map.of("Retry-After", Integer.toString(op.retryAfterSeconds)) : Map.of());
    }

    private <T> void page(HttpCall call, List<T> items, Function<T, ObjectNode> toJson) throws IOException {
        int start = 0;
        String token = call.query.get("$skipToken");
        if (token != null) {
            try {
                start = Integer.parseInt(token);
            } catch (NumberFormatException e) {
                throw EmulatorError.arm(400, "InvalidSkipToken", "The $skipToken is not valid.");
            }
        }
        int end = Math.min(items.size(), start + emulator.pageSize());
        ObjectNode body = Json.object();
        ArrayNode value = body.putArray("value");
        for (int i = Math.max(0, start); i < end; i++) {
            value.add(toJson.apply(items.get(i)));
        }
        if (end < items.size()) {
            body.put("nextLink", emulator.armEndpoint() + call.rawPath + "?api-version="
                    + call.query.get("api-version") + "&$skipToken=" + end);
        }
        call.respond(200, body);
    }

    private void authenticate(HttpCall call) {
        String auth = call.header("Authorization");
        if (auth == null || !auth.startsWith("Bearer ")) {
            throw unauthorized("AuthenticationFailed", "Authentication failed. The 'Authorization' header is missing"
                    + " or is not a Bearer token.");
        }
        switch (emulator.credential().check(auth.substring("Bearer ".length()).trim(),
                EmulatorCredential.Audience.ARM)) {
            case VALID:
                return;
            case WRONG_AUDIENCE:
                throw unauthorized("InvalidAuthenticationTokenAudience",
                        "The access token has been obtained for wrong audience or resource.");
            default:
                throw unauthorized("InvalidAuthenticationToken", "The access token is invalid or expired.");
        }
    }

    private static EmulatorError unauthorized(String code, String message) {
        return EmulatorError.arm(401, code, message).header("WWW-Authenticate",
                "Bearer authorization_uri=\"https://login.microsoftonline.com/common\", error=\"invalid_token\", "
                        + "error_description=\"" + message + "\"");
    }

    private void authorize(Action action, HttpCall call) {
        ArmRole role = emulator.armRole();
        boolean allowed = role == ArmRole.CONTRIBUTOR || role == ArmRole.READER && action == Action.READ;
        if (!allowed) {
            String verb = action == Action.READ ? "read" : action == Action.WRITE ? "write" : "listkeys/action";
            throw EmulatorError.arm(403, "AuthorizationFailed", "The client 'emulator-principal' does not have "
                    + "authorization to perform action 'Microsoft.Devices/IotHubs/" + verb + "' over scope '"
                    + call.decodedPath() + "' or the scope is invalid.");
        }
    }

    private static void checkApiVersion(HttpCall call) {
        String version = call.query.get("api-version");
        if (version == null || version.isEmpty()) {
            throw EmulatorError.arm(400, "MissingApiVersionParameter",
                    "The api-version query parameter (?api-version=) is required for all requests.");
        }
        if (!API_VERSIONS.contains(version)) {
            throw EmulatorError.arm(400, "NoRegisteredProviderFound", "No registered resource provider found for "
                    + "API version '" + version + "' and type 'IotHubs'. The supported api-versions are '"
                    + String.join(", ", new java.util.TreeSet<>(API_VERSIONS)) + "'.");
        }
    }

    private void knownSubscription(String sub) {
        if (!emulator.hasSubscription(sub)) {
            throw EmulatorError.arm(404, "SubscriptionNotFound", "The subscription '" + sub
                    + "' could not be found.");
        }
    }

    private void knownResourceGroup(String sub, String rg) {
        knownSubscription(sub);
        if (!emulator.hasResourceGroup(sub, rg)) {
            throw EmulatorError.arm(404, "ResourceGroupNotFound", "Resource group '" + rg + "' could not be found.");
        }
    }

    private SimulatedHub findHub(String sub, String rg, String name) {
        knownResourceGroup(sub, rg);
        SimulatedHub hub = emulator.findHub(sub, rg, name);
        if (hub == null) {
            throw EmulatorError.arm(404, "ResourceNotFound", "The Resource 'Microsoft.Devices/IotHubs/" + name
                    + "' under resource group '" + rg + "' was not found.");
        }
        return hub;
    }

    private static void requireMethod(HttpCall call, String method) {
        if (!call.method.equals(method)) {
            throw EmulatorError.arm(405, "MethodNotAllowed", "The requested resource does not support http method '"
                    + call.method + "'.");
        }
    }

    private static EmulatorError noRoute(HttpCall call) {
        return EmulatorError.arm(404, "NotFound", "No ARM route in the emulator for '" + call.rawPath + "'.");
    }

    private static boolean matches(List<String> segments, String... expected) {
        if (segments.size() != expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (!is(segments.get(i), expected[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean is(String segment, String keyword) {
        return segment.equalsIgnoreCase(keyword);
    }

    @Override
    EmulatorError faultAnswer(FaultRule rule, HttpCall call) {
        switch (rule.kind()) {
            case THROTTLE:
                return EmulatorError.arm(429, "TooManyRequests", "The request is being throttled (injected fault).")
                        .header("Retry-After", Integer.toString(rule.retryAfterSeconds()));
            case BUSY:
                return EmulatorError.hubBusy(hubNameInPath(call));
            case PRECONDITION_FAILED:
                return EmulatorError.staleEtag();
            case UNAVAILABLE:
                return EmulatorError.arm(503, "ServiceUnavailable", "The service is unavailable (injected fault).")
                        .header("Retry-After", Integer.toString(rule.retryAfterSeconds()));
            default:
                return EmulatorError.arm(500, "InternalServerError", "Internal server error (injected fault).");
        }
    }

    @Override
    void concurrentModification(HttpCall call) {
        SimulatedHub hub = emulator.hubNamed(hubNameInPath(call));
        if (hub == null) {
            return;
        }
        synchronized (hub) {
            List<SharedAccessPolicy> policies = hub.policies();
            if (policies.isEmpty()) {
                hub.tag("concurrent-writer", java.util.UUID.randomUUID().toString());
            } else {
                SharedAccessPolicy last = policies.get(policies.size() - 1);
                hub.setPolicyKeys(last.keyName(), last.primaryKey(), SymmetricKeys.generate());
            }
        }
    }

    private static String hubNameInPath(HttpCall call) {
        List<String> s = call.segments;
        for (int i = 0; s != null && i + 1 < s.size(); i++) {
            if (is(s.get(i), "IotHubs")) {
                return s.get(i + 1);
            }
        }
        return "(unknown)";
    }
}
