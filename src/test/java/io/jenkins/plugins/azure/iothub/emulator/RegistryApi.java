package io.jenkins.plugins.azure.iothub.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The data plane (device registry) of one hub, on the hub's own port: devices, modules and statistics, with real SAS
 * validation and Entra tokens. Routes are matched on the percent-decoded path segments (see
 * {@link HttpCall#decodeSegments}); the request log keeps the raw path.
 */
final class RegistryApi extends PlaneHandler {
    /** Data-plane api-versions the emulator knows; others get 400. */
    static final Set<String> API_VERSIONS = Set.of("2018-06-30", "2019-03-30", "2020-03-13", "2020-05-31-preview",
            "2020-06-30", "2020-09-30", "2021-04-12", "2024-03-31");

    private final SimulatedHub hub;
    private final RegistryWrites writes;
    private final RegistryBulk bulk;
    private final RegistryQuery query;

    RegistryApi(IotHubEmulator emulator, SimulatedHub hub) {
        super(emulator, RecordedRequest.Plane.REGISTRY);
        this.hub = hub;
        this.writes = new RegistryWrites(hub);
        this.bulk = new RegistryBulk(hub);
        this.query = new RegistryQuery(hub);
    }

    @Override
    String hubName() {
        return hub.name();
    }

    @Override
    void handle(HttpCall call, FaultRule fault) throws IOException {
        List<String> s = call.segments;
        if (s == null) {
            throw EmulatorError.dataPlane(400, "ArgumentInvalid", "The request URI contains an invalid escape.");
        }
        boolean deviceBound = isDeviceBound(call.method, s);
        if (deviceBound) {
            synchronized (hub) {
                new RegistryAuth(emulator, hub).authenticateDevice(call, existingDevice(s.get(1)));
            }
        } else {
            new RegistryAuth(emulator, hub).authenticate(call, neededRight(call.method, s));
        }
        String version = call.query.get("api-version");
        if (version == null || !API_VERSIONS.contains(version)) {
            throw EmulatorError.dataPlane(400, "InvalidProtocolVersion", "The api-version '" + version
                    + "' is missing or not supported.");
        }
        if (deviceBound) {
            // The device-facing HTTPS API: no cloud-to-device message is waiting, so 204 No Content.
            call.respond(204, null);
            return;
        }
        if (s.size() == 1 && s.get(0).equals("devices") && call.method.equals("POST")) {
            com.fasterxml.jackson.databind.node.ArrayNode entries = RegistryBulk.entries(call);
            hub.throttle().charge(RegistryThrottle.Kind.IDENTITY, entries.size());
            synchronized (hub) {
                bulk.apply(call, entries);
            }
            return;
        }
        if (s.size() == 2 && s.get(0).equals("devices") && s.get(1).equals("query") && call.method.equals("POST")) {
            hub.throttle().charge(RegistryThrottle.Kind.QUERY, 1);
            synchronized (hub) {
                query.answer(call);
            }
            return;
        }
        if (s.size() >= 2 && s.get(0).equals("devices")) {
            hub.throttle().charge(RegistryThrottle.Kind.IDENTITY, 1);
        }
        synchronized (hub) {
            route(call, s);
        }
    }

    private void route(HttpCall call, List<String> s) throws IOException {
        boolean get = call.method.equals("GET");
        boolean put = call.method.equals("PUT");
        if (s.size() == 2 && s.get(0).equals("devices") && (get || put)) {
            if (get) {
                SimulatedIdentity device = existingDevice(s.get(1));
                answer(call, 200, device);
            } else {
                SimulatedIdentity device = writes.putDevice(s.get(1), call);
                answer(call, 200, device);
            }
        } else if (s.size() == 3 && s.get(0).equals("devices") && s.get(2).equals("modules") && get) {
            ArrayNode array = Json.array();
            existingDevice(s.get(1)).modules.values().forEach(m -> array.add(m.toJson()));
            call.respond(200, array);
        } else if (s.size() == 4 && s.get(0).equals("devices") && s.get(2).equals("modules") && (get || put)) {
            if (get) {
                SimulatedIdentity device = existingDevice(s.get(1));
                SimulatedIdentity module = device.modules.get(s.get(3));
                if (module == null) {
                    throw moduleNotFound(s.get(1), s.get(3));
                }
                answer(call, 200, module);
            } else {
                answer(call, 200, writes.putModule(existingDevice(s.get(1)), s.get(3), call));
            }
        } else if (s.size() == 2 && s.get(0).equals("statistics") && s.get(1).equals("devices") && get) {
            long enabled = hub.devicesView().values().stream().filter(SimulatedIdentity::enabled).count();
            int total = hub.devicesView().size();
            call.respond(200, Json.object().put("totalDeviceCount", total).put("enabledDeviceCount", enabled)
                    .put("disabledDeviceCount", total - enabled));
        } else if (s.size() == 2 && s.get(0).equals("statistics") && s.get(1).equals("service") && get) {
            call.respond(200, Json.object().put("connectedDeviceCount", 0));
        } else {
            throw EmulatorError.dataPlane(404, "NotFound", "No registry route for " + call.method + " "
                    + call.rawPath + ".");
        }
    }

    /**
     * {@code GET /devices/{id}/messages/deviceBound}: a device receiving cloud-to-device messages over HTTPS, with a
     * token signed by its own key (the one route here a device calls, rather than a back-end service).
     */
    static boolean isDeviceBound(String method, List<String> s) {
        return method.equals("GET") && s.size() == 4 && s.get(0).equals("devices") && s.get(2).equals("messages")
                && s.get(3).equals("deviceBound");
    }

    /** Which policy right a route needs: RegistryRead, RegistryWrite or ServiceConnect. */
    static String neededRight(String method, List<String> s) {
        if (s.size() == 2 && s.get(0).equals("statistics") && s.get(1).equals("service")) {
            return AccessRights.SERVICE_CONNECT;
        }
        if (s.size() == 2 && s.get(0).equals("devices") && s.get(1).equals("query")) {
            return AccessRights.REGISTRY_READ;
        }
        return method.equals("GET") ? AccessRights.REGISTRY_READ : AccessRights.REGISTRY_WRITE;
    }

    private static void answer(HttpCall call, int status, SimulatedIdentity identity) throws IOException {
        call.respond(status, identity.toJson(), Map.of("ETag", "\"" + identity.etag() + "\""));
    }

    private SimulatedIdentity existingDevice(String deviceId) {
        SimulatedIdentity device = hub.devicesView().get(deviceId);
        if (device == null) {
            throw deviceNotFound(hub, deviceId);
        }
        return device;
    }

    static EmulatorError deviceNotFound(SimulatedHub hub, String deviceId) {
        return EmulatorError.dataPlane(404, "DeviceNotFound", "Device '" + deviceId + "' is not registered on IotHub '"
                + hub.name() + "'.");
    }

    static EmulatorError moduleNotFound(String deviceId, String moduleId) {
        return EmulatorError.dataPlane(404, "ModuleNotFound", "Module '" + moduleId + "' of device '" + deviceId
                + "' is not registered.");
    }

    @Override
    EmulatorError faultAnswer(FaultRule rule, HttpCall call) {
        String at = " (injected fault at " + Instant.now() + ")";
        switch (rule.kind()) {
            case THROTTLE:
                return EmulatorError.dataPlane(429, "ThrottlingException", "The request has been throttled." + at)
                        .header("Retry-After", Integer.toString(rule.retryAfterSeconds()));
            case BUSY:
                return EmulatorError.dataPlane(409, "OperationNotAllowedInCurrentState", "IotHub '" + hub.name()
                        + "' is not in Active state." + at);
            case PRECONDITION_FAILED:
                return EmulatorError.dataPlane(412, "PreconditionFailed", "The etag does not match." + at);
            case UNAVAILABLE:
                return EmulatorError.dataPlane(503, "ServiceUnavailable", "The service is unavailable." + at)
                        .header("Retry-After", Integer.toString(rule.retryAfterSeconds()));
            default:
                return EmulatorError.dataPlane(500, "ServerError", "Internal server error." + at);
        }
    }

    @Override
    void concurrentModification(HttpCall call) {
        List<String> s = call.segments;
        if (s == null || s.size() < 2 || !s.get(0).equals("devices")) {
            return;
        }
        synchronized (hub) {
            SimulatedIdentity target = hub.devicesView().get(s.get(1));
            if (target != null && s.size() == 4) {
                target = target.modules.get(s.get(3));
            }
            if (target != null) {
                target.setKeys(SymmetricKeys.generate(), SymmetricKeys.generate());
            }
        }
    }
}
