package io.jenkins.plugins.azure.iothub.engine;

/**
 * The primary and secondary key of a policy or identity as a result holds them, and the connection string made from
 * one of them. Shared by {@link PolicyKeyResult} and {@link IdentityKeyResult} so both pick slots, print
 * fingerprints and format connection strings the same way.
 */
final class KeyPair {
    private final KeyMaterial primary;
    private final KeyMaterial secondary;

    private KeyPair(KeyMaterial primary, KeyMaterial secondary) {
        this.primary = primary;
        this.secondary = secondary;
    }

    /** Both keys present (an identity's keys are set by the renewal itself). */
    static KeyPair of(String primary, String secondary) {
        return new KeyPair(KeyMaterial.of(primary), KeyMaterial.of(secondary));
    }

    /** Either key may be null: ARM can answer a policy without one; the result decides what that means. */
    static KeyPair allowingMissing(String primary, String secondary) {
        return new KeyPair(primary == null ? null : KeyMaterial.of(primary),
                secondary == null ? null : KeyMaterial.of(secondary));
    }

    /** Null when there is no key in that slot. */
    KeyMaterial get(KeySlot slot) {
        return slot == KeySlot.PRIMARY ? primary : secondary;
    }

    /** {@code primary=<fingerprint>, secondary=<fingerprint>}, "none" for a missing key; safe for toString. */
    String fingerprints() {
        return "primary=" + fingerprint(primary) + ", secondary=" + fingerprint(secondary);
    }

    /** {@code HostName=<host>;<identity part>;SharedAccessKey=<key>}, the identity part naming the policy or device. */
    static KeyMaterial connectionString(String hostName, String identityPart, KeyMaterial key) {
        return KeyMaterial.of("HostName=" + hostName + ";" + identityPart + ";SharedAccessKey=" + key.reveal());
    }

    private static String fingerprint(KeyMaterial key) {
        return key == null ? "none" : key.fingerprint();
    }
}
