package io.jenkins.plugins.azure.iothub.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Every request the emulator received, in arrival order, on both planes. Thread safe. */
public final class RequestLog {
    private final List<RecordedRequest> requests = new ArrayList<>();

    synchronized void add(RecordedRequest request) {
        requests.add(request);
    }

    /** A snapshot of all recorded requests. */
    public synchronized List<RecordedRequest> all() {
        return new ArrayList<>(requests);
    }

    /** Requests whose method equals {@code method} (or any, for "*") and whose raw path fully matches the regex. */
    public List<RecordedRequest> matching(String method, String rawPathRegex) {
        Pattern pattern = Pattern.compile(rawPathRegex);
        return all().stream()
                .filter(r -> "*".equals(method) || r.method().equalsIgnoreCase(method))
                .filter(r -> pattern.matcher(r.rawPath()).matches())
                .collect(Collectors.toList());
    }

    public int count(String method, String rawPathRegex) {
        return matching(method, rawPathRegex).size();
    }

    /** Total emulator-side handling time of all answered requests (for benchmarks). */
    public java.time.Duration totalHandlingTime() {
        return all().stream().map(RecordedRequest::handlingTime).filter(java.util.Objects::nonNull)
                .reduce(java.time.Duration.ZERO, java.time.Duration::plus);
    }

    public synchronized int size() {
        return requests.size();
    }

    public synchronized void clear() {
        requests.clear();
    }

    /** One safe line per request (no secrets), for failure messages. */
    public String describe() {
        return all().stream().map(RecordedRequest::toString).collect(Collectors.joining("\n"));
    }
}
