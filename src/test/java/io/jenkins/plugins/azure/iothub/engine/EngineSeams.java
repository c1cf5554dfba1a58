package io.jenkins.plugins.azure.iothub.engine;

import com.azure.core.http.policy.RetryStrategy;

/**
 * Test-side door to package-private engine pieces that code outside the engine package reuses instead of copying
 * (the benchmark's bare-SDK baseline). Not part of the engine's public API: it lives in test code.
 */
public final class EngineSeams {
    private EngineSeams() {
    }

    /** The retry strategy the engine gives its ARM pipeline: the pipeline itself never retries. */
    public static RetryStrategy noRetries() {
        return new ArmGateway.NoRetries();
    }

    /** A new device or module key made the way the engine makes them. */
    public static String newIdentityKey() {
        return KeyGenerator.newKey();
    }
}
