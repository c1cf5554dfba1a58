package io.jenkins.plugins.azure.iothub.emulator;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The ARM {@code AccessRights} enum of a shared access policy: one string out of exactly 15, each a comma+space list in
 * the fixed order RegistryRead, RegistryWrite, ServiceConnect, DeviceConnect. Anything else is refused like ARM does.
 */
public final class AccessRights {
    public static final String REGISTRY_READ = "RegistryRead";
    public static final String REGISTRY_WRITE = "RegistryWrite";
    public static final String SERVICE_CONNECT = "ServiceConnect";
    public static final String DEVICE_CONNECT = "DeviceConnect";

    /** The 15 valid values, as ARM spells them. */
    public static final List<String> VALID = Collections.unmodifiableList(Arrays.asList(
            "RegistryRead",
            "RegistryWrite",
            "ServiceConnect",
            "DeviceConnect",
            "RegistryRead, RegistryWrite",
            "RegistryRead, ServiceConnect",
            "RegistryRead, DeviceConnect",
            "RegistryWrite, ServiceConnect",
            "RegistryWrite, DeviceConnect",
            "ServiceConnect, DeviceConnect",
            "RegistryRead, RegistryWrite, ServiceConnect",
            "RegistryRead, RegistryWrite, DeviceConnect",
            "RegistryRead, ServiceConnect, DeviceConnect",
            "RegistryWrite, ServiceConnect, DeviceConnect",
            "RegistryRead, RegistryWrite, ServiceConnect, DeviceConnect"));

    private AccessRights() {
    }

    public static boolean isValid(String rights) {
        return rights != null && VALID.contains(rights);
    }

    /**
     * Whether a policy with {@code rights} may do what {@code needed} stands for. RegistryWrite also grants registry
     * reads (the documented permission is "read and write access to the identity registry").
     */
    static boolean grants(String rights, String needed) {
        List<String> held = Arrays.asList(rights.split(", "));
        if (held.contains(needed)) {
            return true;
        }
        return REGISTRY_READ.equals(needed) && held.contains(REGISTRY_WRITE);
    }
}
