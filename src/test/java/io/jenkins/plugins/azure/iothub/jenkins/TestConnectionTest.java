package io.jenkins.plugins.azure.iothub.jenkins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.identity.ClientSecretCredentialBuilder;
import hudson.util.FormValidation;
import io.jenkins.plugins.azure.iothub.EmulatorAzureCredentials;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * Test connection when Azure cannot be reached: a Microsoft Entra sign-in endpoint and a resource manager on a
 * closed local port (connection refused). The form waits for this answer. The plugin logs one WARNING per failed
 * attempt; what the Azure libraries log on their own threads is not limited yet (azure-core's HTTP client and
 * RetryPolicy log each failed sign-in request at SEVERE, see docs/troubleshooting.md).
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
    private String closed;
    private final Logger plugin = Logger.getLogger(AzureCredentialsAccess.class.getName());

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
                AzureCredentialsAccess.TEST_CONNECTION_BUDGET, () -> null, host -> null);
    }

    /** The issue measured about 17 s against a real Jenkins with the former 60 s budget. */
    @Test
    void anUnreachableSignInAnswersWithinFiveSecondsAndThePluginLogsOneWarning() {
        TokenCredential token = new ClientSecretCredentialBuilder().tenantId("00000000-0000-0000-0000-0000000000aa")
                .clientId("00000000-0000-0000-0000-0000000000bb").clientSecret("not-a-secret")
                .authorityHost(closed).disableInstanceDiscovery().build(); // never asks the real Entra ID

        long start = System.nanoTime();
        FormValidation answer = probe(token);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertEquals(FormValidation.Kind.ERROR, answer.kind);
        assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "answered after " + took);
        assertTrue(answer.getMessage().startsWith("Looking up IoT hub &#039;hub-away&#039; did not finish within the"
                + " time budget of 4 s; Azure is slow or unreachable."), answer.getMessage());
        assertEquals(1, pluginWarnings(), "one WARNING line naming the cause");
    }

    private long pluginWarnings() {
        synchronized (records) {
            return records.stream().filter(r -> r.getLoggerName().equals(AzureCredentialsAccess.class.getName()))
                    .count();
        }
    }

    @Test
    void anUnreachableResourceManagerAnswersWithinFiveSeconds() {
        long start = System.nanoTime();
        FormValidation answer = probe(request -> Mono.just(new AccessToken("t", OffsetDateTime.now().plusHours(1))));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertEquals(FormValidation.Kind.ERROR, answer.kind);
        assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "answered after " + took);
        assertTrue(answer.getMessage().contains("Azure could not be reached (connection failed: ConnectException)"),
                answer.getMessage());
        assertEquals(1, pluginWarnings(), "one WARNING line naming the cause");
    }
}
