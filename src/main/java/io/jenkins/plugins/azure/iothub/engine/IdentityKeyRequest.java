package io.jenkins.plugins.azure.iothub.engine;

import java.util.Objects;

/** Renew (or check) the keys of one device or module identity. Validated when created. */
public final class IdentityKeyRequest {
    private final String hubName;
    private final String resourceGroup;
    private final String deviceId;
    private final String moduleId;
    private final KeyType keyType;
    private final DataPlaneAuth auth;

    private IdentityKeyRequest(String hubName, String resourceGroup, String deviceId, String moduleId,
            KeyType keyType, DataPlaneAuth auth) {
        this.hubName = hubName;
        this.resourceGroup = resourceGroup;
        this.deviceId = deviceId;
        this.moduleId = moduleId;
        this.keyType = keyType;
        this.auth = auth;
    }

    /** @param auth null means {@link DataPlaneAuth#KEY}, the CLI's default */
    public static IdentityKeyRequest device(String hub, String resourceGroup, String deviceId, KeyType keyType,
            DataPlaneAuth auth) {
        return create(hub, resourceGroup, deviceId, null, keyType, auth);
    }

    /** @param auth null means {@link DataPlaneAuth#KEY}, the CLI's default */
    public static IdentityKeyRequest module(String hub, String resourceGroup, String deviceId, String moduleId,
            KeyType keyType, DataPlaneAuth auth) {
        Names.checkHub(hub);
        Names.checkIdentityId(moduleId, "module", hub);
        return create(hub, resourceGroup, deviceId, moduleId, keyType, auth);
    }

    private static IdentityKeyRequest create(String hub, String resourceGroup, String deviceId, String moduleId,
            KeyType keyType, DataPlaneAuth auth) {
        Names.checkHub(hub);
        String group = Names.checkResourceGroup(resourceGroup, hub);
        Names.checkIdentityId(deviceId, "device", hub);
        Objects.requireNonNull(keyType, "keyType");
        return new IdentityKeyRequest(hub, group, deviceId, moduleId, keyType, auth == null ? DataPlaneAuth.KEY : auth);
    }

    public String hubName() {
        return hubName;
    }

    public String resourceGroup() {
        return resourceGroup;
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

    public DataPlaneAuth auth() {
        return auth;
    }

    /** "device 'd'" or "module 'm' of device 'd'", for messages. */
    String describe() {
        return moduleId == null ? "device '" + deviceId + "'" : "module '" + moduleId + "' of device '" + deviceId + "'";
    }

    @Override
    public String toString() {
        return "IdentityKeyRequest[hub=" + hubName + ", " + describe() + ", key=" + keyType.cliName() + ", auth="
                + auth + "]";
    }
}
