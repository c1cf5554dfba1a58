package io.jenkins.plugins.azure.iothub.emulator;

/**
 * One request as the emulator received it. The in-memory record keeps the full {@code Authorization} header and body
 * so tests can assert on them; {@link #toString()} prints only safe facts (never a signature, token or key).
 */
public final class RecordedRequest {
    /** Which API the request reached. */
    public enum Plane { ARM, REGISTRY }

    private final Plane plane;
    private final String hubName;
    private final String method;
    private final String rawPath;
    private final String rawQuery;
    private final String ifMatch;
    private final String authorization;
    private final String body;
    private final java.util.Map<String, String> headers;
    private volatile int status;
    private final long receivedNanos = System.nanoTime();
    private volatile long handlingNanos = -1;

    RecordedRequest(Plane plane, String hubName, String method, String rawPath, String rawQuery, String ifMatch,
            String authorization, String body, java.util.Map<String, String> headers) {
        this.plane = plane;
        this.hubName = hubName;
        this.method = method;
        this.rawPath = rawPath;
        this.rawQuery = rawQuery;
        this.ifMatch = ifMatch;
        this.authorization = authorization;
        this.body = body;
        this.headers = java.util.Collections.unmodifiableMap(headers);
    }

    public Plane plane() {
        return plane;
    }

    /** For registry requests: the hub whose data-plane port was hit; null for ARM. */
    public String hubName() {
        return hubName;
    }

    public String method() {
        return method;
    }

    /** The path exactly as sent on the request line, percent-escapes included, without the query. */
    public String rawPath() {
        return rawPath;
    }

    /** The raw query string, or null. */
    public String rawQuery() {
        return rawQuery;
    }

    public String ifMatch() {
        return ifMatch;
    }

    /** The full Authorization header (secret material: assert on it, never print it). */
    public String authorization() {
        return authorization;
    }

    /** The first word of the Authorization header ({@code Bearer}, {@code SharedAccessSignature}), or null. */
    public String authScheme() {
        if (authorization == null || authorization.isBlank()) {
            return null;
        }
        int space = authorization.indexOf(' ');
        return space < 0 ? "(unknown)" : authorization.substring(0, space);
    }

    /**
     * A request header by case-insensitive name (first value), e.g. {@code User-Agent}; may be secret material
     * (Authorization), so assert on it and never print it.
     */
    public String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    /** The request body as text (may hold keys: never print it). */
    public String body() {
        return body;
    }

    /** The status answered, or -1 while in progress or when the connection was dropped without an answer. */
    public int status() {
        return status;
    }

    void status(int value) {
        this.status = value;
    }

    /**
     * Time the emulator spent on this request, from reading it to starting the answer (including injected delays;
     * without writing the answer's bytes); null while in progress. Lets benchmarks separate server time from client time.
     */
    public java.time.Duration handlingTime() {
        long nanos = handlingNanos;
        return nanos < 0 ? null : java.time.Duration.ofNanos(nanos);
    }

    void answered() {
        this.handlingNanos = System.nanoTime() - receivedNanos;
    }

    @Override
    public String toString() {
        return plane + (hubName == null ? "" : "[" + hubName + "]") + " " + method + " " + rawPath
                + (rawQuery == null ? "" : "?" + rawQuery)
                + (ifMatch == null ? "" : " If-Match=" + ifMatch)
                + (authScheme() == null ? "" : " auth=" + authScheme())
                + " -> " + status;
    }
}
