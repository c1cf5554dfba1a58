package io.jenkins.plugins.azure.iothub;

import io.jenkins.plugins.azure.iothub.engine.KeySlot;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Default ids of the Jenkins credentials that receive renewed keys. Two different targets never share a default id:
 * the parts are joined with {@code .}, and every name is encoded so that it contains no {@code .}.
 */
public final class CredentialIds {

    private CredentialIds() {}

    /**
     * {@code iothub.<hub>.policy.<policy>.<slot>}, {@code iothub.<hub>.device.<device>.<slot>} or
     * {@code iothub.<hub>.device.<device>.module.<module>.<slot>}. Hub and policy names are matched by Azure
     * ignoring case, so they are lower-cased; device and module ids are case-sensitive in IoT Hub and keep their
     * case. Characters outside {@code [A-Za-z0-9-]} become {@code _xx} (UTF-8 bytes in hex), so {@code sensor.1}
     * and {@code sensor_1} stay apart.
     */
    public static String defaultId(String hub, String policy, String device, String module, KeySlot slot) {
        StringBuilder id = new StringBuilder("iothub.").append(encode(hub.toLowerCase(Locale.ROOT)));
        if (policy != null) {
            id.append(".policy.").append(encode(policy.toLowerCase(Locale.ROOT)));
        } else {
            id.append(".device.").append(encode(device));
            if (module != null) {
                id.append(".module.").append(encode(module));
            }
        }
        return id.append('.').append(slot.name().toLowerCase(Locale.ROOT)).toString();
    }

    /**
     * The stable credential of a rotation: {@code iothub.<hub>.policy.<policy>.current} (devices and modules alike),
     * encoded as {@link #defaultId}, so it never equals the id of a single slot.
     */
    public static String rotationId(String hub, String policy, String device, String module) {
        String primary = defaultId(hub, policy, device, module, KeySlot.PRIMARY);
        return primary.substring(0, primary.length() - "primary".length()) + "current";
    }

    /** Injective, and the result uses only characters Jenkins accepts in an id ({@code [A-Za-z0-9_-]}). */
    static String encode(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-') {
                out.append(c);
            } else {
                out.append('_').append(String.format(Locale.ROOT, "%02x", b & 0xff));
            }
        }
        return out.toString();
    }
}
