package io.jenkins.plugins.azure.iothub.emulator;

import java.time.Duration;

/**
 * How hub updates (PUT) run as long-running operations. Values are read when a PUT is accepted. Defaults:
 * {@code Retry-After: 0}, one {@code Running} answer before the final status, auto-completion after 10 s without polls.
 */
public final class LroSettings {
    private volatile int retryAfterSeconds = 0;
    private volatile int pollsUntilDone = 1;
    private volatile Duration autoCompleteAfter = Duration.ofSeconds(10);
    private volatile Duration minimumDuration = Duration.ZERO;
    private volatile boolean withoutOperation;

    /** The {@code Retry-After} header (seconds) on the 201 and on each {@code Running} status answer; 0 allowed. */
    public LroSettings retryAfterSeconds(int seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("seconds must be >= 0");
        }
        this.retryAfterSeconds = seconds;
        return this;
    }

    /** How many status polls answer {@code Running} before the operation ends. */
    public LroSettings pollsUntilDone(int polls) {
        if (polls < 0) {
            throw new IllegalArgumentException("polls must be >= 0");
        }
        this.pollsUntilDone = polls;
        return this;
    }

    /** An operation nobody polls finishes by itself after this time (checked when the hub is next touched). */
    public LroSettings autoCompleteAfter(Duration duration) {
        this.autoCompleteAfter = duration;
        return this;
    }

    /**
     * The operation answers {@code Running} until at least this long after the PUT, however often it is polled
     * (a realistic hub update takes Azure tens of seconds); default 0. {@link #autoCompleteAfter} should be longer.
     */
    public LroSettings minimumDuration(Duration duration) {
        this.minimumDuration = duration;
        return this;
    }

    /**
     * A PUT answers 200 with the hub in a transitional provisioning state and no operation to poll, which the
     * CreateOrUpdate specification allows ("200: ... a transitional provisioning state"); the update then runs until
     * {@link #autoCompleteAfter} and reading the hub shows when it is over.
     */
    public LroSettings withoutOperation(boolean without) {
        this.withoutOperation = without;
        return this;
    }

    public boolean withoutOperation() {
        return withoutOperation;
    }

    public Duration minimumDuration() {
        return minimumDuration;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public int pollsUntilDone() {
        return pollsUntilDone;
    }

    public Duration autoCompleteAfter() {
        return autoCompleteAfter;
    }
}
