package io.jenkins.plugins.azure.iothub.engine;

import java.util.List;

/** A device or module identity's keys as set by the renewal. Keys only as {@link KeyMaterial}. */
public final class IdentityKeyResult {
    private final HubInfo hub;
    /** What was asked for; verification reads the identity back with the same request. */
    private final IdentityKeyRequest request;
    private final KeyPair keys;
    private final List<String> otherChanges;

    IdentityKeyResult(HubInfo hub, IdentityKeyRequest request, String primaryKey, String secondaryKey,
            List<String> otherChanges) {
        this.hub = hub;
        this.request = request;
        this.keys = KeyPair.of(primaryKey, secondaryKey);
        this.otherChanges = List.copyOf(otherChanges);
    }

    /** Always {@link KeyOrigin#ENGINE} (32 random bytes, base64, like the CLI), or {@link KeyOrigin#SWAPPED}. */
    public KeyOrigin keyOrigin() {
        return request.keyType() == KeyType.SWAP ? KeyOrigin.SWAPPED : KeyOrigin.ENGINE;
    }

    /**
     * Names of the identity's fields (e.g. {@code status}) that another writer changed right after the renewal wrote
     * the new keys, as the read-back showed; empty normally. The new keys are in place either way.
     */
    public List<String> otherChanges() {
        return otherChanges;
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
        return request.deviceId();
    }

    /** Null for a device identity. */
    public String moduleId() {
        return request.moduleId();
    }

    public KeyType keyType() {
        return request.keyType();
    }

    /** How the registry was reached; {@link IotHubKeyClient#verifyIdentityKey} reads back the same way. */
    public DataPlaneAuth dataPlaneAuth() {
        return request.auth();
    }

    public KeyMaterial key(KeySlot slot) {
        return keys.get(slot);
    }

    /** {@code HostName=..;DeviceId=..[;ModuleId=..];SharedAccessKey=..} */
    public KeyMaterial connectionString(KeySlot slot) {
        return KeyPair.connectionString(hub.hostName(), "DeviceId=" + request.deviceId()
                + (request.moduleId() == null ? "" : ";ModuleId=" + request.moduleId()), key(slot));
    }

    HubInfo hub() {
        return hub;
    }

    IdentityKeyRequest request() {
        return request;
    }

    @Override
    public String toString() {
        return "IdentityKeyResult[hub=" + hub.name() + ", device=" + request.deviceId()
                + (request.moduleId() == null ? "" : ", module=" + request.moduleId()) + ", key="
                + request.keyType().cliName() + ", " + keys.fingerprints() + "]";
    }
}
