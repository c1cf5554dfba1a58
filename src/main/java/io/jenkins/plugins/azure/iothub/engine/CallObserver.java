package io.jenkins.plugins.azure.iothub.engine;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.util.Context;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;

/**
 * Sees every ARM request of one engine call (through {@link Policy}, placed last in the pipeline): counts them and
 * remembers what the LRO driver needs but the SDK does not expose, such as the Retry-After of the PUT response and
 * whether the last poll really got an answer. Records only status codes and one header, never bodies.
 */
final class CallObserver {
    static final String CONTEXT_KEY = "io.jenkins.plugins.azure.iothub.engine.CallObserver";

    private final AtomicInteger requests = new AtomicInteger();
    private volatile int lastStatus;
    private volatile Duration lastRetryAfter;
    private volatile Duration putRetryAfter;
    private volatile boolean putAnswered;

    Context context() {
        return new Context(CONTEXT_KEY, this);
    }

    int requests() {
        return requests.get();
    }

    /** HTTP status of the last response, 0 when the last request got none. */
    int lastStatus() {
        return lastStatus;
    }

    /** Retry-After of the last response, null if it had none. */
    Duration lastRetryAfter() {
        return lastRetryAfter;
    }

    /** Retry-After of the PUT response that started the hub update, null if it had none. */
    Duration putRetryAfter() {
        return putRetryAfter;
    }

    boolean putAnswered() {
        return putAnswered;
    }

    void resetPut() {
        putRetryAfter = null;
        putAnswered = false;
    }

    private void sent() {
        requests.incrementAndGet();
        lastStatus = 0;
        lastRetryAfter = null;
    }

    private void received(HttpMethod method, HttpResponse response) {
        lastStatus = response.getStatusCode();
        lastRetryAfter = Failure.parseRetryAfter(response.getHeaderValue(HttpHeaderName.RETRY_AFTER));
        if (method == HttpMethod.PUT) {
            putRetryAfter = lastRetryAfter;
            putAnswered = true;
        }
    }

    /** The pipeline policy that feeds observers found in the request context. */
    static final class Policy implements HttpPipelinePolicy {
        @Override
        public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
            CallObserver observer = find(context);
            if (observer == null) {
                return next.process();
            }
            HttpMethod method = context.getHttpRequest().getHttpMethod();
            observer.sent();
            return next.process().doOnNext(response -> observer.received(method, response));
        }

        @Override
        public HttpResponse processSync(HttpPipelineCallContext context, HttpPipelineNextSyncPolicy next) {
            CallObserver observer = find(context);
            if (observer == null) {
                return next.processSync();
            }
            HttpMethod method = context.getHttpRequest().getHttpMethod();
            observer.sent();
            HttpResponse response = next.processSync();
            observer.received(method, response);
            return response;
        }

        private static CallObserver find(HttpPipelineCallContext context) {
            Object value = context.getData(CONTEXT_KEY).orElse(null);
            return value instanceof CallObserver ? (CallObserver) value : null;
        }
    }
}
