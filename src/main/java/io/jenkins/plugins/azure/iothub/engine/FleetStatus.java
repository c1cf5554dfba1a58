package io.jenkins.plugins.azure.iothub.engine;

import java.time.Duration;
import java.util.Locale;

/** Progress of a fleet renewal, for a log line: done / total, rate, ETA. No key material. */
public final class FleetStatus {
    private final int done;
    private final int total;
    private final int failed;
    private final double operationsPerMinute;
    private final double limitPerMinute;
    private final Duration elapsed;
    private final Duration eta;

    FleetStatus(int done, int total, int failed, double operationsPerMinute, double limitPerMinute, Duration elapsed,
            Duration eta) {
        this.done = done;
        this.total = total;
        this.failed = failed;
        this.operationsPerMinute = operationsPerMinute;
        this.limitPerMinute = limitPerMinute;
        this.elapsed = elapsed;
        this.eta = eta;
    }

    /** Identities finished (renewed or failed). */
    public int done() {
        return done;
    }

    /** Identities this run works on (already renewed ones not counted). */
    public int total() {
        return total;
    }

    public int failed() {
        return failed;
    }

    /** Identity registry operations per minute achieved so far. */
    public double operationsPerMinute() {
        return operationsPerMinute;
    }

    /** The pace the run keeps (below the hub's limit). */
    public double pacePerMinute() {
        return limitPerMinute;
    }

    public Duration elapsed() {
        return elapsed;
    }

    /** Estimated time to the end at the current pace. */
    public Duration eta() {
        return eta;
    }

    /** e.g. {@code 300/1000 identities (2 failed), 97.8 registry operations/min (pace 98.0), ETA 14 min 10 s}. */
    @Override
    public String toString() {
        long s = eta.getSeconds();
        return String.format(Locale.ROOT, "%d/%d identities%s, %.1f registry operations/min (pace %.1f), ETA %s",
                done, total, failed > 0 ? " (" + failed + " failed)" : "", operationsPerMinute, limitPerMinute,
                s >= 60 ? (s / 60) + " min " + (s % 60) + " s" : s + " s");
    }
}
