package io.jenkins.plugins.azure.iothub.engine;

/** Non-secret facts about a device or module identity that exists and uses SAS keys (dry run). */
public final class IdentityInfo {
    private final HubInfo hub;
    private final String deviceId;
    private final String moduleId;

    IdentityInfo(HubInfo hub, String deviceId, String moduleId) {
        this.hub = hub;
        this.deviceId = deviceId;
        this.moduleId = moduleId;
    }

    public HubInfo hub() {
        return hub;
    }

    public String deviceId() {
        return deviceId;
    }

    /** Null for a device identity. */
    public String moduleId() {
        return moduleId;
    }

    @Override
    public String toString() {
        return "IdentityInfo[hub=" + hub.name() + ", device=" + deviceId + (moduleId == null ? "" : ", module=" + moduleId)
                + "]";
    }
}
