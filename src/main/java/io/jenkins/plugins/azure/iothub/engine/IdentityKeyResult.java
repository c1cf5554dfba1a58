package io.jenkins.plugins.azure.iothub.engine;

/** A device or module identity's keys as set by the renewal. Keys only as {@link KeyMaterial}. */
public final class IdentityKeyResult {
    private final HubInfo hub;
    private final String deviceId;
    private final String moduleId;
    private final KeyType keyType;
    private final DataPlaneAuth auth;
    private final KeyPair keys;

    IdentityKeyResult(HubInfo hub, String deviceId, String moduleId, KeyType keyType, DataPlaneAuth auth,
            String primaryKey, String secondaryKey) {
        this.hub = hub;
        this.deviceId = deviceId;
        this.moduleId = moduleId;
        this.keyType = keyType;
        this.auth = auth;
        this.keys = KeyPair.of(primaryKey, secondaryKey);
    }

    public String hubName() {
        return hub.name();
    }

    public String hostName() {
        return hub.hostName();
    }

    public String resourceGroup() {
        return hub.resourceGroup();
    }

    public String deviceId() {
        return deviceId;
    }

    /** Null for a device identity. */
    public String moduleId() {
        return moduleId;
    }

    public KeyType keyType() {
        return keyType;
    }

    /** How the registry was reached; {@link IotHubKeyClient#verifyIdentityKey} reads back the same way. */
    public DataPlaneAuth dataPlaneAuth() {
        return auth;
    }

    public KeyMaterial key(KeySlot slot) {
        return keys.get(slot);
    }

    /** {@code HostName=..;DeviceId=..[;ModuleId=..];SharedAccessKey=..} */
    public KeyMaterial connectionString(KeySlot slot) {
        return KeyPair.connectionString(hub.hostName(),
                "DeviceId=" + deviceId + (moduleId == null ? "" : ";ModuleId=" + moduleId), key(slot));
    }

    HubInfo hub() {
        return hub;
    }

    @Override
    public String toString() {
        return "IdentityKeyResult[hub=" + hub.name() + ", device=" + deviceId
                + (moduleId == null ? "" : ", module=" + moduleId) + ", key=" + keyType.cliName() + ", "
                + keys.fingerprints() + "]";
    }
}
