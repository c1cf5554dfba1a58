package io.jenkins.plugins.azure.iothub.engine;

import io.jenkins.plugins.azure.iothub.emulator.IotHubEmulator;
import io.jenkins.plugins.azure.iothub.emulator.RecordedRequest;
import io.jenkins.plugins.azure.iothub.emulator.SimulatedHub;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One emulator with one hub, and an engine client pointed at it with test-sized waits. Tests create it in
 * {@code @BeforeEach} and close it in {@code @AfterEach}.
 */
final class EngineFixture implements AutoCloseable {
    static final String SUBSCRIPTION = "00000000-0000-0000-0000-00000000e001";
    static final String RG = "rg-keys";
    static final String HUB = "hub-keys";

    final IotHubEmulator emulator;
    final SimulatedHub hub;

    EngineFixture() {
        emulator = IotHubEmulator.start();
        hub = emulator.addHub(SUBSCRIPTION, RG, HUB);
    }

    AzureCloud cloud() {
        return AzureCloud.custom(emulator.armEndpoint(), "https://management.core.windows.net//.default",
                "https://iothubs.azure.net/.default");
    }

    /** Fast waits: 20 ms poll interval, 10 ms first back-off step, 8 attempts, 30 s budget. */
    IotHubKeyClientBuilder builder() {
        return IotHubKeyClient.builder()
                .cloud(cloud())
                .credential(emulator.tokenCredential())
                .subscriptionId(SUBSCRIPTION)
                .pollInterval(Duration.ofMillis(20))
                .retryDelay(Duration.ofMillis(10))
                .maxAttempts(8)
                .timeBudget(Duration.ofSeconds(30));
    }

    IotHubKeyClient client() {
        return builder().build();
    }

    List<RecordedRequest> requests() {
        return emulator.requests().all();
    }

    String describeRequests() {
        return requests().stream().map(RecordedRequest::toString).collect(Collectors.joining("\n"));
    }

    @Override
    public void close() {
        emulator.close();
    }
}
