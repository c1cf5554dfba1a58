package io.jenkins.plugins.azure.iothub.engine;

import java.time.Duration;
import java.util.Locale;

/**
 * Keeps identity registry operations at a steady pace below the hub's throttle: each request waits until its
 * operations fit the rate ("pay before": a request of n operations goes out n / rate after the previous one), so over
 * any window the hub sees at most the rate plus one request and one second's worth, and an idle pause is not
 * saved up for a burst. A request that is late by up to a second (its predecessor took longer than the interval,
 * as at high rates) leaves the schedule where it was, so the pace holds instead of slipping with every slow answer.
 */
final class RegistryPacer {
    /** The default share of the tier limit: headroom for clock differences, while staying above 95 %. */
    static final double DEFAULT_SHARE = 0.98;
    private static final long CATCH_UP_NANOS = 1_000_000_000L;

    private final double perMinute;
    private long nextNanos = System.nanoTime();
    private int operations;

    RegistryPacer(double perMinute) {
        this.perMinute = perMinute;
    }

    /** The tier limit of identity registry operations (IoT Hub quotas page, azure.md §4.7) times units. */
    static double tierLimit(String skuName, int units) {
        String tier = skuName == null ? "S1" : skuName.toUpperCase(Locale.ROOT);
        int perUnit = tier.equals("S3") || tier.equals("B3") ? 5000 : 100;
        return perUnit * (double) Math.max(1, units);
    }

    double perMinute() {
        return perMinute;
    }

    int operations() {
        return operations;
    }

    /** Waits (interruptibly, within the deadline) until {@code count} operations may go out, and counts them. */
    void acquire(int count, Deadline deadline, String action, boolean keyMayHaveChanged) {
        long now = System.nanoTime();
        long start = Math.max(nextNanos, now - CATCH_UP_NANOS);
        long due = start + (long) (count * 60e9 / perMinute);
        nextNanos = due;
        Duration wait = Duration.ofNanos(Math.max(0, due - now));
        if (!deadline.fits(wait)) {
            throw deadline.timedOut(action, keyMayHaveChanged, (Throwable) null);
        }
        deadline.sleep(wait, action, keyMayHaveChanged);
        operations += count;
    }

    /** Time the given operations take at this pace. */
    Duration timeFor(int count) {
        return Duration.ofNanos((long) (count * 60e9 / perMinute));
    }
}
