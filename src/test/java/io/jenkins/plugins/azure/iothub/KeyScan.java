package io.jenkins.plugins.azure.iothub;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.jenkins.plugins.azure.iothub.emulator.SimulatedHub;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The service tests' key-material scan: every key the test's hub held (call {@link #remember()} after each change that
 * a later one may undo) and every text a user would see (logs, messages, return values, build records); at the end
 * no text may contain any of those keys.
 */
final class KeyScan {

    private final SimulatedHub hub;
    private final Set<String> keys = new LinkedHashSet<>();
    private final List<String> shown = new ArrayList<>();

    KeyScan(SimulatedHub hub) {
        this.hub = hub;
        remember();
    }

    void remember() {
        keys.addAll(hub.allKeys());
    }

    /** Text a user sees: a build log, an error message, what the step returns or the build record keeps. */
    void shown(String text) {
        shown.add(text);
    }

    void assertNoKeyShown() {
        remember();
        for (String text : shown) {
            for (String key : keys) {
                assertFalse(text.contains(key), () -> "key material in user-visible text: " + text);
            }
        }
    }
}
