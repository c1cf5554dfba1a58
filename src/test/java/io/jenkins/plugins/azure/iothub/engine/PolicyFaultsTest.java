package io.jenkins.plugins.azure.iothub.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.azure.iothub.emulator.SharedAccessPolicy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every ARM fault ends in a correct renewal or in one actionable error that names hub and policy. */
class PolicyFaultsTest {
    private static final String HUB_PATH = ".*/IotHubs/" + EngineFixture.HUB;
    private static final String LISTKEYS = HUB_PATH + "/listkeys";
    private static final String READ_BACK = HUB_PATH + "/IotHubKeys/.*/listkeys";
    private static final String OPERATION = ".*/operationResults/.*";

    private EngineFixture fx;

    @BeforeEach
    void start() {
        fx = new EngineFixture();
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    private PolicyKeyRequest renewService() {
        return PolicyKeyRequest.of(EngineFixture.HUB, EngineFixture.RG, "service", KeyType.PRIMARY);
    }

    /** The renewal reported what Azure now holds, and the key really changed. */
    private void assertRenewed(SharedAccessPolicy before, PolicyKeyResult result) {
        SharedAccessPolicy after = fx.hub.policy("service");
        assertNotEquals(before.primaryKey(), after.primaryKey());
        assertEquals(before.secondaryKey(), after.secondaryKey());
        assertEquals(after.primaryKey(), result.key(KeySlot.PRIMARY).reveal());
    }

    private static void assertNamesHubAndPolicy(IotHubKeyException e) {
        assertTrue(e.getMessage().contains("'" + EngineFixture.HUB + "'") && e.getMessage().contains("'service'"),
                e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }

    @Test
    void throttledPutIsRetriedAfterItsRetryAfter() {
        SharedAccessPolicy before = fx.hub.policy("service");
        fx.emulator.faults().on("PUT", HUB_PATH).throttle(1);
        long start = System.nanoTime();
        PolicyKeyResult result = fx.client().renewPolicyKey(renewService());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() >= 1000, "Retry-After: 1 honoured");
        assertRenewed(before, result);
        assertEquals(2, fx.emulator.requests().count("PUT", HUB_PATH), fx.describeRequests());
    }

    @Test
    void busyHubIsRetried() {
        SharedAccessPolicy before = fx.hub.policy("service");
        fx.emulator.faults().on("PUT", HUB_PATH).times(2).busy();
        assertRenewed(before, fx.client().renewPolicyKey(renewService()));
        assertEquals(3, fx.emulator.requests().count("PUT", HUB_PATH));
    }

    @Test
    void staleEtagMakesTheEngineReadEverythingAgain() {
        SharedAccessPolicy before = fx.hub.policy("service");
        fx.emulator.faults().on("PUT", HUB_PATH).preconditionFailed();
        assertRenewed(before, fx.client().renewPolicyKey(renewService()));
        assertEquals(2, fx.emulator.requests().count("GET", HUB_PATH));
        assertEquals(2, fx.emulator.requests().count("POST", LISTKEYS));
    }

    @Test
    void serverErrorsOnReadsAreRetried() {
        SharedAccessPolicy before = fx.hub.policy("service");
        fx.emulator.faults().on("GET", HUB_PATH).serverError();
        fx.emulator.faults().on("POST", LISTKEYS).unavailable(0);
        fx.emulator.faults().on("POST", READ_BACK).serverError();
        assertRenewed(before, fx.client().renewPolicyKey(renewService()));
    }

    @Test
    void theSdkDoesNotRetryBehindTheEnginesBack() {
        fx.emulator.faults().on("GET", HUB_PATH).times(5).unavailable(0);
        IotHubKeyException e = assertThrows(IotHubKeyException.class,
                () -> fx.builder().maxAttempts(2).build().renewPolicyKey(renewService()));
        assertEquals(IotHubKeyException.Reason.SERVICE_ERROR, e.reason());
        assertNamesHubAndPolicy(e);
        assertEquals(2, fx.emulator.requests().count("GET", HUB_PATH), "one request per engine attempt");
    }

    @Test
    void droppedConnectionOnPutIsRetried() {
        SharedAccessPolicy before = fx.hub.policy("service");
        fx.emulator.faults().on("PUT", HUB_PATH).dropConnection();
        assertRenewed(before, fx.client().renewPolicyKey(renewService()));
    }

    @Test
    void unansweredStatusPollsAreAskedAgain() {
        SharedAccessPolicy before = fx.hub.policy("service");
        io.jenkins.plugins.azure.iothub.emulator.FaultRule drop =
                fx.emulator.faults().on("GET", OPERATION).times(3).dropConnection();
        PolicyKeyResult result = fx.client().renewPolicyKey(renewService());
        assertRenewed(before, result);
        assertTrue(drop.fired() >= 1, fx.describeRequests());
        assertEquals(1, fx.emulator.requests().count("PUT", HUB_PATH), "no second update");
    }

    @Test
    void lostOperationStatusIsSettledByReadingTheHubAgain() {
        SharedAccessPolicy before = fx.hub.policy("service");
        fx.emulator.lro().autoCompleteAfter(Duration.ofMillis(300));
        io.jenkins.plugins.azure.iothub.emulator.FaultRule drop =
                fx.emulator.faults().on("GET", OPERATION).times(100).dropConnection();
        PolicyKeyResult result = fx.builder().maxAttempts(4).retryDelay(Duration.ofMillis(100)).build()
                .renewPolicyKey(renewService());
        assertRenewed(before, result);
        assertTrue(drop.fired() >= 3, fx.describeRequests());
        assertEquals("service", result.policyName());
    }

    @Test
    void throttledStatusPollIsSettledAfterItsRetryAfter() {
        SharedAccessPolicy before = fx.hub.policy("service");
        fx.emulator.lro().autoCompleteAfter(Duration.ofMillis(300));
        fx.emulator.faults().on("GET", OPERATION).throttle(1);
        long start = System.nanoTime();
        assertRenewed(before, fx.client().renewPolicyKey(renewService()));
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() >= 1000, "Retry-After of the poll honoured");
    }

