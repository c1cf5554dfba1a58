package io.jenkins.plugins.azure.iothub.engine;

import java.security.SecureRandom;
import java.util.Base64;

/** Device and module keys the way the CLI makes them: 32 random bytes, standard base64 (44 characters). */
final class KeyGenerator {
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyGenerator() {
    }

    static String newKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
