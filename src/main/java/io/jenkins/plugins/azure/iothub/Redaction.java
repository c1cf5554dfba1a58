package io.jenkins.plugins.azure.iothub;

import io.jenkins.plugins.azure.iothub.engine.KeySlot;
import java.util.Collection;

/** Last line of defence: a foreign exception message must not carry a key into the build log. */
final class Redaction {

    private Redaction() {}

    static String redact(String message, RenewedKeys keys, Collection<KeySlot> slots) {
        String out = message;
        for (KeySlot slot : slots) {
            out = replace(out, keys.connectionString(slot).reveal());
            out = replace(out, keys.key(slot).reveal());
        }
        return out;
    }

    private static String replace(String message, String secret) {
        return secret == null || secret.isEmpty() ? message : message.replace(secret, "****");
    }
}
