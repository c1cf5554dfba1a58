package io.jenkins.plugins.azure.iothub.jenkins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.netty.NettyAsyncHttpClientBuilder;
import hudson.util.FormValidation;
import hudson.util.Secret;
import io.jenkins.plugins.azure.iothub.EmulatorAzureCredentials;
import io.jenkins.plugins.azure.iothub.emulator.EmulatorTls;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;

/**
 * Test connection when Azure cannot be reached: a Microsoft Entra sign-in endpoint and a resource manager on a
 * closed local port (connection refused). The form waits for this answer. Every record logged anywhere (the root
 * logger) during the attempt is captured: the plugin logs one WARNING naming the cause, the Azure libraries nothing
 * at WARNING or above (before: azure-core's Netty client, RetryPolicy and token cache and azure-identity logged
 * each failure at SEVERE, about 21 lines per attempt). The transport is the Netty client azure-sdk's
 * HttpClientRetriever builds (jenkinsci/azure-sdk-plugin@284.vb_4128d6c7561:src/main/java/io/jenkins/plugins/azuresdk/
 * HttpClientRetriever.java: {@code new NettyAsyncHttpClientBuilder()...build()}, here without a proxy).
 */
class TestConnectionTest {

    private static final String SUBSCRIPTION = "00000000-0000-0000-0000-00000000b002";

    private final List<LogRecord> records = Collections.synchronizedList(new ArrayList<>());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                records.add(record);
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    /** What azure-sdk's HttpClientRetriever gives without a Jenkins proxy: azure-core's Netty client. */
    private static final Supplier<HttpClient> NETTY = () -> new NettyAsyncHttpClientBuilder().build();

    private String closed;
    private final Logger plugin = Logger.getLogger(AzureCredentialsAccess.class.getName());

    /**
     * Netty fixes its default trust when its first client starts: the emulator's certificate must be trusted before,
     * or the emulator tests that run later in this JVM cannot reach it.
     */
    @BeforeAll
    static void trustTheEmulatorBeforeNettyStarts() {
        EmulatorTls.installClientTrust();
    }

    @BeforeEach
    void setUp() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = "https://127.0.0.1:" + socket.getLocalPort() + "/";
        }
        Logger.getLogger("").addHandler(capture);
        // the plugin's warnings are what these tests expect: captured here, kept off the console
        plugin.setUseParentHandlers(false);
        plugin.addHandler(capture);
    }

    @AfterEach
    void tearDown() {
        Logger.getLogger("").removeHandler(capture);
        plugin.removeHandler(capture);
        plugin.setUseParentHandlers(true);
    }

    private FormValidation probe(TokenCredential token) {
        EmulatorAzureCredentials credential = new EmulatorAzureCredentials("sp", closed, SUBSCRIPTION, token);
        return AzureCredentialsAccess.probe(credential, "sp", "hub-away", null, null,
                AzureCredentialsAccess.TEST_CONNECTION_BUDGET, NETTY, host -> null);
    }

    /** The issue measured about 17 s against a real Jenkins with the former 60 s budget. */
    @Test
    void anUnreachableSignInAnswersWithinFiveSecondsAndThePluginLogsOneWarning() {
        // the sign-in the plugin builds for an Azure Service Principal; a custom authority is not checked against
        // login.microsoftonline.com, so the real Entra ID is never asked
        TokenCredential token = AzureSignIn.clientSecret("00000000-0000-0000-0000-0000000000aa",
                "00000000-0000-0000-0000-0000000000bb", "not-a-secret", closed,
                AzureSignIn.pipeline(NETTY.get()));

        assertUnreachableWithinFiveSecondsAndOneWarning(token);
    }

    /** The same for a service principal with a certificate (read, as CertificateSignInTest shows). */
    @Test
    void anUnreachableCertificateSignInAnswersWithinFiveSecondsAndThePluginLogsOneWarning(@TempDir Path folder)
            throws Exception {
        TokenCredential token = AzureSignIn.clientCertificate("00000000-0000-0000-0000-0000000000aa",
                "00000000-0000-0000-0000-0000000000bb", TestCertificates.keyStore(folder, "test-only-password"),
                Secret.fromString("test-only-password"), closed, AzureSignIn.pipeline(NETTY.get()));

        assertUnreachableWithinFiveSecondsAndOneWarning(token);
    }

    /**
     * Test connection with this sign-in answers within 5 s that Azure could not be reached, in the same words as for an
     * unreachable resource manager (not "check the credentials"), and logs one WARNING, the plugin's.
     */
    private void assertUnreachableWithinFiveSecondsAndOneWarning(TokenCredential token) {
        long start = System.nanoTime();
        FormValidation answer = probe(token);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertEquals(FormValidation.Kind.ERROR, answer.kind);
        assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "answered after " + took);
        assertTrue(answer.getMessage().contains("Azure could not be reached (connection failed: ConnectException)"),
                answer.getMessage());
        assertOnlyThePluginsWarning();
    }

    /** Exactly one record at WARNING or above, the plugin's, naming the cause; none from the Azure libraries. */
    private void assertOnlyThePluginsWarning() {
        try {
            Thread.sleep(500); // a library logging on its own threads would do so right after the failure
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<String> seen;
        synchronized (records) {
            seen = records.stream().map(r -> r.getLevel() + " " + r.getLoggerName() + ": " + r.getMessage()).toList();
        }
        assertEquals(1, seen.size(), () -> "records at WARNING or above: " + seen);
        assertTrue(seen.get(0).startsWith("WARNING " + AzureCredentialsAccess.class.getName()), seen.get(0));
    }

    /** The libraries' records of a plugin call are not lost: they go to the plugin's logger at FINE. */
    @Test
    void theLibrariesRecordsOfAFailedSignInGoToFine() {
        Logger demoted = Logger.getLogger(AzureLibraryLogs.class.getName());
        List<LogRecord> fine = Collections.synchronizedList(new ArrayList<>());
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                fine.add(record);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Level before = demoted.getLevel();
        demoted.setLevel(Level.FINE);
        demoted.setUseParentHandlers(false);
        demoted.addHandler(handler);
        try {
            probe(AzureSignIn.clientSecret("00000000-0000-0000-0000-0000000000aa",
                    "00000000-0000-0000-0000-0000000000bb", "not-a-secret", closed,
                    AzureSignIn.pipeline(NETTY.get())));
        } finally {
            demoted.removeHandler(handler);
            demoted.setUseParentHandlers(true);
            demoted.setLevel(before);
        }
        assertTrue(fine.stream().anyMatch(r -> r.getMessage().startsWith("com.azure.identity.ClientSecretCredential: ")),
                () -> fine.stream().map(LogRecord::getMessage).toList().toString());
    }

    @Test
    void anUnreachableResourceManagerAnswersWithinFiveSeconds() {
        assertUnreachableWithinFiveSecondsAndOneWarning(
                request -> Mono.just(new AccessToken("t", OffsetDateTime.now().plusHours(1))));
    }
}
