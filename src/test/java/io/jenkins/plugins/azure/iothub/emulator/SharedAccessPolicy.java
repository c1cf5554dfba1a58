package io.jenkins.plugins.azure.iothub.emulator;

/**
 * An immutable snapshot of one shared access policy of a hub. {@link #toString()} never shows the keys; use
 * {@link #primaryKey()} and {@link #secondaryKey()} in assertions.
 */
public final class SharedAccessPolicy {
    private final String keyName;
    private final String rights;
    private final String primaryKey;
    private final String secondaryKey;

    SharedAccessPolicy(String keyName, String rights, String primaryKey, String secondaryKey) {
        this.keyName = keyName;
        this.rights = rights;
        this.primaryKey = primaryKey;
        this.secondaryKey = secondaryKey;
    }

    public String keyName() {
        return keyName;
    }

    /** One of the {@link AccessRights#VALID} strings. */
    public String rights() {
        return rights;
    }

    public String primaryKey() {
        return primaryKey;
    }

    public String secondaryKey() {
        return secondaryKey;
    }

    SharedAccessPolicy withKeys(String primary, String secondary) {
        return new SharedAccessPolicy(keyName, rights, primary, secondary);
    }

    @Override
    public String toString() {
        return "SharedAccessPolicy[" + keyName + ", " + rights + "]";
    }
}
