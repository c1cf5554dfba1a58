package io.jenkins.plugins.azure.iothub.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.jenkins.plugins.azure.iothub.emulator.SharedAccessPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Many jobs renewing different policies of one hub at once: the etag protocol must not lose anyone's work. */
class ConcurrentRenewalTest {
    private static final int RENEWALS = 20;
    private EngineFixture fx;

    @BeforeEach
    void start() {
        fx = new EngineFixture();
        for (int i = 0; i < RENEWALS; i++) {
            fx.hub.addPolicy("job" + i, i % 3 == 0 ? "RegistryRead, RegistryWrite" : "ServiceConnect");
        }
        fx.emulator.lro().pollsUntilDone(0);
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void twentyConcurrentRenewalsAllLandAndReportTheFinalKeys() throws Exception {
        List<SharedAccessPolicy> before = fx.hub.policies();
        IotHubKeyClient client = fx.builder().maxAttempts(200).retryDelay(Duration.ofMillis(20))
                .timeBudget(Duration.ofSeconds(150)).build();
        ExecutorService pool = Executors.newFixedThreadPool(RENEWALS);
        CountDownLatch go = new CountDownLatch(1);
        Map<String, PolicyKeyResult> results = new ConcurrentHashMap<>();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < RENEWALS; i++) {
            String policy = "job" + i;
            KeyType type = i % 2 == 0 ? KeyType.PRIMARY : KeyType.SECONDARY;
            futures.add(pool.submit(() -> {
                go.await();
                results.put(policy, client.renewPolicyKey(PolicyKeyRequest.of(EngineFixture.HUB, EngineFixture.RG,
                        policy, type)));
                return null;
            }));
        }
        go.countDown();
        for (Future<?> future : futures) {
            future.get(170, TimeUnit.SECONDS);
        }
        pool.shutdown();

        List<SharedAccessPolicy> after = fx.hub.policies();
        assertEquals(names(before), names(after), "every policy present, in its order");
        for (int i = 0; i < RENEWALS; i++) {
            String name = "job" + i;
            SharedAccessPolicy was = before.stream().filter(p -> p.keyName().equals(name)).findFirst().orElseThrow();
            SharedAccessPolicy now = fx.hub.policy(name);
            PolicyKeyResult result = results.get(name);
            assertEquals(now.primaryKey(), result.key(KeySlot.PRIMARY).reveal(), name);
            assertEquals(now.secondaryKey(), result.key(KeySlot.SECONDARY).reveal(), name);
            if (i % 2 == 0) {
                assertNotEquals(was.primaryKey(), now.primaryKey(), name);
                assertEquals(was.secondaryKey(), now.secondaryKey(), name);
            } else {
                assertEquals(was.primaryKey(), now.primaryKey(), name);
                assertNotEquals(was.secondaryKey(), now.secondaryKey(), name);
            }
        }
        for (String untouched : List.of("iothubowner", "service", "device", "registryRead", "registryReadWrite")) {
            SharedAccessPolicy was = before.stream().filter(p -> p.keyName().equals(untouched)).findFirst()
                    .orElseThrow();
            assertEquals(was.primaryKey(), fx.hub.policy(untouched).primaryKey(), untouched);
            assertEquals(was.secondaryKey(), fx.hub.policy(untouched).secondaryKey(), untouched);
        }
    }

    private static List<String> names(List<SharedAccessPolicy> policies) {
        return policies.stream().map(SharedAccessPolicy::keyName).collect(Collectors.toList());
    }
}
