package io.jenkins.plugins.azure.iothub.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.jenkins.plugins.azure.iothub.emulator.SharedAccessPolicy;
import io.jenkins.plugins.azure.iothub.emulator.SimulatedIdentity;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs renewals, verifications and failures with every logger at ALL (SLF4J output reaches java.util.logging when a
 * binding such as slf4j-jdk14 is on the test classpath) and stdout/stderr captured, then scans everything captured
 * and every exception message (whole cause chains) for any key that existed during the test.
 */
class SecretLeakTest {
    private static final List<String> LOGGERS = List.of("", "io.jenkins", "com.azure", "com.microsoft", "reactor",
            "io.netty");

    private EngineFixture fx;
    private final List<String> captured = new ArrayList<>();
    private final Set<String> secrets = new LinkedHashSet<>();
    private final List<Throwable> errors = new ArrayList<>();
    private final Map<String, Level> oldLevels = new HashMap<>();
    private Handler handler;
    private PrintStream oldOut;
    private PrintStream oldErr;
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @BeforeEach
    void start() {
        fx = new EngineFixture();
        fx.hub.addDevice("d1");
        fx.hub.addModule("d1", "m1");
        fx.hub.addX509Device("x1");
        SimpleFormatter formatter = new SimpleFormatter();
        handler = new Handler() {
            @Override
            public synchronized void publish(LogRecord record) {
                captured.add(formatter.format(record));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        handler.setLevel(Level.ALL);
        for (String name : LOGGERS) {
            Logger logger = Logger.getLogger(name);
            oldLevels.put(name, logger.getLevel());
            logger.setLevel(Level.ALL);
        }
        Logger.getLogger("").addHandler(handler);
        oldOut = System.out;
        oldErr = System.err;
        System.setOut(new PrintStream(tee(oldOut), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(tee(oldErr), true, StandardCharsets.UTF_8));
    }

    private OutputStream tee(OutputStream original) {
        return new OutputStream() {
            @Override
            public void write(int b) {
                synchronized (console) {
                    console.write(b);
                }
            }

            @Override
            public void write(byte[] bytes, int off, int len) {
                synchronized (console) {
                    console.write(bytes, off, len);
                }
            }
        };
    }

    @AfterEach
    void stop() {
        System.setOut(oldOut);
        System.setErr(oldErr);
        Logger.getLogger("").removeHandler(handler);
        oldLevels.forEach((name, level) -> Logger.getLogger(name).setLevel(level));
        fx.close();
    }

    private void rememberKeys() {
        for (SharedAccessPolicy policy : fx.hub.policies()) {
            secrets.add(policy.primaryKey());
            secrets.add(policy.secondaryKey());
        }
        for (SimulatedIdentity identity : List.of(fx.hub.device("d1"), fx.hub.module("d1", "m1"))) {
            secrets.add(identity.primaryKey());
            secrets.add(identity.secondaryKey());
        }
    }

    private void expectFailure(Runnable action) {
        try {
            action.run();
            fail("expected a failure");
        } catch (IotHubKeyException e) {
            errors.add(e);
        }
    }

    @Test
    void noKeyMaterialInLogsConsoleOrExceptionMessages() {
        rememberKeys();
        IotHubKeyClient client = fx.client();
        IotHubKeyClient impatient = fx.builder().maxAttempts(2).timeBudget(Duration.ofSeconds(5)).build();
        String hub = EngineFixture.HUB;

        PolicyKeyResult primary = client.renewPolicyKey(PolicyKeyRequest.of(hub, EngineFixture.RG, "registryReadWrite",
                KeyType.PRIMARY));
        rememberKeys();
        client.verifyPolicyKey(primary, KeySlot.PRIMARY);
        client.renewPolicyKey(PolicyKeyRequest.of(hub, null, "iothubowner", KeyType.SWAP));
        IdentityKeyResult device = client.renewIdentityKey(IdentityKeyRequest.device(hub, null, "d1", KeyType.BOTH,
                DataPlaneAuth.KEY));
        rememberKeys();
        client.verifyIdentityKey(device, KeySlot.SECONDARY);
        client.renewIdentityKey(IdentityKeyRequest.module(hub, null, "d1", "m1", KeyType.PRIMARY, DataPlaneAuth.LOGIN));
        rememberKeys();

        fx.emulator.faults().on("PUT", ".*/IotHubs/" + hub).throttle(0);
        fx.emulator.faults().on("PUT", ".*/IotHubs/" + hub).dropConnection();
        fx.emulator.faults().on("PUT", ".*/IotHubs/" + hub).lroFailed();
        fx.emulator.faults().on("PUT", ".*/IotHubs/" + hub).concurrentModification();
        client.renewPolicyKey(PolicyKeyRequest.of(hub, EngineFixture.RG, "service", KeyType.SECONDARY));
        rememberKeys();
        fx.emulator.faults().on("GET", "/devices/d1").atRegistryOf(fx.hub).skip(1).concurrentModification();
        expectFailure(() -> client.renewIdentityKey(IdentityKeyRequest.device(hub, null, "d1", KeyType.PRIMARY,
                null)));
        rememberKeys();
        fx.emulator.faults().on("POST", ".*/IotHubKeys/.*/listkeys").times(10).serverError();
        expectFailure(() -> impatient.renewPolicyKey(PolicyKeyRequest.of(hub, EngineFixture.RG, "device",
                KeyType.PRIMARY)));
        rememberKeys();
        expectFailure(() -> client.renewIdentityKey(IdentityKeyRequest.device(hub, null, "x1", KeyType.PRIMARY,
                null)));
        expectFailure(() -> client.renewPolicyKey(PolicyKeyRequest.of(hub, null, "missing", KeyType.PRIMARY)));
        fx.emulator.faults().clear();
        client.renewPolicyKey(PolicyKeyRequest.of(hub, EngineFixture.RG, "registryReadWrite", KeyType.PRIMARY));
        expectFailure(() -> client.verifyPolicyKey(primary, KeySlot.PRIMARY));
        rememberKeys();
        secrets.add(primary.key(KeySlot.PRIMARY).reveal());

        assertTrue(secrets.size() > 20, "collected " + secrets.size() + " keys");
        assertFalse(captured.isEmpty(), "the engine's FINE logging was captured");
        List<String> texts = new ArrayList<>(captured);
        texts.add(console.toString(StandardCharsets.UTF_8));
        for (Throwable error : errors) {
            for (Throwable t = error; t != null; t = t.getCause()) {
                texts.add(String.valueOf(t.getMessage()));
                texts.add(t.toString());
            }
        }
        for (String text : texts) {
            for (String secret : secrets) {
                if (secret != null && text.contains(secret)) {
                    fail("key material found in: " + text.replace(secret, "<KEY>"));
                }
            }
            // The JDK's own HttpURLConnection logger dumps request headers at FINE, SAS Authorization included; that
            // is outside the engine's control (documented in docs/architecture.md). Everything else must not.
            if (!text.contains("sun.net.www.protocol.http.HttpURLConnection")) {
                assertFalse(text.contains("sig="), "SAS signature in: " + text);
            }
        }
    }
}
