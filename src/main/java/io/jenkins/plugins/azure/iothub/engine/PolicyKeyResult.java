package io.jenkins.plugins.azure.iothub.engine;

/** A renewed policy as Azure holds it after the renewal. Keys only as {@link KeyMaterial}. */
public final class PolicyKeyResult {
    private final HubInfo hub;
    private final String policyName;
    private final String rights;
    private final KeyType keyType;
    private final KeyPair keys;
    private final KeyOrigin keyOrigin;

    PolicyKeyResult(HubInfo hub, String policyName, String rights, KeyType keyType, String primaryKey,
            String secondaryKey, KeyOrigin keyOrigin) {
        this.hub = hub;
        this.policyName = policyName;
        this.rights = rights;
        this.keyType = keyType;
        this.keys = KeyPair.allowingMissing(primaryKey, secondaryKey);
        this.keyOrigin = keyOrigin;
    }

    /** Who made the new key: Azure, or the plugin when Azure kept the old key; {@link KeyOrigin#SWAPPED} for swap. */
    public KeyOrigin keyOrigin() {
        return keyOrigin;
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

    /** As Azure stores it (which may differ in case from what was asked for). */
    public String policyName() {
        return policyName;
    }

    /** The policy's rights, e.g. {@code RegistryRead, RegistryWrite}. */
    public String rights() {
        return rights;
    }

    /**
     * Whether {@link IotHubKeyClient#verifyPolicyKey} can prove this policy's keys: only rights that allow a
     * service-side read (RegistryRead, RegistryWrite, ServiceConnect) can; a DeviceConnect-only policy cannot.
     */
    public boolean isVerifiable() {
        return PolicyProbe.pathFor(rights) != null;
    }

    public KeyType keyType() {
        return keyType;
    }

    public KeyMaterial key(KeySlot slot) {
        KeyMaterial key = keys.get(slot);
        if (key == null) {
            throw new IllegalStateException("Azure returned no " + slot + " key for policy " + policyName);
        }
        return key;
    }

    /** {@code HostName=..;SharedAccessKeyName=..;SharedAccessKey=..} */
    public KeyMaterial connectionString(KeySlot slot) {
        return KeyPair.connectionString(hub.hostName(), "SharedAccessKeyName=" + policyName, key(slot));
    }

    HubInfo hub() {
        return hub;
    }

    @Override
    public String toString() {
        return "PolicyKeyResult[hub=" + hub.name() + ", policy=" + policyName + ", key=" + keyType.cliName() + ", "
                + keys.fingerprints() + ", " + keyOrigin + "]";
    }
}
