package io.jenkins.plugins.azure.iothub;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.azure.iothub.engine.KeySlot;
import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Non-secret facts about one half of a rotation (or a dry run): what the step returns and what the build page
 * ({@link KeyRenewalAction}) keeps. Names, ids, phases and fingerprints only, never a key.
 */
public final class RotationReport implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The half that renews the unused key and hands it over. */
    static final String PREPARE = IotHubRotateKeyBuilder.PHASE_PREPARE;
    /** The half that renews the key consumers left. */
    static final String FINISH = IotHubRotateKeyBuilder.PHASE_FINISH;
    /** {@link #getPhaseBefore()} when the stable credential did not exist yet. */
    static final String NO_CREDENTIAL = "no credential yet";

    private final String hub;
    private final String hostName;
    private final String policy;
    private final String device;
    private final String module;
    private final String storeDescription;
    private final String credentialsId;
    private final String phase;
    private final String keyInUse;
    private final String renewed;
    private final String primaryFingerprint;
    private final String secondaryFingerprint;
    private final boolean dryRun;
    private final String half;
    private final String phaseBefore;
    private final long timestampMillis;

    RotationReport(RotateKeyConfig config, String hostName, String storeDescription, String credentialsId,
            String half, @CheckForNull RotationPhase phaseBefore, RotationPhase phase, KeySlot keyInUse,
            @CheckForNull KeySlot renewed, Map<KeySlot, String> fingerprints, Instant timestamp) {
        this.half = half;
        this.phaseBefore = phaseBefore == null ? NO_CREDENTIAL : phaseBefore.label();
        this.timestampMillis = timestamp.toEpochMilli();
        this.hub = config.getHub();
        this.hostName = hostName;
        this.policy = config.getPolicy();
        this.device = config.getDevice();
        this.module = config.getModule();
        this.storeDescription = storeDescription;
        this.credentialsId = credentialsId;
        this.phase = phase.label();
        this.keyInUse = KeyRenewalService.slotName(keyInUse);
        this.renewed = renewed == null ? null : KeyRenewalService.slotName(renewed);
        this.primaryFingerprint = fingerprints.get(KeySlot.PRIMARY);
        this.secondaryFingerprint = fingerprints.get(KeySlot.SECONDARY);
        this.dryRun = config.isDryRun();
    }

    public String getHub() {
        return hub;
    }

    @CheckForNull
    public String getHostName() {
        return hostName;
    }

    /** What was rotated, e.g. {@code policy 'p'} or {@code module 'm' of device 'd'}. */
    public String getTarget() {
        if (policy != null) {
            return "policy '" + policy + "'";
        }
        return module != null ? "module '" + module + "' of device '" + device + "'" : "device '" + device + "'";
    }

    public String getStoreDescription() {
        return storeDescription;
    }

    /** {@code prepare} or {@code finish}. */
    public String getHalf() {
        return half;
    }

    /** {@code complete}, {@code handing over} or {@code no credential yet}, before this run. */
    public String getPhaseBefore() {
        return phaseBefore;
    }

    public String getTimestamp() {
        return Instant.ofEpochMilli(timestampMillis).toString();
    }

    /** {@code complete} or {@code handing over}, after this run. */
    public String getPhase() {
        return phase;
    }

    /** The slot whose key the stable credential holds (consumers should use), after this run. */
    public String getKeyInUse() {
        return keyInUse;
    }

    /** The slot this run renewed, or null when it renewed nothing. */
    @CheckForNull
    public String getRenewed() {
        return renewed;
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    public String getPrimaryFingerprint() {
        return primaryFingerprint;
    }

    public String getSecondaryFingerprint() {
        return secondaryFingerprint;
    }

    public boolean isDryRun() {
        return dryRun;
    }

    /** The step's return value: plain strings and booleans, safe in the Pipeline sandbox, no secret. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("hub", hub);
        map.put("hostName", hostName);
        if (policy != null) {
            map.put("policy", policy);
        }
        if (device != null) {
            map.put("device", device);
        }
        if (module != null) {
            map.put("module", module);
        }
        map.put("credentialsId", credentialsId);
        map.put("store", storeDescription);
        map.put("half", half);
        map.put("phaseBefore", phaseBefore);
        map.put("phase", phase);
        map.put("keyInUse", keyInUse);
        map.put("renewed", renewed);
        map.put("primaryFingerprint", primaryFingerprint);
        map.put("secondaryFingerprint", secondaryFingerprint);
        map.put("dryRun", dryRun);
        map.put("timestamp", getTimestamp());
        return map;
    }

    @Override
    public String toString() {
        return "RotationReport" + toMap();
    }
}