    @Test
    void failedOperationIsRetried() {
        SharedAccessPolicy before = fx.hub.policy("service");
        fx.emulator.faults().on("PUT", HUB_PATH).lroFailed();
        assertRenewed(before, fx.client().renewPolicyKey(renewService()));
        assertEquals(2, fx.emulator.requests().count("PUT", HUB_PATH));
    }

    @Test
    void operationThatAlwaysFailsEndsInOneActionableError() {
        SharedAccessPolicy before = fx.hub.policy("service");
        fx.emulator.faults().on("PUT", HUB_PATH).times(100).lroFailed();
        IotHubKeyException e = assertThrows(IotHubKeyException.class,
                () -> fx.builder().maxAttempts(3).build().renewPolicyKey(renewService()));
        assertEquals(IotHubKeyException.Reason.SERVICE_ERROR, e.reason());
        assertNamesHubAndPolicy(e);
        assertFalse(e.keyMayHaveChanged(), "Azure said the update failed");
        assertEquals(before.primaryKey(), fx.hub.policy("service").primaryKey());
    }

    @Test
    void endlessThrottlingIsReportedAsThrottled() {
        fx.emulator.faults().on("PUT", HUB_PATH).times(100).throttle(0);
        IotHubKeyException e = assertThrows(IotHubKeyException.class,
                () -> fx.builder().maxAttempts(3).build().renewPolicyKey(renewService()));
        assertEquals(IotHubKeyException.Reason.THROTTLED, e.reason());
        assertNamesHubAndPolicy(e);
        assertFalse(e.keyMayHaveChanged());
        assertTrue(e.getMessage().contains("3 attempts"), e.getMessage());
    }

    @Test
    void endlessBusyHubIsReportedAsConflict() {
        fx.emulator.faults().on("PUT", HUB_PATH).times(100).busy();
        IotHubKeyException e = assertThrows(IotHubKeyException.class,
                () -> fx.builder().maxAttempts(3).build().renewPolicyKey(renewService()));
        assertEquals(IotHubKeyException.Reason.CONFLICT, e.reason());
        assertNamesHubAndPolicy(e);
    }

    @Test
    void endlessStaleEtagsAreReportedAsConcurrentChange() {
        fx.emulator.faults().on("PUT", HUB_PATH).times(100).preconditionFailed();
        IotHubKeyException e = assertThrows(IotHubKeyException.class,
                () -> fx.builder().maxAttempts(3).build().renewPolicyKey(renewService()));
        assertEquals(IotHubKeyException.Reason.CONCURRENT_CHANGE, e.reason());
        assertNamesHubAndPolicy(e);
    }

