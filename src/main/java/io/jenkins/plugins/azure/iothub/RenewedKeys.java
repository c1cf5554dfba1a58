package io.jenkins.plugins.azure.iothub;

import io.jenkins.plugins.azure.iothub.engine.KeyMaterial;
import io.jenkins.plugins.azure.iothub.engine.KeyOrigin;
import io.jenkins.plugins.azure.iothub.engine.KeySlot;
import java.util.List;
import java.util.function.Function;

/**
 * The new keys of a policy or an identity, seen through one shape so that storing does not care which.
 * {@code verifier} is null when the keys cannot be proven from the service side (DeviceConnect-only policies);
 * {@code otherChanges} names fields of a device or module that another writer changed right after the renewal.
 */
record RenewedKeys(
        String hostName,
        Function<KeySlot, KeyMaterial> keys,
        Function<KeySlot, KeyMaterial> connectionStrings,
        Verifier verifier,
        KeyOrigin origin,
        List<String> otherChanges) {

    boolean verifiable() {
        return verifier != null;
    }

    /** Proves that the new key of one slot works; throws the engine's exception when it does not. */
    @FunctionalInterface
    interface Verifier {
        void verify(KeySlot slot);
    }

    KeyMaterial key(KeySlot slot) {
        return keys.apply(slot);
    }

    KeyMaterial connectionString(KeySlot slot) {
        return connectionStrings.apply(slot);
    }

    @Override
    public String toString() {
        return "RenewedKeys[" + hostName + "]"; // never the keys
    }
}
