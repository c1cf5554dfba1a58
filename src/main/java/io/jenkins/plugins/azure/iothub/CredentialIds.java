package io.jenkins.plugins.azure.iothub;

import io.jenkins.plugins.azure.iothub.engine.KeySlot;
import java.util.Locale;

/** Deterministic default ids of the Jenkins credentials that receive renewed keys. */
public final class CredentialIds {

    private CredentialIds() {}

    /**
     * {@code iothub-<hub>-<policy>-<slot>} or {@code iothub-<hub>-device-<device>[-module-<module>]-<slot>},
     * lower case, every character outside {@code [a-z0-9_.-]} replaced by {@code -}.
     */
    public static String defaultId(String hub, String policy, String device, String module, KeySlot slot) {
        StringBuilder id = new StringBuilder("iothub-").append(hub);
        if (policy != null) {
            id.append('-').append(policy);
        } else {
            id.append("-device-").append(device);
            if (module != null) {
                id.append("-module-").append(module);
            }
        }
        id.append('-').append(slot.name());
        return sanitize(id.toString());
    }

    static String sanitize(String raw) {
        return raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]", "-");
    }
}
