package io.jenkins.plugins.azure.iothub.emulator;

import java.util.regex.Pattern;

/**
 * One programmed fault: the next {@link #times(int) N} requests matching method + raw path (a full-match regex on the
 * path as sent, without the query), after {@link #skip(int) skipping} the first K matches, get the fault. Configure
 * with the fluent methods, then choose the fault with one of the terminal methods. Rules are tried in the order they
 * were made; the first one that fires wins. {@link #fired()} tells how often it fired.
 */
public final class FaultRule {
    /** The kinds of faults. */
    public enum Kind { THROTTLE, BUSY, PRECONDITION_FAILED, SERVER_ERROR, UNAVAILABLE, DROP_CONNECTION, DELAY, LRO_FAILED,
        CONCURRENT_MODIFICATION }

    private final String method;
    private final Pattern path;
    private String hubName;
    private RecordedRequest.Plane plane;
    private int skip;
    private int remaining = 1;
    private int fired;
    private volatile Kind kind;
    private int retryAfterSeconds;
    private long delayMillis;
    private Runnable concurrentChange;

    FaultRule(String method, String rawPathRegex) {
        this.method = method;
        this.path = Pattern.compile(rawPathRegex);
    }

    /** Only requests to this hub's data plane (registry port). */
    public FaultRule atRegistryOf(SimulatedHub hub) {
        this.hubName = hub.name();
        this.plane = RecordedRequest.Plane.REGISTRY;
        return this;
    }

    /** Only ARM requests. */
    public FaultRule atArm() {
        this.plane = RecordedRequest.Plane.ARM;
        return this;
    }

    /** Let the first {@code matches} matching requests through untouched. */
    public synchronized FaultRule skip(int matches) {
        this.skip = matches;
        return this;
    }

    /** How many matching requests get the fault (default 1). */
    public synchronized FaultRule times(int count) {
        this.remaining = count;
        return this;
    }

    /** 429 with {@code Retry-After}. */
    public FaultRule throttle(int retryAfterSeconds) {
        this.retryAfterSeconds = retryAfterSeconds;
        return kind(Kind.THROTTLE);
    }

    /** 409: the hub is not in Active state (ARM IH409002 body; data-plane error body on the registry). */
    public FaultRule busy() {
        return kind(Kind.BUSY);
    }

    /** 412 precondition failed (no state change). */
    public FaultRule preconditionFailed() {
        return kind(Kind.PRECONDITION_FAILED);
    }

    /** 500 internal error. */
    public FaultRule serverError() {
        return kind(Kind.SERVER_ERROR);
    }

    /** 503 with {@code Retry-After}. */
    public FaultRule unavailable(int retryAfterSeconds) {
        this.retryAfterSeconds = retryAfterSeconds;
        return kind(Kind.UNAVAILABLE);
    }

    /** Close the connection without any answer. The request is not processed. */
    public FaultRule dropConnection() {
        return kind(Kind.DROP_CONNECTION);
    }

    /** Wait, then process the request normally. */
    public FaultRule delay(long millis) {
        this.delayMillis = millis;
        return kind(Kind.DELAY);
    }

    /** For a hub PUT: accept it normally, but its long-running operation ends {@code Failed} and changes nothing. */
    public FaultRule lroFailed() {
        return kind(Kind.LRO_FAILED);
    }

    /**
     * Another writer changes the target just before this request is processed: on an ARM hub path the hub's last
     * policy gets a new secondary key (new etag); on a registry device/module path that identity gets two new keys
     * (new etag). Then the request is processed normally.
     */
    public FaultRule concurrentModification() {
        return kind(Kind.CONCURRENT_MODIFICATION);
    }

    /** Like {@link #concurrentModification()} but runs the given change (e.g. on a {@link SimulatedHub}). */
    public FaultRule concurrentModification(Runnable change) {
        this.concurrentChange = change;
        return kind(Kind.CONCURRENT_MODIFICATION);
    }

    public synchronized int fired() {
        return fired;
    }

    public Kind kind() {
        return kind;
    }

    int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    long delayMillis() {
        return delayMillis;
    }

    Runnable concurrentChange() {
        return concurrentChange;
    }

    private FaultRule kind(Kind chosen) {
        this.kind = chosen;
        return this;
    }

    /** Decides (and counts) whether this rule fires for a request. */
    synchronized boolean fires(RecordedRequest request) {
        if (kind == null || remaining <= 0) {
            return false;
        }
        if (plane != null && plane != request.plane()) {
            return false;
        }
        if (hubName != null && !hubName.equals(request.hubName())) {
            return false;
        }
        if (!("*".equals(method) || method.equalsIgnoreCase(request.method()))
                || !path.matcher(request.rawPath()).matches()) {
            return false;
        }
        if (skip > 0) {
            skip--;
            return false;
        }
        remaining--;
        fired++;
        return true;
    }

    @Override
    public String toString() {
        return "FaultRule[" + method + " " + path + " " + kind + ", fired " + fired + "]";
    }
}
