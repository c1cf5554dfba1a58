package io.jenkins.plugins.azure.iothub.emulator;

import java.util.Locale;

/**
 * The registry throttle of one hub, per unit and tier, as token buckets (off by default). Limits from the IoT Hub
 * quotas page (MicrosoftDocs/azure-docs articles/iot-hub/iot-hub-devguide-quotas-throttling.md, see azure.md §4.7):
 * identity registry operations (create, retrieve, list, update, delete) 100/min/unit for F1, B1, S1, B2 and S2 and
 * 5,000/min/unit for B3 and S3; queries 20/min/unit (S1, S2; used for the other small tiers too) and 1,000/min/unit
 * (S3, B3). Each bucket holds one minute's worth (the service applies its throttles "in minute ranges") and starts
 * full, like a hub nobody used for a minute.
 *
 * <p>How requests are charged (the bulk part is this emulator's assumption; the quotas page does not say how bulk
 * requests count): a device or module GET or PUT is one identity operation, a bulk {@code POST /devices} is one per
 * identity in its body, a {@code POST /devices/query} page is one query. A request the bucket cannot pay gets
 * {@code 429 ThrottlingException} with {@code Retry-After} = seconds until it could (at least 1) and changes nothing.
 * {@link #scale(double)} multiplies every limit (benchmarks and tests that must finish in seconds say so).
 */
public final class RegistryThrottle {
    /** What a request is charged against. */
    enum Kind { IDENTITY, QUERY }

    private final SimulatedHub hub;
    private boolean enabled;
    private double scale = 1;
    private double identityTokens = -1;
    private double queryTokens = -1;
    private long lastNanos;
    private int throttled;

    RegistryThrottle(SimulatedHub hub) {
        this.hub = hub;
    }

    /** Switches the throttle on (buckets full) or off. */
    public synchronized RegistryThrottle enabled(boolean on) {
        this.enabled = on;
        this.identityTokens = -1;
        this.queryTokens = -1;
        return this;
    }

    /** Empties both buckets now, like a hub that other clients have just used up to its limit (benchmarks). */
    public synchronized RegistryThrottle drain() {
        refill();
        identityTokens = 0;
        queryTokens = 0;
        return this;
    }

    /** Multiplies every limit, e.g. 60 makes S1 6,000 identity operations per minute per unit. */
    public synchronized RegistryThrottle scale(double factor) {
        if (!(factor > 0)) {
            throw new IllegalArgumentException("scale must be positive");
        }
        this.scale = factor;
        return this;
    }

    /** Identity registry operations per minute for the hub's current sku and units, scale included. */
    public synchronized double identityOperationsPerMinute() {
        String tier = hub.skuName().toUpperCase(Locale.ROOT);
        int perUnit = tier.equals("S3") || tier.equals("B3") ? 5000 : 100;
        return perUnit * hub.skuCapacity() * scale;
    }

    /** Queries per minute for the hub's current sku and units, scale included. */
    public synchronized double queriesPerMinute() {
        String tier = hub.skuName().toUpperCase(Locale.ROOT);
        int perUnit = tier.equals("S3") || tier.equals("B3") ? 1000 : 20;
        return perUnit * hub.skuCapacity() * scale;
    }

    /** How many requests were answered 429 by this throttle. */
    public synchronized int throttledRequests() {
        return throttled;
    }

    /** Takes {@code cost} tokens or throws the 429 answer. */
    synchronized void charge(Kind kind, int cost) {
        if (!enabled || cost <= 0) {
            return;
        }
        refill();
        double limit = kind == Kind.IDENTITY ? identityOperationsPerMinute() : queriesPerMinute();
        double tokens = kind == Kind.IDENTITY ? identityTokens : queryTokens;
        if (tokens + 1e-9 < cost) {
            throttled++;
            long wait = (long) Math.ceil((cost - tokens) / (limit / 60.0));
            throw EmulatorError.dataPlane(429, "ThrottlingException", "The request has been throttled. Operation"
                    + " type: " + (kind == Kind.IDENTITY ? "CRUD" : "Query") + ".")
                    .header("Retry-After", Long.toString(Math.max(1, wait)));
        }
        if (kind == Kind.IDENTITY) {
            identityTokens -= cost;
        } else {
            queryTokens -= cost;
        }
    }

    private void refill() {
        long now = System.nanoTime();
        double identityLimit = identityOperationsPerMinute();
        double queryLimit = queriesPerMinute();
        if (identityTokens < 0 || queryTokens < 0) {
            identityTokens = identityLimit;
            queryTokens = queryLimit;
        } else {
            double minutes = (now - lastNanos) / 60e9;
            identityTokens = Math.min(identityLimit, identityTokens + minutes * identityLimit);
            queryTokens = Math.min(queryLimit, queryTokens + minutes * queryLimit);
        }
        lastNanos = now;
    }
}
