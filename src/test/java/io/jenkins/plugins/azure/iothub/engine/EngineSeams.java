package io.jenkins.plugins.azure.iothub.engine;

import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.RetryStrategy;
import java.time.Duration;

/**
 * Test-side door to package-private engine pieces that code outside the engine package reuses instead of copying
 * (the benchmark's bare-SDK baseline). Not part of the engine's public API: it lives in test code.
 */
public final class EngineSeams {
    private EngineSeams() {
    }

    /** A pipeline retry strategy that never retries, like the engine's pipelines (which have no retry policy). */
    public static RetryStrategy noRetries() {
        return new RetryStrategy() {
            @Override
            public int getMaxRetries() {
                return 1; // 0 makes azure-core log "Retry attempts have been exhausted" at INFO per response
            }

            @Override
            public Duration calculateRetryDelay(int retryAttempts) {
                return Duration.ZERO;
            }

            @Override
            public boolean shouldRetry(HttpResponse httpResponse) {
                return false;
            }

            @Override
            public boolean shouldRetryException(Throwable throwable) {
                return false;
            }
        };
    }

    /** A new device or module key made the way the engine makes them. */
    public static String newIdentityKey() {
        return KeyGenerator.newKey();
    }
}
