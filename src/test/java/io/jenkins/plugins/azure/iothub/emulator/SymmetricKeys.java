package io.jenkins.plugins.azure.iothub.emulator;

import java.security.SecureRandom;
import java.util.Base64;

/** Key generation and the service's key validation rule: standard base64 decoding to 16..64 bytes. */
final class SymmetricKeys {
    static final int MIN_BYTES = 16;
    static final int MAX_BYTES = 64;
    /** Length of keys the emulator generates itself (service-side renewal); the real service's length is unknown. */
    static final int GENERATED_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private SymmetricKeys() {
    }

    static String generate() {
        byte[] bytes = new byte[GENERATED_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /**
     * True when {@code key} is padded standard base64 of 16..64 bytes (the service decodes with a strict decoder that
     * wants the padding). The empty string is invalid.
     */
    static boolean isValid(String key) {
        if (key == null || key.isEmpty() || key.length() % 4 != 0) {
            return false;
        }
        try {
            int length = Base64.getDecoder().decode(key).length;
            return length >= MIN_BYTES && length <= MAX_BYTES;
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }
}
