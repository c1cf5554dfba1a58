package io.jenkins.plugins.azure.iothub.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An administrator may set {@code AZURE_HTTP_LOG_DETAIL_LEVEL=BODY_AND_HEADERS} to debug another plugin. azure-core
 * reads it once per JVM, so a child JVM runs the renewals with it in its environment (and AZURE_LOG_LEVEL=verbose);
 * its whole console output is scanned for keys. The probe's control step, an SDK client with default log options,
 * must leak keys in the same JVM: that proves the setting was in effect and the scan finds what it looks for.
 */
class BodyLoggingTest {

    @Test
    void renewalsLogNoBodiesOrKeysWhateverTheEnvironmentSays(@TempDir Path dir) throws Exception {
        Path keysFile = dir.resolve("keys.txt");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, BodyLoggingProbe.class.getName(), keysFile.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("console.txt").toFile());
        builder.environment().put("AZURE_HTTP_LOG_DETAIL_LEVEL", "BODY_AND_HEADERS");
        builder.environment().put("AZURE_LOG_LEVEL", "verbose");
        Process child = builder.start();
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "probe finished");
        String console = Files.readString(dir.resolve("console.txt"), StandardCharsets.UTF_8);
        assertEquals(0, child.exitValue(), console);
        List<String> keys = Files.readAllLines(keysFile, StandardCharsets.UTF_8);
        assertTrue(keys.size() >= 12, "keys collected: " + keys.size());
        int control = console.indexOf(BodyLoggingProbe.CONTROL);
        assertTrue(control >= 0, "the probe reached its control step");
        String engine = console.substring(0, control);
        String sdk = console.substring(control);
        for (String key : keys) {
            if (engine.contains(key)) {
                fail("key material in the engine's output: " + engine.replace(key, "<KEY>"));
            }
        }
        assertTrue(!engine.contains("sig="), "no SAS signature in the engine's output");
        assertTrue(keys.stream().anyMatch(sdk::contains),
                "control: with default HttpLogOptions the SDK logs keys in this JVM (" + sdk.length() + " chars)");
        assertTrue(new File(keysFile.toString()).length() > 0);
    }
}
