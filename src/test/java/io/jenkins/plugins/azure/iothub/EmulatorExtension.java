package io.jenkins.plugins.azure.iothub;

import io.jenkins.plugins.azure.iothub.emulator.IotHubEmulator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The IoT Hub emulator of one test class, registered as a static {@code @RegisterExtension} field: started before the
 * class's first test, so before Jenkins or any HTTPS client of this JVM exists (the default clients then trust the
 * emulator), and closed after its last. Long-running hub operations finish after one poll a second apart, so builds
 * that update a hub take seconds.
 */
final class EmulatorExtension implements BeforeAllCallback, AfterAllCallback {

    private IotHubEmulator emulator;

    @Override
    public void beforeAll(ExtensionContext context) {
        emulator = IotHubEmulator.start();
        emulator.lro().retryAfterSeconds(1).pollsUntilDone(1);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        emulator.close();
    }

    IotHubEmulator get() {
        return emulator;
    }
}
