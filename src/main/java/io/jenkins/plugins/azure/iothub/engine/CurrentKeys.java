package io.jenkins.plugins.azure.iothub.engine;

/**
 * The two keys a policy, device or module holds in Azure right now (read-only). A rotation compares them with the
 * value a credential holds to learn which slot consumers use; only fingerprints ever leave as text.
 */
public final class CurrentKeys {
    private final HubInfo hub;
    private final String identityPart;
    private final KeyPair keys;

    CurrentKeys(HubInfo hub, String identityPart, String primaryKey, String secondaryKey) {
        this.hub = hub;
        this.identityPart = identityPart;
        this.keys = KeyPair.allowingMissing(primaryKey, secondaryKey);
    }

    public String hubName() {
        return hub.name();
    }

    public String hostName() {
        return hub.hostName();
    }

    /** Null when Azure holds no key in that slot. */
    public KeyMaterial key(KeySlot slot) {
        return keys.get(slot);
    }

    /** The connection string built from the key of that slot, as a renewal stores it; null without a key. */
    public KeyMaterial connectionString(KeySlot slot) {
        KeyMaterial key = keys.get(slot);
        return key == null ? null : KeyPair.connectionString(hub.hostName(), identityPart, key);
    }

    /** First 8 hex characters of the key's SHA-256, or {@code none}. */
    public String fingerprint(KeySlot slot) {
        KeyMaterial key = keys.get(slot);
        return key == null ? "none" : key.fingerprint();
    }

    /**
     * The slot whose key equals {@code key} (constant-time comparisons, primary first), or null when neither does.
     */
    public KeySlot slotHolding(KeyMaterial key) {
        for (KeySlot slot : KeySlot.values()) {
            KeyMaterial held = keys.get(slot);
            if (held != null && held.sameAs(key)) {
                return slot;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "CurrentKeys[hub=" + hub.name() + ", " + keys.fingerprints() + "]";
    }
}
