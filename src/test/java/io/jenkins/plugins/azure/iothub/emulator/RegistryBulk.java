package io.jenkins.plugins.azure.iothub.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /devices} (Bulk Registry - Update Registry, learn.microsoft.com/rest/api/iothub/service/bulkregistry/
 * updateregistry, api-version 2021-04-12): a JSON array of ExportImportDevice, at most 100, each device at most once.
 * Modelled import modes: {@code update} and {@code updateIfMatchETag} (the etag in {@code eTag}, quoted or not);
 * others, and module entries, are refused with 400 so that nothing passes here that the model does not know. Each
 * entry is applied or refused on its own (DeviceNotFound, PreconditionFailed, ArgumentInvalid), or with
 * {@link SimulatedHub#bulkAllOrNothing} a refused entry leaves every entry unapplied; the answer is a
 * BulkRegistryOperationResult, 200 when every entry was applied, else 400 with the errors (the REST reference gives
 * both statuses that body; which one a partial failure gets is not documented, so the engine must read both).
 * An update replaces the identity's status, statusReason, capabilities and authentication (SAS keys: both or none).
 */
final class RegistryBulk {
    static final int MAX_IDENTITIES = 100;
    private static final Set<String> MODES = Set.of("create", "update", "updateIfMatchETag", "delete",
            "deleteIfMatchETag", "updateTwin", "updateTwinIfMatchETag");

    private final SimulatedHub hub;

    RegistryBulk(SimulatedHub hub) {
        this.hub = hub;
    }

    /** Checks the request as a whole (before it is charged to the throttle); returns the entries. */
    static ArrayNode entries(HttpCall call) {
        JsonNode body = Json.parseOrNull(call.body);
        if (body == null || !body.isArray()) {
            throw invalid("the request body must be a JSON array of ExportImportDevice");
        }
        ArrayNode entries = (ArrayNode) body;
        if (entries.size() > MAX_IDENTITIES) {
            throw EmulatorError.dataPlane(400, "TooManyDevices", "A bulk registry operation can contain at most "
                    + MAX_IDENTITIES + " devices; this one has " + entries.size() + ".");
        }
        Set<String> ids = new HashSet<>();
        for (JsonNode entry : entries) {
            String id = Json.text(entry, "id");
            String mode = Json.text(entry, "importMode");
            if (id == null || id.isEmpty()) {
                throw invalid("every ExportImportDevice needs an id");
            }
            if (mode == null || !MODES.contains(mode)) {
                throw invalid("importMode must be one of " + MODES);
            }
            if (!mode.equals("update") && !mode.equals("updateIfMatchETag")) {
                throw invalid("emulator: importMode '" + mode + "' is not modelled");
            }
            if (!Json.absent(entry, "moduleId")) {
                throw invalid("emulator: module entries in bulk registry operations are not modelled");
            }
            if (!ids.add(id)) {
                throw EmulatorError.dataPlane(400, "DeviceDefinedMultipleTimes", "Device '" + id
                        + "' is defined more than once in the request.");
            }
        }
        return entries;
    }

    /** Applies every entry it can (called under the hub lock); answers the BulkRegistryOperationResult. */
    void apply(HttpCall call, ArrayNode entries) throws java.io.IOException {
        ObjectNode result = Json.object();
        ArrayNode errors = Json.array();
        Map<SimulatedIdentity, SimulatedIdentity.BulkState> before = new LinkedHashMap<>();
        for (JsonNode entry : entries) {
            SimulatedIdentity device = hub.devicesView().get(Json.text(entry, "id"));
            if (device != null) {
                before.put(device, device.bulkState());
            }
        }
        for (JsonNode entry : entries) {
            String id = Json.text(entry, "id");
            String error = applyOne(id, entry);
            if (error != null) {
                String[] parts = error.split("\\|", 2);
                errors.addObject().put("deviceId", id).put("errorCode", parts[0]).put("errorStatus", parts[1])
                        .put("operation", Json.text(entry, "importMode"));
            }
        }
        if (!errors.isEmpty() && hub.bulkAllOrNothing()) {
            before.forEach(SimulatedIdentity::restore);
        }
        result.put("isSuccessful", errors.isEmpty());
        result.set("errors", errors);
        result.putArray("warnings");
        call.respond(errors.isEmpty() ? 200 : 400, result);
    }

    /** Null when applied, else "Code|text". */
    private String applyOne(String id, JsonNode entry) {
        SimulatedIdentity device = hub.devicesView().get(id);
        if (device == null) {
            return "DeviceNotFound|Device '" + id + "' is not registered on IotHub '" + hub.name() + "'.";
        }
        if (Json.text(entry, "importMode").equals("updateIfMatchETag")) {
            String etag = Json.text(entry, "eTag");
            if (etag == null || !RegistryWrites.unquote(etag).equals(device.etag())) {
                return "PreconditionFailed|Precondition failed: device '" + id + "' has changed (etag mismatch).";
            }
        }
        String status = Json.text(entry, "status");
        if (status == null || !(status.equalsIgnoreCase("enabled") || status.equalsIgnoreCase("disabled"))) {
            return "ArgumentInvalid|status must be enabled or disabled.";
        }
        JsonNode auth = entry.get("authentication");
        SimulatedIdentity.AuthType type = auth == null || auth.isNull() ? SimulatedIdentity.AuthType.SAS
                : SimulatedIdentity.AuthType.fromWire(Json.text(auth, "type"));
        if (type != SimulatedIdentity.AuthType.SAS) {
            return "ArgumentInvalid|emulator: only sas authentication is modelled in bulk updates.";
        }
        JsonNode keys = auth == null ? null : auth.get("symmetricKey");
        boolean noPrimary = Json.absent(keys, "primaryKey");
        boolean noSecondary = Json.absent(keys, "secondaryKey");
        String primary = Json.text(keys, "primaryKey");
        String secondary = Json.text(keys, "secondaryKey");
        if (noPrimary != noSecondary) {
            return "ArgumentInvalid|either both symmetric keys must be given or neither.";
        }
        if (!noPrimary && (!SymmetricKeys.isValid(primary) || !SymmetricKeys.isValid(secondary))) {
            return "ArgumentInvalid|the primary and secondary keys must be base64 of " + SymmetricKeys.MIN_BYTES
                    + " to " + SymmetricKeys.MAX_BYTES + " bytes.";
        }
        if (noPrimary) {
            device.sas(SymmetricKeys.generate(), SymmetricKeys.generate());
        } else {
            device.sas(primary, secondary);
        }
        device.status(status.equalsIgnoreCase("enabled"), Json.text(entry, "statusReason"));
        device.iotEdge(entry.path("capabilities").path("iotEdge").asBoolean(false));
        device.newEtag();
        return null;
    }

    private static EmulatorError invalid(String text) {
        return EmulatorError.dataPlane(400, "ArgumentInvalid", text);
    }

    static List<String> modes() {
        return List.copyOf(MODES);
    }
}
