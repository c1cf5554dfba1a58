package io.jenkins.plugins.azure.iothub.jenkins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.management.AzureEnvironment;
import hudson.AbortException;
import io.jenkins.plugins.azure.iothub.EmulatorAzureCredentials;
import io.jenkins.plugins.azure.iothub.emulator.IotHubEmulator;
import io.jenkins.plugins.azure.iothub.emulator.SimulatedHub;
import io.jenkins.plugins.azure.iothub.engine.AzureCloud;
import io.jenkins.plugins.azure.iothub.engine.DataPlaneAuth;
import io.jenkins.plugins.azure.iothub.engine.IdentityInfo;
import io.jenkins.plugins.azure.iothub.engine.IdentityKeyRequest;
import io.jenkins.plugins.azure.iothub.engine.IotHubKeyClient;
import io.jenkins.plugins.azure.iothub.engine.KeyType;
import java.net.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** From an azure-credentials credential to a working engine client: cloud, sign-in and subscription. */
class AzureCredentialsAccessTest {

    private static final String SUBSCRIPTION = "00000000-0000-0000-0000-00000000b001";

    private IotHubEmulator emulator;
    private SimulatedHub hub;

    @BeforeEach
    void start() {
        emulator = IotHubEmulator.start();
        hub = emulator.addHub(SUBSCRIPTION, "rg-a", "hub-access");
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private IotHubKeyClient client(EmulatorAzureCredentials credential, String subscriptionOverride)
            throws AbortException {
        return AzureCredentialsAccess.buildClient(credential, credential.getId(), "hub-access", subscriptionOverride,
                Duration.ofSeconds(30), () -> null, host -> null);
    }

    @Test
    void credentialForACustomCloudReachesItsResourceManager() throws Exception {
        EmulatorAzureCredentials credential = new EmulatorAzureCredentials("emu", emulator.armEndpoint(),
                SUBSCRIPTION, emulator.tokenCredential());

        assertEquals(hub.hostName(), client(credential, null).findHub("hub-access", "rg-a").hostName());
    }

    @Test
    void registryRequestsGoThroughTheProxyJenkinsChoosesWhileArmUsesItsOwnClient() throws Exception {
        hub.addDevice("d1");
        EmulatorAzureCredentials credential = new EmulatorAzureCredentials("emu", emulator.armEndpoint(),
                SUBSCRIPTION, emulator.tokenCredential());
        List<String> askedFor = new ArrayList<>();
        try (TunnellingProxy proxy = TunnellingProxy.start()) {
            IotHubKeyClient client = AzureCredentialsAccess.buildClient(credential, "emu", "hub-access", null,
                    Duration.ofSeconds(30), () -> null, host -> {
                        askedFor.add(host);
                        return proxy.asProxy();
                    });

            IdentityInfo device = client.checkIdentity(
                    IdentityKeyRequest.device("hub-access", "rg-a", "d1", KeyType.PRIMARY, DataPlaneAuth.KEY));

            assertEquals("d1", device.deviceId());
            // a custom cloud's IoT Hub domain is unknown, so Jenkins is asked without a host name
            assertEquals(Collections.singletonList(null), askedFor);
            assertFalse(proxy.targets().isEmpty(), "the registry read did not use the proxy");
            assertEquals(Set.of(hub.hostName()), Set.copyOf(proxy.targets()), "only the hub's registry is tunnelled");
        }
    }

    @Test
    void noProxyHostMeansTheRegistryIsReachedDirectly() throws Exception {
        hub.addDevice("d1");
        EmulatorAzureCredentials credential = new EmulatorAzureCredentials("emu", emulator.armEndpoint(),
                SUBSCRIPTION, emulator.tokenCredential());
        try (TunnellingProxy proxy = TunnellingProxy.start()) {
            IotHubKeyClient client = AzureCredentialsAccess.buildClient(credential, "emu", "hub-access", null,
                    Duration.ofSeconds(30), () -> null, host -> Proxy.NO_PROXY);

            client.checkIdentity(
                    IdentityKeyRequest.device("hub-access", "rg-a", "d1", KeyType.PRIMARY, DataPlaneAuth.KEY));

            assertEquals(List.of(), proxy.targets());
        }
    }

    @Test
    void subscriptionArgumentOverridesTheCredentialsSubscription() throws Exception {
        EmulatorAzureCredentials credential = new EmulatorAzureCredentials("emu", emulator.armEndpoint(),
                "00000000-0000-0000-0000-0000000000ff", emulator.tokenCredential());

        assertEquals(hub.hostName(), client(credential, SUBSCRIPTION).findHub("hub-access", null).hostName());
    }

    @Test
    void credentialWithoutSubscriptionNeedsTheArgument() {
        EmulatorAzureCredentials credential = new EmulatorAzureCredentials("emu", emulator.armEndpoint(), " ",
                emulator.tokenCredential());

        AbortException e = assertThrows(AbortException.class, () -> client(credential, null));
        assertEquals("Azure credential 'emu' names no subscription: set subscriptionId to the subscription of hub "
                + "'hub-access'.", e.getMessage());
    }

    @Test
    void plainHttpResourceManagerIsRefusedWithOneLine() {
        EmulatorAzureCredentials credential = new EmulatorAzureCredentials("emu", "http://127.0.0.1:1",
                SUBSCRIPTION, emulator.tokenCredential());

        AbortException e = assertThrows(AbortException.class, () -> client(credential, null));
        assertTrue(e.getMessage().startsWith("Azure credential 'emu' cannot be used for hub 'hub-access': "),
                e.getMessage());
    }

    @Test
    void wellKnownCloudsMapToTheEngineCloudsAndTheirScopes() {
        assertSame(AzureCloud.PUBLIC, AzureClouds.of(AzureEnvironment.AZURE));
        assertSame(AzureCloud.CHINA, AzureClouds.of(AzureEnvironment.AZURE_CHINA));
        assertSame(AzureCloud.US_GOVERNMENT, AzureClouds.of(AzureEnvironment.AZURE_US_GOVERNMENT));
        assertSame(AzureCloud.PUBLIC, AzureClouds.of(null));
        assertEquals("https://management.core.windows.net//.default",
                AzureClouds.managementScope("https://management.core.windows.net/"));
        assertEquals("https://management.example//.default", AzureClouds.managementScope("https://management.example"));
    }
}
