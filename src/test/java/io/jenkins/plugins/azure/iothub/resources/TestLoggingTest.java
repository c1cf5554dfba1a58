package io.jenkins.plugins.azure.iothub.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jenkins.plugins.azure.iothub.TransportLogFilter;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.logging.ConsoleHandler;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** src/test/logging.properties: expected transport failures stay off the console, and nothing is lost. */
class TestLoggingTest {

    private final TransportLogFilter filter = new TransportLogFilter();

    @Test
    void theSdkPipelineAndReactorNettyStayOffTheConsole() {
        assertFalse(filter.isLoggable(record("com.azure.core.http.policy.RetryPolicy", Level.SEVERE)));
        assertFalse(filter.isLoggable(record("com.azure.core.implementation.AccessTokenCache", Level.SEVERE)));
        assertFalse(filter.isLoggable(record("com.azure.identity.ClientSecretCredential", Level.WARNING)));
        assertFalse(filter.isLoggable(record("reactor.netty.http.client.HttpClientConnect", Level.WARNING)));
    }

    @Test
    void everythingElseReachesTheConsole() {
        assertTrue(filter.isLoggable(record("io.jenkins.plugins.azure.iothub.KeyRenewalService", Level.WARNING)));
        assertTrue(filter.isLoggable(record("com.azure.resourcemanager.iothub.IotHubManager", Level.WARNING)));
        assertTrue(filter.isLoggable(record("com.azure.corefake", Level.WARNING)));
        assertTrue(filter.isLoggable(record("", Level.SEVERE)));
        assertTrue(filter.isLoggable(record(null, Level.SEVERE)));
    }

    @Test
    void whatTheConsoleUsedToShowGoesToAFileUnderTheBuildDirectory() throws IOException {
        Properties config = new Properties();
        try (Reader in = Files.newBufferedReader(configFile(), StandardCharsets.ISO_8859_1)) {
            config.load(in);
        }

        assertEquals(List.of("java.util.logging.FileHandler", "java.util.logging.ConsoleHandler"),
                List.of(config.getProperty("handlers").split("\\s*,\\s*")));
        // %t is java.io.tmpdir, which both builds set to <build directory>/tmp for Surefire
        assertTrue(config.getProperty("java.util.logging.FileHandler.pattern").startsWith("%t/"));
        assertEquals("INFO", config.getProperty("java.util.logging.FileHandler.level"));
        assertEquals(TransportLogFilter.class.getName(), config.getProperty("java.util.logging.ConsoleHandler.filter"));
        // tests such as PolicyRenewalTest count the records that reach INFO
        assertEquals("INFO", config.getProperty(".level"));
    }

    @Test
    void surefireStartsTheTestJvmWithThisConfiguration() {
        String configured = System.getProperty("java.util.logging.config.file");
        assumeTrue(configured != null, "not started by Surefire");

        assertEquals(configFile(), Path.of(configured).toAbsolutePath().normalize());
        List<Handler> handlers = List.of(Logger.getLogger("").getHandlers());
        assertTrue(handlers.stream().anyMatch(h -> h instanceof FileHandler), handlers::toString);
        assertTrue(handlers.stream().anyMatch(h -> h instanceof ConsoleHandler
                && h.getFilter() instanceof TransportLogFilter), handlers::toString);
    }

    private static Path configFile() {
        return SourceTree.root().resolve("src/test/logging.properties");
    }

    private static LogRecord record(String logger, Level level) {
        LogRecord record = new LogRecord(level, "message");
        record.setLoggerName(logger);
        return record;
    }
}
