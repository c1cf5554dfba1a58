package io.jenkins.plugins.azure.iothub.jenkins;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

/** Only the plugin's own calls are quiet: another plugin's Azure calls still log as the libraries decide. */
class AzureLibraryLogsTest {

    private static final String IDENTITY = "com.azure.identity.ClientSecretCredential";

    private final List<String> seen = Collections.synchronizedList(new ArrayList<>());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                seen.add(record.getLoggerName() + " " + record.getMessage());
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    private final Logger identity = Logger.getLogger(IDENTITY);

    @BeforeEach
    void setUp() {
        identity.setUseParentHandlers(false); // the records these tests log stay off the console
        identity.addHandler(capture);
    }

    @AfterEach
    void tearDown() {
        identity.removeHandler(capture);
        identity.setUseParentHandlers(true);
    }

    @Test
    void aRecordOfAPluginCallIsKeptOutAndOthersGoThrough() throws Exception {
        AzureLibraryLogs.quietly(() -> {
            identity.severe("during a plugin call");
            return null;
        });
        identity.severe("another plugin's call");

        assertEquals(List.of(IDENTITY + " another plugin's call"), seen);
    }

    @Test
    void theEnginesIoThreadsRunOnlyPluginCalls() throws Exception {
        AzureLibraryLogs.quietly(() -> null); // installs the filters
        Thread engine = new Thread(() -> identity.severe("on an engine thread"),
                AzureLibraryLogs.ENGINE_THREADS + "test");
        Thread other = new Thread(() -> identity.severe("on another thread"), "reactor-http-nio-1");
        engine.start();
        engine.join();
        other.start();
        other.join();

        assertEquals(List.of(IDENTITY + " on another thread"), seen);
    }
}
