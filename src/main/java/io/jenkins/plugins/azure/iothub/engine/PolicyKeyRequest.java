package io.jenkins.plugins.azure.iothub.engine;

import java.util.Objects;

/** Renew (or check) one key of one shared access policy of one IoT hub. Validated when created. */
public final class PolicyKeyRequest {
    private final String hubName;
    private final String resourceGroup;
    private final String policyName;
    private final KeyType keyType;

    private PolicyKeyRequest(String hubName, String resourceGroup, String policyName, KeyType keyType) {
        this.hubName = hubName;
        this.resourceGroup = resourceGroup;
        this.policyName = policyName;
        this.keyType = keyType;
    }

    /**
     * @param resourceGroup may be null or blank: the hub is then found by name in the whole subscription
     * @throws IotHubKeyException INVALID_ARGUMENT for malformed names and for {@link KeyType#BOTH}, which the CLI
     *                            does not offer for policies either
     */
    public static PolicyKeyRequest of(String hub, String resourceGroup, String policy, KeyType keyType) {
        Names.checkHub(hub);
        String group = Names.checkResourceGroup(resourceGroup, hub);
        Names.checkPolicy(policy, hub);
        Objects.requireNonNull(keyType, "keyType");
        if (keyType == KeyType.BOTH) {
            throw new IotHubKeyException(IotHubKeyException.Reason.INVALID_ARGUMENT, "Key type 'both' is not"
                    + " available for shared access policy '" + policy + "' on IoT hub '" + hub + "': renew"
                    + " 'secondary', move clients over, then renew 'primary' (or use 'swap').", false, null);
        }
        return new PolicyKeyRequest(hub, group, policy, keyType);
    }

    public String hubName() {
        return hubName;
    }

    /** Null when the hub is to be found by name. */
    public String resourceGroup() {
        return resourceGroup;
    }

    /** As the user typed it; matched case-insensitively. */
    public String policyName() {
        return policyName;
    }

    public KeyType keyType() {
        return keyType;
    }

    @Override
    public String toString() {
        return "PolicyKeyRequest[hub=" + hubName + ", resourceGroup=" + resourceGroup + ", policy=" + policyName
                + ", key=" + keyType.cliName() + "]";
    }
}
