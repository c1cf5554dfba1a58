package io.jenkins.plugins.azure.iothub.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A device or module identity in a {@link SimulatedHub}'s registry. All state is guarded by the hub's lock. The
 * accessors give the current values for assertions; {@link #toString()} never shows keys.
 */
public final class SimulatedIdentity {
    /** The {@code authentication.type} values of the registry API. */
    public enum AuthType {
        SAS("sas"), SELF_SIGNED("selfSigned"), CERTIFICATE_AUTHORITY("certificateAuthority"), NONE("none");

        final String wire;

        AuthType(String wire) {
            this.wire = wire;
        }

        static AuthType fromWire(String value) {
            for (AuthType t : values()) {
                if (t.wire.equals(value)) {
                    return t;
                }
            }
            return null;
        }
    }

    private final SimulatedHub hub;
    private final String deviceId;
    private final String moduleId;
    private final String generationId;
    final Map<String, SimulatedIdentity> modules = new LinkedHashMap<>();
    private AuthType authType;
    private String primaryKey;
    private String secondaryKey;
    private String primaryThumbprint;
    private String secondaryThumbprint;
    private boolean enabled = true;
    private String statusReason;
    private boolean iotEdge;
    private String etag;
    private final ObjectNode tags = Json.object();
    private long twinVersion = 1;

    SimulatedIdentity(SimulatedHub hub, String deviceId, String moduleId, String etag) {
        this.hub = hub;
        this.deviceId = deviceId;
        this.moduleId = moduleId;
        this.generationId = Long.toString(638_000_000_000_000_000L + (long) (Math.random() * 1_000_000_000L));
        this.etag = etag;
    }

    public String deviceId() {
        return deviceId;
    }

    /** Null for a device. */
    public String moduleId() {
        return moduleId;
    }

    public AuthType authType() {
        synchronized (hub) {
            return authType;
        }
    }

    public String primaryKey() {
        synchronized (hub) {
            return primaryKey;
        }
    }

    public String secondaryKey() {
        synchronized (hub) {
            return secondaryKey;
        }
    }

    /** The current etag, unquoted (as in the JSON body). */
    public String etag() {
        synchronized (hub) {
            return etag;
        }
    }

    public boolean enabled() {
        synchronized (hub) {
            return enabled;
        }
    }

    /** Simulates another writer (an operator) disabling or enabling the identity (new etag). */
    public void setStatus(boolean isEnabled, String reason) {
        synchronized (hub) {
            enabled = isEnabled;
            statusReason = reason;
            etag = hub.emulator.nextIdentityEtag();
        }
    }

    /** Another writer sets a twin tag (the twin's version changes, the identity's etag does not). */
    public void setTag(String name, String value) {
        synchronized (hub) {
            tags.put(name, value);
            twinVersion++;
        }
    }

    public String statusReason() {
        synchronized (hub) {
            return statusReason;
        }
    }

    /** Simulates another writer changing this identity's keys (new etag). */
    public void setKeys(String primary, String secondary) {
        synchronized (hub) {
            authType = AuthType.SAS;
            primaryKey = primary;
            secondaryKey = secondary;
            primaryThumbprint = null;
            secondaryThumbprint = null;
            etag = hub.emulator.nextIdentityEtag();
        }
    }

    void sas(String primary, String secondary) {
        authType = AuthType.SAS;
        primaryKey = primary;
        secondaryKey = secondary;
        primaryThumbprint = null;
        secondaryThumbprint = null;
    }

    void x509(AuthType type, String primary, String secondary) {
        authType = type;
        primaryKey = null;
        secondaryKey = null;
        primaryThumbprint = primary;
        secondaryThumbprint = secondary;
    }

    void status(boolean isEnabled, String reason) {
        enabled = isEnabled;
        statusReason = reason;
    }

    void iotEdge(boolean value) {
        iotEdge = value;
    }

    /** What a bulk update changes, kept to be put back (see {@link SimulatedHub#bulkAllOrNothing}). */
    record BulkState(AuthType authType, String primaryKey, String secondaryKey, boolean enabled, String statusReason,
            boolean iotEdge, String etag) {}

    BulkState bulkState() {
        return new BulkState(authType, primaryKey, secondaryKey, enabled, statusReason, iotEdge, etag);
    }

    void restore(BulkState state) {
        authType = state.authType();
        primaryKey = state.primaryKey();
        secondaryKey = state.secondaryKey();
        enabled = state.enabled();
        statusReason = state.statusReason();
        iotEdge = state.iotEdge();
        etag = state.etag();
    }

    void newEtag() {
        etag = hub.emulator.nextIdentityEtag();
    }

    /** The JSON the registry answers, shaped like the service's device or module. */
    ObjectNode toJson() {
        ObjectNode json = Json.object();
        if (moduleId != null) {
            json.put("moduleId", moduleId);
        }
        json.put("deviceId", deviceId);
        if (moduleId != null) {
            json.putNull("managedBy");
        }
        json.put("generationId", generationId);
        json.put("etag", etag);
        json.put("connectionState", "Disconnected");
        if (moduleId == null) {
            json.put("status", enabled ? "enabled" : "disabled");
            if (statusReason == null) {
                json.putNull("statusReason");
            } else {
                json.put("statusReason", statusReason);
            }
            json.put("statusUpdatedTime", "0001-01-01T00:00:00Z");
        }
        json.put("connectionStateUpdatedTime", "0001-01-01T00:00:00Z");
        json.put("lastActivityTime", "0001-01-01T00:00:00Z");
        json.put("cloudToDeviceMessageCount", 0);
        ObjectNode auth = json.putObject("authentication");
        ObjectNode symmetric = auth.putObject("symmetricKey");
        putNullable(symmetric, "primaryKey", primaryKey);
        putNullable(symmetric, "secondaryKey", secondaryKey);
        ObjectNode thumbprints = auth.putObject("x509Thumbprint");
        putNullable(thumbprints, "primaryThumbprint", primaryThumbprint);
        putNullable(thumbprints, "secondaryThumbprint", secondaryThumbprint);
        auth.put("type", authType.wire);
        if (moduleId == null) {
            json.putObject("capabilities").put("iotEdge", iotEdge);
            json.putArray("parentScopes");
        }
        return json;
    }

    /**
     * The device twin as {@code POST /devices/query} returns it ({@code SELECT * FROM devices}): identity facts
     * without keys, {@code deviceEtag} = the identity's etag, tags and (empty) properties.
     */
    ObjectNode toTwinJson() {
        ObjectNode json = Json.object();
        json.put("deviceId", deviceId);
        json.put("etag", "AAAAAAAAAA" + twinVersion);
        json.put("deviceEtag", etag);
        json.put("status", enabled ? "enabled" : "disabled");
        if (statusReason == null) {
            json.putNull("statusReason");
        } else {
            json.put("statusReason", statusReason);
        }
        json.put("statusUpdateTime", "0001-01-01T00:00:00Z");
        json.put("connectionState", "Disconnected");
        json.put("lastActivityTime", "0001-01-01T00:00:00Z");
        json.put("cloudToDeviceMessageCount", 0);
        json.put("authenticationType", authType.wire);
        ObjectNode thumbprints = json.putObject("x509Thumbprint");
        putNullable(thumbprints, "primaryThumbprint", primaryThumbprint);
        putNullable(thumbprints, "secondaryThumbprint", secondaryThumbprint);
        json.put("modelId", "");
        json.put("version", twinVersion);
        json.putObject("capabilities").put("iotEdge", iotEdge);
        json.set("tags", tags.deepCopy());
        ObjectNode properties = json.putObject("properties");
        properties.putObject("desired").putObject("$metadata");
        properties.putObject("reported").putObject("$metadata");
        return json;
    }

    private static void putNullable(ObjectNode node, String field, String value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }

    @Override
    public String toString() {
        return "SimulatedIdentity[" + deviceId + (moduleId == null ? "" : "/" + moduleId) + ", " + authType + "]";
    }
}
