package io.jenkins.plugins.azure.iothub.engine;

import java.util.concurrent.atomic.AtomicInteger;

/** Counts the HTTP requests of one engine call (both planes), for the FINE log line and the benchmark. */
final class CallObserver {
    private final AtomicInteger requests = new AtomicInteger();

    int requests() {
        return requests.get();
    }

    void sent() {
        requests.incrementAndGet();
    }
}
