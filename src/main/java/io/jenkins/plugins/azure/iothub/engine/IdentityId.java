package io.jenkins.plugins.azure.iothub.engine;

import java.util.Objects;

/** A device ({@code d1}) or module ({@code d1/m1}) identity of a hub's registry. Ids are case-sensitive. */
public final class IdentityId {
    private final String deviceId;
    private final String moduleId;

    private IdentityId(String deviceId, String moduleId) {
        this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
        this.moduleId = moduleId;
    }

    public static IdentityId device(String deviceId) {
        return new IdentityId(deviceId, null);
    }

    public static IdentityId module(String deviceId, String moduleId) {
        return new IdentityId(deviceId, Objects.requireNonNull(moduleId, "moduleId"));
    }

    /** {@code d1} or {@code d1/m1}, as {@link #toString()} writes it (device ids cannot contain '/'). */
    public static IdentityId parse(String text) {
        int slash = text.indexOf('/');
        return slash < 0 ? device(text) : module(text.substring(0, slash), text.substring(slash + 1));
    }

    public String deviceId() {
        return deviceId;
    }

    /** Null for a device. */
    public String moduleId() {
        return moduleId;
    }

    public boolean isModule() {
        return moduleId != null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IdentityId && deviceId.equals(((IdentityId) other).deviceId)
                && Objects.equals(moduleId, ((IdentityId) other).moduleId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(deviceId, moduleId);
    }

    @Override
    public String toString() {
        return moduleId == null ? deviceId : deviceId + "/" + moduleId;
    }
}