    @Test
    void retryAfterLongerThanTheBudgetFailsAtOnce() {
        fx.emulator.faults().on("PUT", HUB_PATH).throttle(60);
        long start = System.nanoTime();
        IotHubKeyException e = assertThrows(IotHubKeyException.class,
                () -> fx.builder().timeBudget(Duration.ofSeconds(30)).build().renewPolicyKey(renewService()));
        // neither the 60 s Retry-After nor the 30 s budget was waited for
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 10_000, fx.describeRequests());
        assertEquals(IotHubKeyException.Reason.THROTTLED, e.reason());
        assertNamesHubAndPolicy(e);
    }

    @Test
    void slowReadsEndInATimeoutWithinTheBudget() {
        fx.emulator.faults().on("GET", HUB_PATH).delay(5000);
        long start = System.nanoTime();
        IotHubKeyException e = assertThrows(IotHubKeyException.class,
                () -> fx.builder().timeBudget(Duration.ofSeconds(1)).build().renewPolicyKey(renewService()));
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 2500);
        assertEquals(IotHubKeyException.Reason.TIMEOUT, e.reason());
        assertNamesHubAndPolicy(e);
        assertFalse(e.keyMayHaveChanged());
    }

    @Test
    void slowUpdateEndsInATimeoutThatSaysTheKeyMayHaveChanged() {
        fx.emulator.faults().on("PUT", HUB_PATH).delay(5000);
        IotHubKeyException e = assertThrows(IotHubKeyException.class,
                () -> fx.builder().timeBudget(Duration.ofSeconds(1)).build().renewPolicyKey(renewService()));
        assertEquals(IotHubKeyException.Reason.TIMEOUT, e.reason());
        assertTrue(e.keyMayHaveChanged());
        assertNamesHubAndPolicy(e);
    }

    @Test
    void failingReadBackSaysTheKeyMayHaveChanged() {
        fx.emulator.faults().on("POST", READ_BACK).times(100).serverError();
        IotHubKeyException e = assertThrows(IotHubKeyException.class,
                () -> fx.builder().maxAttempts(2).build().renewPolicyKey(renewService()));
        assertTrue(e.keyMayHaveChanged());
        assertTrue(e.getMessage().contains("'service'") && e.getMessage().contains(EngineFixture.HUB), e.getMessage());
    }

    @Test
    void concurrentChangeBeforeThePutIsKeptNotOverwritten() {
        SharedAccessPolicy before = fx.hub.policy("service");
        List<SharedAccessPolicy> policies = fx.hub.policies();
        SharedAccessPolicy last = policies.get(policies.size() - 1);
        fx.emulator.faults().on("PUT", HUB_PATH).concurrentModification();
        assertRenewed(before, fx.client().renewPolicyKey(renewService()));
        SharedAccessPolicy lastAfter = fx.hub.policy(last.keyName());
        assertNotEquals(last.secondaryKey(), lastAfter.secondaryKey(), "the other writer's change survived");
        assertEquals(last.primaryKey(), lastAfter.primaryKey());
    }

    @Test
    void swapRacingAnotherWriterOfTheSamePolicySwapsWhatIsThereNow() {
        String otherPrimary = fx.hub.policy("registryRead").primaryKey();
        String otherSecondary = fx.hub.policy("registryRead").secondaryKey();
        fx.emulator.faults().on("PUT", HUB_PATH).concurrentModification(
                () -> fx.hub.setPolicyKeys("service", otherPrimary, otherSecondary));
        PolicyKeyResult result = fx.client().renewPolicyKey(PolicyKeyRequest.of(EngineFixture.HUB, EngineFixture.RG,
                "service", KeyType.SWAP));
        assertEquals(otherSecondary, fx.hub.policy("service").primaryKey());
        assertEquals(otherPrimary, fx.hub.policy("service").secondaryKey());
        assertEquals(otherSecondary, result.key(KeySlot.PRIMARY).reveal());
        assertEquals(2, fx.emulator.requests().count("PUT", HUB_PATH), "first PUT refused with 412");
    }

    @Test
    void updateWaitHonoursRetryAfterInsteadOfTheSdkDefault() {
        IotHubKeyClient client = fx.builder().pollInterval(Duration.ofSeconds(20)).build();
        client.findHub(EngineFixture.HUB, EngineFixture.RG); // warm up, so only waiting is measured
        fx.emulator.lro().retryAfterSeconds(1).pollsUntilDone(1);
        long start = System.nanoTime();
        client.renewPolicyKey(renewService());
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        // 1 s before the first poll (Retry-After of the 201), 1 s after the Running answer, then done
        assertTrue(millis >= 2000 && millis < 3000 + 1000, "took " + millis + " ms");
    }

    @Test
    void interruptStopsTheWaitPromptly() throws Exception {
        fx.emulator.lro().retryAfterSeconds(10);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Boolean> flag = new AtomicReference<>();
        IotHubKeyClient client = fx.client();
        Thread worker = new Thread(() -> {
            try {
                client.renewPolicyKey(renewService());
            } catch (Throwable t) {
                thrown.set(t);
                flag.set(Thread.currentThread().isInterrupted());
            }
        });
        worker.start();
        while (fx.emulator.requests().count("PUT", HUB_PATH) == 0 && worker.isAlive()) {
            Thread.sleep(10);
        }
        Thread.sleep(200);
        long start = System.nanoTime();
        worker.interrupt();
        worker.join(5000);
        assertFalse(worker.isAlive());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 1000);
        IotHubKeyException e = (IotHubKeyException) thrown.get();
        assertEquals(IotHubKeyException.Reason.INTERRUPTED, e.reason());
        assertTrue(e.keyMayHaveChanged(), "the update was already sent");
        assertTrue(flag.get(), "interrupt flag is set again");
        assertNamesHubAndPolicy(e);
    }
}
