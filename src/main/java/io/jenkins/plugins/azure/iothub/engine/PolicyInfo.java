package io.jenkins.plugins.azure.iothub.engine;

/** Non-secret facts about a shared access policy that exists (dry run). */
public final class PolicyInfo {
    private final HubInfo hub;
    private final String policyName;
    private final String rights;

    PolicyInfo(HubInfo hub, String policyName, String rights) {
        this.hub = hub;
        this.policyName = policyName;
        this.rights = rights;
    }

    public HubInfo hub() {
        return hub;
    }

    /** The policy's name as Azure stores it. */
    public String policyName() {
        return policyName;
    }

    /** e.g. {@code RegistryRead, RegistryWrite}. */
    public String rights() {
        return rights;
    }

    @Override
    public String toString() {
        return "PolicyInfo[hub=" + hub.name() + ", policy=" + policyName + ", rights=" + rights + "]";
    }
}
