package io.jenkins.plugins.azure.iothub.engine;

/** Non-secret facts about a located IoT hub. */
public final class HubInfo {
    private final String name;
    private final String resourceGroup;
    private final String subscriptionId;
    private final String hostName;
    private final String location;
    private final boolean localAuthDisabled;

    HubInfo(String name, String resourceGroup, String subscriptionId, String hostName, String location,
            boolean localAuthDisabled) {
        this.name = name;
        this.resourceGroup = resourceGroup;
        this.subscriptionId = subscriptionId;
        this.hostName = hostName;
        this.location = location;
        this.localAuthDisabled = localAuthDisabled;
    }

    /** The hub's name as Azure stores it. */
    public String name() {
        return name;
    }

    public String resourceGroup() {
        return resourceGroup;
    }

    public String subscriptionId() {
        return subscriptionId;
    }

    /** e.g. {@code myhub.azure-devices.net}, from the hub's properties. */
    public String hostName() {
        return hostName;
    }

    public String location() {
        return location;
    }

    /** True when SAS keys of the hub's policies cannot be used on the data plane ({@code disableLocalAuth}). */
    public boolean localAuthDisabled() {
        return localAuthDisabled;
    }

    @Override
    public String toString() {
        return "HubInfo[name=" + name + ", resourceGroup=" + resourceGroup + ", hostName=" + hostName + "]";
    }
}
