package io.jenkins.plugins.azure.iothub.demo;

import io.jenkins.plugins.azure.iothub.emulator.SharedAccessPolicy;
import io.jenkins.plugins.azure.iothub.emulator.SimulatedHub;
import io.jenkins.plugins.azure.iothub.emulator.SimulatedIdentity;
import io.jenkins.plugins.azure.iothub.engine.KeyMaterial;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the emulator holds at one moment, as fingerprints (first 8 hex characters of SHA-256), so that a before/after
 * comparison can be printed without printing a key. Also remembers every raw key seen, to scan the output for them.
 */
final class KeyFingerprints {

    /** Row label, e.g. {@code policy service / primary}, to fingerprint. */
    private final Map<String, String> fingerprints = new LinkedHashMap<>();
    private final List<String> rawKeys = new ArrayList<>();

    static KeyFingerprints of(SimulatedHub hub, List<String> deviceIds) {
        KeyFingerprints snapshot = new KeyFingerprints();
        for (SharedAccessPolicy policy : hub.policies()) {
            snapshot.add("policy " + policy.keyName() + " / primary", policy.primaryKey());
            snapshot.add("policy " + policy.keyName() + " / secondary", policy.secondaryKey());
        }
        for (String deviceId : deviceIds) {
            SimulatedIdentity device = hub.device(deviceId);
            snapshot.add("device " + deviceId + " / primary", device.primaryKey());
            snapshot.add("device " + deviceId + " / secondary", device.secondaryKey());
        }
        return snapshot;
    }

    private void add(String label, String key) {
        fingerprints.put(label, KeyMaterial.of(key).fingerprint());
        rawKeys.add(key);
    }

    Map<String, String> fingerprints() {
        return fingerprints;
    }

    List<String> rawKeys() {
        return rawKeys;
    }

    /** Labels whose fingerprint differs from the earlier snapshot. */
    List<String> changedSince(KeyFingerprints before) {
        List<String> changed = new ArrayList<>();
        fingerprints.forEach((label, fingerprint) -> {
            if (!fingerprint.equals(before.fingerprints.get(label))) {
                changed.add(label);
            }
        });
        return changed;
    }
}
