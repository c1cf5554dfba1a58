package io.jenkins.plugins.azure.iothub.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * When the time budget ends the attempts, the error names the failure that kept them going, not "Azure is slow".
 * A 5 s budget with 0.5 s first back-off runs out the way a 60 s budget with the default 1 s back-off does, only
 * faster (attempts are capped by the budget, not by maxAttempts). A warm-up call first, so that class loading and
 * TLS set-up on a loaded machine do not use up the budget before the first failure is seen.
 */
class BudgetCauseTest {
    private EngineFixture fx;

    @BeforeEach
    void start() {
        fx = new EngineFixture();
        fx.hub.addDevice("d1");
        fx.client().checkPolicy(PolicyKeyRequest.of(EngineFixture.HUB, EngineFixture.RG, "service", KeyType.PRIMARY));
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    private IotHubKeyClient impatient() {
        return fx.builder().timeBudget(Duration.ofSeconds(5)).retryDelay(Duration.ofMillis(500)).maxAttempts(100)
                .build();
    }

    @Test
    void endlessStaleEtagsOnTheHubNameThe412() {
        fx.emulator.faults().on("PUT", ".*/IotHubs/" + EngineFixture.HUB).times(1000).preconditionFailed();
        IotHubKeyException e = assertThrows(IotHubKeyException.class, () -> impatient().renewPolicyKey(
                PolicyKeyRequest.of(EngineFixture.HUB, EngineFixture.RG, "service", KeyType.PRIMARY)));
        assertEquals(IotHubKeyException.Reason.CONCURRENT_CHANGE, e.reason());
        assertTrue(e.getMessage().contains("HTTP 412") && e.getMessage().contains("time budget of 5 s")
                && e.getMessage().contains("'service'"), e.getMessage());
    }

    @Test
    void endlessStaleEtagsOnADeviceNameThe412() {
        fx.emulator.faults().on("PUT", "/devices/d1").atRegistryOf(fx.hub).times(1000).preconditionFailed();
        IotHubKeyException e = assertThrows(IotHubKeyException.class, () -> impatient().renewIdentityKey(
                IdentityKeyRequest.device(EngineFixture.HUB, null, "d1", KeyType.PRIMARY, null)));
        assertEquals(IotHubKeyException.Reason.CONCURRENT_CHANGE, e.reason());
        assertTrue(e.getMessage().contains("HTTP 412") && e.getMessage().contains("'d1'"), e.getMessage());
    }

    @Test
    void endlesslyFailingHubUpdatesNameTheFailedOperation() {
        fx.emulator.faults().on("PUT", ".*/IotHubs/" + EngineFixture.HUB).times(1000).lroFailed();
        IotHubKeyException e = assertThrows(IotHubKeyException.class, () -> impatient().renewPolicyKey(
                PolicyKeyRequest.of(EngineFixture.HUB, EngineFixture.RG, "service", KeyType.PRIMARY)));
        assertTrue(e.getMessage().contains("LongRunningOperationFailed") && e.getMessage().contains("time budget"),
                e.getMessage());
    }
}
