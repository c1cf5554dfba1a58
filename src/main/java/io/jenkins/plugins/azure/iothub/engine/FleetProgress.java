package io.jenkins.plugins.azure.iothub.engine;

import java.util.List;

/**
 * What a fleet renewal tells its caller while it runs, on the calling thread. {@link #renewed} comes first for every
 * batch whose new keys Azure holds: store them there, so that a run that ends early (abort, time, crash) has stored
 * every key Azure holds, and the next run can skip those identities ({@link FleetKeyRequest.Builder#alreadyRenewed}).
 */
public interface FleetProgress {
    /** Does nothing. */
    FleetProgress NONE = new FleetProgress() {
    };

    /** New keys Azure holds (a batch, up to 100 identities). An exception thrown here ends the run. */
    default void renewed(List<IdentityKeyResult> batch) {
    }

    /** After every batch and every module. */
    default void progress(FleetStatus status) {
    }
}
