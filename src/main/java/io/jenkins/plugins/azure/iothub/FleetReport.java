package io.jenkins.plugins.azure.iothub;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.azure.iothub.engine.FleetFailure;
import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One fleet run on the build page: what was selected, where the keys went, the counts and the first failed
 * identities. Sized for 1,000 devices (the build log's table names every identity); no key, no fingerprint.
 */
public final class FleetReport implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Failed identities the build record keeps; the log's table has all of them. */
    static final int FAILURES_KEPT = 50;

    /** One identity the run did not renew. */
    public static final class Failure implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        private final String identity;
        private final String state;
        private final String reason;

        Failure(FleetFailure failure) {
            this.identity = failure.id().toString();
            this.state = stateName(failure.state());
            this.reason = failure.reason();
        }

        public String getIdentity() {
            return identity;
        }

        /** {@code not renewed}, {@code unknown}, {@code not found} or {@code not sas}. */
        public String getState() {
            return state;
        }

        public String getReason() {
            return reason;
        }
    }

    private final String hub;
    private final String hostName;
    private final String selection;
    private final int listed;
    private final String key;
    private final String rotation;
    private final String storeIn;
    private final String store;
    private final String credentialIds;
    private final String storeDescription;
    private final boolean dryRun;
    private final int renewed;
    private final int skipped;
    private final int failed;
    private final Map<String, Integer> failedByState;
    private final List<Failure> failures;
    private final long elapsedMillis;
    private final double pacePerMinute;
    private final int registryOperations;
    private final String outcome;
    private final long timestampMillis;

    private FleetReport(Builder b) {
        RenewFleetKeysConfig config = b.config;
        this.hub = config.getHub();
        this.hostName = b.hostName;
        this.selection = config.selection();
        this.listed = config.identities().size();
        this.key = config.getKey();
        this.rotation = config.getRotation();
        this.storeIn = config.getStoreIn();
        this.store = config.getStore();
        this.credentialIds = config.isFile() ? config.fileId() : idPattern(config);
        this.storeDescription = b.storeDescription;
        this.dryRun = config.isDryRun();
        this.renewed = b.renewed;
        this.skipped = b.skipped;
        this.failed = b.failures.size();
        this.failedByState = new LinkedHashMap<>();
        b.failures.forEach(f -> failedByState.merge(stateName(f.state()), 1, Integer::sum));
        this.failures = new ArrayList<>();
        b.failures.stream().limit(FAILURES_KEPT).forEach(f -> failures.add(new Failure(f)));
        this.elapsedMillis = b.elapsed.toMillis();
        this.pacePerMinute = b.pacePerMinute;
        this.registryOperations = b.registryOperations;
        this.outcome = b.outcome;
        this.timestampMillis = b.timestamp.toEpochMilli();
    }

    /** The ids a run without a pattern uses, as a pattern: the ids of a single renewal. */
    private static String idPattern(RenewFleetKeysConfig config) {
        if (config.getCredentialIdPattern() != null) {
            return config.getCredentialIdPattern();
        }
        return "iothub." + CredentialIds.encode(config.getHub().toLowerCase(Locale.ROOT))
                + ".device.{device}[.module.{module}].{slot}";
    }

    static String stateName(FleetFailure.State state) {
        return state.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    public String getHub() {
        return hub;
    }

    @CheckForNull
    public String getHostName() {
        return hostName;
    }

    /** {@code listed devices and modules}, {@code devices where ...} or {@code every SAS device}. */
    public String getSelection() {
        return selection;
    }

    /** How many identities were listed; 0 for a condition or all devices. */
    public int getListed() {
        return listed;
    }

    public String getKey() {
        return key;
    }

    @CheckForNull
    public String getRotation() {
        return rotation;
    }

    public boolean isFile() {
        return RenewFleetKeysConfig.STORE_IN_FILE.equals(storeIn);
    }

    /** {@code connectionString} or {@code key}: what each stored value is. */
    public String getStore() {
        return store;
    }

    /** The Secret file's id, or the pattern of the per-key credential ids. */
    public String getCredentialIds() {
        return credentialIds;
    }

    public String getStoreDescription() {
        return storeDescription;
    }

    public boolean isDryRun() {
        return dryRun;
    }

    /** Renewed and stored (in a dry run: the listed identities that would be). */
    public int getRenewed() {
        return renewed;
    }

    /** Skipped as already renewed in this rotation. */
    public int getSkipped() {
        return skipped;
    }

    public int getFailed() {
        return failed;
    }

    /** State name to count, in the order the states first occurred. */
    public Map<String, Integer> getFailedByState() {
        return Collections.unmodifiableMap(failedByState);
    }

    /** The first {@value #FAILURES_KEPT} failed identities. */
    public List<Failure> getFailures() {
        return Collections.unmodifiableList(failures);
    }

    /** Failed identities not kept in {@link #getFailures()}. */
    public int getMoreFailures() {
        return failed - failures.size();
    }

    public long getElapsedSeconds() {
        return Duration.ofMillis(elapsedMillis).toSeconds();
    }

    /** Identity registry operations per minute the run kept; 0 when the engine did not finish. */
    public double getPacePerMinute() {
        return pacePerMinute;
    }

    public String getPace() {
        return String.format(Locale.ROOT, "%.1f", pacePerMinute);
    }

    public int getRegistryOperations() {
        return registryOperations;
    }

    /** The one line the run failed with; null when it succeeded. */
    @CheckForNull
    public String getOutcome() {
        return outcome;
    }

    public String getTimestamp() {
        return Instant.ofEpochMilli(timestampMillis).toString();
    }

    static Builder builder(RenewFleetKeysConfig config, String storeDescription) {
        return new Builder(config, storeDescription);
    }

    /** Filled as the run goes; built once it has ended, successfully or not. */
    static final class Builder {
        private final RenewFleetKeysConfig config;
        private final String storeDescription;
        private String hostName;
        private int renewed;
        private int skipped;
        private List<FleetFailure> failures = List.of();
        private Duration elapsed = Duration.ZERO;
        private double pacePerMinute;
        private int registryOperations;
        private String outcome;
        private Instant timestamp = Instant.EPOCH;

        private Builder(RenewFleetKeysConfig config, String storeDescription) {
            this.config = config;
            this.storeDescription = storeDescription;
        }

        Builder hostName(@CheckForNull String hostName) {
            this.hostName = hostName;
            return this;
        }

        Builder renewed(int renewed) {
            this.renewed = renewed;
            return this;
        }

        Builder skipped(int skipped) {
            this.skipped = skipped;
            return this;
        }

        Builder failures(List<FleetFailure> failures) {
            this.failures = List.copyOf(failures);
            return this;
        }

        Builder pace(int registryOperations, double pacePerMinute) {
            this.registryOperations = registryOperations;
            this.pacePerMinute = pacePerMinute;
            return this;
        }

        Builder elapsed(Duration elapsed) {
            this.elapsed = elapsed;
            return this;
        }

        Builder outcome(@CheckForNull String outcome) {
            this.outcome = outcome;
            return this;
        }

        Builder at(Instant timestamp) {
            this.timestamp = timestamp;
            return this;
        }

        FleetReport build() {
            return new FleetReport(this);
        }
    }
}
