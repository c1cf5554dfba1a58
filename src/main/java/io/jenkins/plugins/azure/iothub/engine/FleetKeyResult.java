package io.jenkins.plugins.azure.iothub.engine;

import java.time.Duration;
import java.util.List;

/** The outcome of a fleet renewal, per identity. Keys only inside the {@link IdentityKeyResult}s. */
public final class FleetKeyResult {
    private final HubInfo hub;
    private final List<IdentityKeyResult> renewed;
    private final List<IdentityId> skipped;
    private final List<FleetFailure> failed;
    private final int registryOperations;
    private final Duration elapsed;
    private final double pacePerMinute;

    FleetKeyResult(HubInfo hub, List<IdentityKeyResult> renewed, List<IdentityId> skipped, List<FleetFailure> failed,
            int registryOperations, Duration elapsed, double pacePerMinute) {
        this.hub = hub;
        this.renewed = List.copyOf(renewed);
        this.skipped = List.copyOf(skipped);
        this.failed = List.copyOf(failed);
        this.registryOperations = registryOperations;
        this.elapsed = elapsed;
        this.pacePerMinute = pacePerMinute;
    }

    public HubInfo hub() {
        return hub;
    }

    /** Identities renewed by this run, with the keys Azure now holds (already handed to {@link FleetProgress}). */
    public List<IdentityKeyResult> renewed() {
        return renewed;
    }

    /** Identities skipped because the request named them as already renewed. */
    public List<IdentityId> skipped() {
        return skipped;
    }

    /** Identities not renewed, each with its state; empty when the run is complete. */
    public List<FleetFailure> failed() {
        return failed;
    }

    public boolean isComplete() {
        return failed.isEmpty();
    }

    /** Identity registry operations this run made (reads, and one per identity of each bulk write). */
    public int registryOperations() {
        return registryOperations;
    }

    public Duration elapsed() {
        return elapsed;
    }

    /** The pace the run kept (identity registry operations per minute). */
    public double pacePerMinute() {
        return pacePerMinute;
    }

    @Override
    public String toString() {
        return "FleetKeyResult[hub=" + hub.name() + ", renewed " + renewed.size() + ", skipped " + skipped.size()
                + ", failed " + failed.size() + "]";
    }
}
