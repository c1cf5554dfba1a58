package io.jenkins.plugins.azure.iothub.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.azure.iothub.emulator.SharedAccessPolicy;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A service version that keeps a policy key sent absent: the renewal still ends with a new key, and says whose. */
class PolicyKeyOriginTest {
    private EngineFixture fx;

    @BeforeEach
    void start() {
        fx = new EngineFixture();
        fx.emulator.lro().pollsUntilDone(0);
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void whenAzureKeepsTheOldKeyTheEngineSetsOneItGenerated() {
        fx.hub.keepAbsentKeys(true);
        List<String> log = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                log.add(record.getLevel() + " " + record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(PolicyRenewal.class.getName());
        logger.addHandler(handler);
        logger.setUseParentHandlers(false); // the line is this test's to check, not the console's
        SharedAccessPolicy before = fx.hub.policy("registryReadWrite");
        PolicyKeyResult result;
        try {
            result = fx.client().renewPolicyKey(PolicyKeyRequest.of(EngineFixture.HUB, EngineFixture.RG,
                    "registryReadWrite", KeyType.SECONDARY));
        } finally {
            logger.removeHandler(handler);
            logger.setUseParentHandlers(true);
        }
        SharedAccessPolicy after = fx.hub.policy("registryReadWrite");
        assertNotEquals(before.secondaryKey(), after.secondaryKey());
        assertEquals(before.primaryKey(), after.primaryKey());
        assertEquals(after.secondaryKey(), result.key(KeySlot.SECONDARY).reveal());
        assertEquals(32, Base64.getDecoder().decode(after.secondaryKey()).length);
        assertEquals(KeyOrigin.ENGINE, result.keyOrigin());
        assertTrue(result.toString().contains("ENGINE"), result.toString());
        assertTrue(log.stream().anyMatch(line -> line.startsWith("INFO") && line.contains("kept the old key")
                && line.contains("generated the new key")), log.toString());
        assertEquals(10, fx.requests().size(), "two read-modify-writes: " + fx.describeRequests());
    }

    @Test
    void normallyAzureGeneratesTheKeyInFiveRequests() {
        PolicyKeyResult result = fx.client().renewPolicyKey(PolicyKeyRequest.of(EngineFixture.HUB, EngineFixture.RG,
                "service", KeyType.PRIMARY));
        assertEquals(KeyOrigin.AZURE, result.keyOrigin());
        assertEquals(5, fx.requests().size(), fx.describeRequests());
    }
}
