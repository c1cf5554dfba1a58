package io.jenkins.plugins.azure.iothub.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;

/**
 * PUT of devices and modules (called under the hub lock). Semantics: without If-Match a PUT creates (409
 * DeviceAlreadyExists / ModuleAlreadyExistsOnDevice when it exists); with If-Match it updates an existing identity
 * (404 when absent) and the value must be {@code *} or the current etag, quoted or not (412 otherwise). Read-only
 * fields are ignored. SAS keys: both absent = generated, one absent = 400, supplied = base64 of 16..64 bytes.
 * Every change gets a new etag; the stored identity is echoed.
 */
final class RegistryWrites {
    /** Device and module ids: up to 128 ASCII letters, digits and - . % _ * ? ! ( ) , : = @ $ '. */
    static final Pattern ID = Pattern.compile("[A-Za-z0-9\\-.%_*?!(),:=@$']{1,128}");

    private final SimulatedHub hub;

    RegistryWrites(SimulatedHub hub) {
        this.hub = hub;
    }

    SimulatedIdentity putDevice(String deviceId, HttpCall call) {
        JsonNode body = body(call);
        requireSame(body, "deviceId", deviceId);
        validId(deviceId, "device");
        SimulatedIdentity existing = hub.devicesView().get(deviceId);
        String ifMatch = call.header("If-Match");
        SimulatedIdentity target;
        if (existing == null) {
            if (ifMatch != null) {
                throw RegistryApi.deviceNotFound(hub, deviceId);
            }
            target = hub.newIdentity(deviceId, null);
        } else {
            checkEtag(existing, ifMatch, "DeviceAlreadyExists", "Device '" + deviceId + "'");
            target = existing;
        }
        JsonNode status = body.get("status");
        boolean enabled = status == null || status.isNull() || status.asText().equalsIgnoreCase("enabled");
        if (!enabled && !status.asText().equalsIgnoreCase("disabled")) {
            throw argumentInvalid("status must be enabled or disabled");
        }
        apply(target, body);
        target.status(enabled, Json.text(body, "statusReason"));
        target.iotEdge(body.path("capabilities").path("iotEdge").asBoolean(false));
        target.newEtag();
        hub.devicesView().put(deviceId, target);
        return target;
    }

    SimulatedIdentity putModule(SimulatedIdentity device, String moduleId, HttpCall call) {
        JsonNode body = body(call);
        requireSame(body, "deviceId", device.deviceId());
        requireSame(body, "moduleId", moduleId);
        validId(moduleId, "module");
        SimulatedIdentity existing = device.modules.get(moduleId);
        String ifMatch = call.header("If-Match");
        SimulatedIdentity target;
        if (existing == null) {
            if (ifMatch != null) {
                throw RegistryApi.moduleNotFound(device.deviceId(), moduleId);
            }
            target = hub.newIdentity(device.deviceId(), moduleId);
        } else {
            checkEtag(existing, ifMatch, "ModuleAlreadyExistsOnDevice", "Module '" + moduleId + "'");
            target = existing;
        }
        apply(target, body);
        target.newEtag();
        device.modules.put(moduleId, target);
        return target;
    }

    private static void checkEtag(SimulatedIdentity existing, String ifMatch, String existsCode, String what) {
        if (ifMatch == null) {
            throw EmulatorError.dataPlane(409, existsCode, what + " already exists; send If-Match to update it.");
        }
        if (!ifMatch.trim().equals("*") && !unquote(ifMatch).equals(existing.etag())) {
            throw EmulatorError.dataPlane(412, "PreconditionFailed", "Precondition failed: " + what
                    + " has changed (etag mismatch).");
        }
    }

    /** Accepts {@code "etag"}, {@code W/"etag"} and the bare etag. */
    static String unquote(String etag) {
        String e = etag.trim();
        if (e.startsWith("W/")) {
            e = e.substring(2);
        }
        return e.length() >= 2 && e.startsWith("\"") && e.endsWith("\"") ? e.substring(1, e.length() - 1) : e;
    }

    /** Validates the authentication section completely before changing anything. */
    private static void apply(SimulatedIdentity target, JsonNode body) {
        JsonNode auth = body.get("authentication");
        String typeName = auth == null || auth.isNull() ? "sas" : Json.text(auth, "type");
        SimulatedIdentity.AuthType type = SimulatedIdentity.AuthType.fromWire(typeName == null ? "sas" : typeName);
        if (type == null) {
            throw argumentInvalid("authentication.type must be sas, selfSigned, certificateAuthority or none");
        }
        switch (type) {
            case SAS:
                JsonNode keys = auth == null ? null : auth.get("symmetricKey");
                boolean noPrimary = Json.absent(keys, "primaryKey");
                boolean noSecondary = Json.absent(keys, "secondaryKey");
                if (noPrimary && noSecondary) {
                    target.sas(SymmetricKeys.generate(), SymmetricKeys.generate());
                } else if (noPrimary || noSecondary) {
                    throw argumentInvalid("either both symmetric keys must be given or neither");
                } else {
                    String primary = Json.text(keys, "primaryKey");
                    String secondary = Json.text(keys, "secondaryKey");
                    if (!SymmetricKeys.isValid(primary) || !SymmetricKeys.isValid(secondary)) {
                        throw argumentInvalid("the primary and secondary keys must be base64 of "
                                + SymmetricKeys.MIN_BYTES + " to " + SymmetricKeys.MAX_BYTES + " bytes");
                    }
                    target.sas(primary, secondary);
                }
                break;
            case SELF_SIGNED:
                String primaryThumbprint = Json.text(auth.path("x509Thumbprint"), "primaryThumbprint");
                if (primaryThumbprint == null || primaryThumbprint.isEmpty()) {
                    throw argumentInvalid("a selfSigned identity needs x509Thumbprint.primaryThumbprint");
                }
                target.x509(type, primaryThumbprint, Json.text(auth.path("x509Thumbprint"), "secondaryThumbprint"));
                break;
            default:
                target.x509(type, null, null);
        }
    }

    private static JsonNode body(HttpCall call) {
        JsonNode body = Json.parseOrNull(call.body);
        if (body == null || !body.isObject()) {
            throw argumentInvalid("the request body must be a JSON object");
        }
        return body;
    }

    private static void requireSame(JsonNode body, String field, String fromPath) {
        String inBody = Json.text(body, field);
        if (inBody == null || !inBody.equals(fromPath)) {
            throw argumentInvalid(field + " in the body must equal the one in the request URI");
        }
    }

    private static void validId(String id, String kind) {
        if (!ID.matcher(id).matches()) {
            throw argumentInvalid("the " + kind + " id is invalid: up to 128 characters out of ASCII letters, digits"
                    + " and - . % _ * ? ! ( ) , : = @ $ '");
        }
    }

    private static EmulatorError argumentInvalid(String text) {
        return EmulatorError.dataPlane(400, "ArgumentInvalid", text);
    }
}
