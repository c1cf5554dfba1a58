package io.jenkins.plugins.azure.iothub;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.azure.iothub.engine.KeySlot;
import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Non-secret facts about one renewal: what the step returns and what the build page shows. */
public final class RenewalReport implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** One stored (or, in a dry run, planned) credential. */
    public static final class StoredCredential implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        private final String slot;
        private final String credentialsId;
        private final String result;
        private final String fingerprint;

        StoredCredential(KeySlot slot, String credentialsId, String result, @CheckForNull String fingerprint) {
            this.slot = slot.name().toLowerCase(Locale.ROOT);
            this.credentialsId = credentialsId;
            this.result = result;
            this.fingerprint = fingerprint;
        }

        public String getSlot() {
            return slot;
        }

        public String getCredentialsId() {
            return credentialsId;
        }

        /** {@code created}, {@code updated}, or {@code planned} in a dry run. */
        public String getResult() {
            return result;
        }

        /** First 8 hex characters of the SHA-256 of the new key; null in a dry run. */
        @CheckForNull
        public String getFingerprint() {
            return fingerprint;
        }
    }

    private final String hub;
    private final String hostName;
    private final String resourceGroup;
    private final String policy;
    private final String device;
    private final String module;
    private final String key;
    private final String store;
    private final String storeDescription;
    private final boolean dryRun;
    private final boolean verified;
    private final long timestampMillis;
    private final List<StoredCredential> credentials;

    RenewalReport(
            RenewKeyConfig config,
            @CheckForNull String hostName,
            String storeDescription,
            boolean verified,
            Instant timestamp,
            List<StoredCredential> credentials) {
        this.hub = config.getHub();
        this.hostName = hostName;
        this.resourceGroup = config.getResourceGroup();
        this.policy = config.getPolicy();
        this.device = config.getDevice();
        this.module = config.getModule();
        this.key = config.getKey();
        this.store = config.getStore();
        this.storeDescription = storeDescription;
        this.dryRun = config.isDryRun();
        this.verified = verified;
        this.timestampMillis = timestamp.toEpochMilli();
        this.credentials = new ArrayList<>(credentials);
    }

    public String getHub() {
        return hub;
    }

    @CheckForNull
    public String getHostName() {
        return hostName;
    }

    @CheckForNull
    public String getPolicy() {
        return policy;
    }

    @CheckForNull
    public String getDevice() {
        return device;
    }

    @CheckForNull
    public String getModule() {
        return module;
    }

    public String getKey() {
        return key;
    }

    public String getStoreDescription() {
        return storeDescription;
    }

    public boolean isDryRun() {
        return dryRun;
    }

    public boolean isVerified() {
        return verified;
    }

    public String getTimestamp() {
        return Instant.ofEpochMilli(timestampMillis).toString();
    }

    /** What was renewed, e.g. {@code policy 'p'} or {@code module 'm' of device 'd'}. */
    public String getTarget() {
        if (policy != null) {
            return "policy '" + policy + "'";
        }
        return module != null ? "module '" + module + "' of device '" + device + "'" : "device '" + device + "'";
    }

    public List<StoredCredential> getCredentials() {
        return Collections.unmodifiableList(credentials);
    }

    /**
     * The step's return value: plain strings, booleans, lists and maps, so it is safe in the Pipeline sandbox
     * and holds no secret.
     */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("hub", hub);
        map.put("hostName", hostName);
        putIfSet(map, "resourceGroup", resourceGroup);
        putIfSet(map, "policy", policy);
        putIfSet(map, "device", device);
        putIfSet(map, "module", module);
        map.put("key", key);
        map.put("store", store);
        map.put("dryRun", dryRun);
        map.put("verified", verified);
        map.put("timestamp", getTimestamp());
        List<Map<String, Object>> stored = new ArrayList<>();
        for (StoredCredential c : credentials) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("slot", c.getSlot());
            entry.put("id", c.getCredentialsId());
            entry.put("result", c.getResult());
            entry.put("fingerprint", c.getFingerprint());
            stored.add(entry);
            map.put(c.getSlot() + "CredentialsId", c.getCredentialsId());
        }
        map.put("credentials", stored);
        return map;
    }

    private static void putIfSet(Map<String, Object> map, String name, @CheckForNull String value) {
        if (value != null) {
            map.put(name, value);
        }
    }
}
