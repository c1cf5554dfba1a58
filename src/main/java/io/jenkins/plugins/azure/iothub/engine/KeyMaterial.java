package io.jenkins.plugins.azure.iothub.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * A key or connection string. {@link #toString()} never shows it; only {@link #reveal()} does, so a stray log
 * statement or string concatenation cannot leak it.
 */
public final class KeyMaterial {
    private final String value;

    private KeyMaterial(String value) {
        this.value = value;
    }

    public static KeyMaterial of(String value) {
        Objects.requireNonNull(value, "value");
        return new KeyMaterial(value);
    }

    /** The secret itself. Hand it straight to a secret store; never log it. */
    public String reveal() {
        return value;
    }

    /** First 8 hex characters of the SHA-256 of the value; safe to print, enough to tell two keys apart. */
    public String fingerprint() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder(8);
            for (int i = 0; i < 4; i++) {
                hex.append(String.format("%02x", hash[i]));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }

    /** Constant-time comparison with another secret. */
    public boolean sameAs(KeyMaterial other) {
        return other != null && MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8),
                other.value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "KeyMaterial[sha256:" + fingerprint() + "]";
    }
}
