package io.jenkins.plugins.azure.iothub.engine;

import com.azure.resourcemanager.iothub.IotHubManager;
import io.jenkins.plugins.azure.iothub.emulator.SharedAccessPolicy;
import io.jenkins.plugins.azure.iothub.emulator.SimulatedIdentity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Child-JVM side of {@link BodyLoggingTest}: started with {@code AZURE_HTTP_LOG_DETAIL_LEVEL=BODY_AND_HEADERS} in its
 * environment, it renews a policy and a device, then (after {@link #CONTROL} on stderr) lists keys through an SDK
 * client with default log options, which must log them. Every key that existed is written to the file named by the
 * first argument, never to the console.
 */
public final class BodyLoggingProbe {
    static final String CONTROL = "=== control: SDK client with default HttpLogOptions ===";

    private BodyLoggingProbe() {
    }

    public static void main(String[] args) throws IOException {
        List<String> keys = new ArrayList<>();
        try (EngineFixture fx = new EngineFixture()) {
            fx.hub.addDevice("d1");
            remember(fx, keys);
            IotHubKeyClient client = fx.client();
            client.renewPolicyKey(PolicyKeyRequest.of(EngineFixture.HUB, EngineFixture.RG, "registryReadWrite",
                    KeyType.PRIMARY));
            client.renewPolicyKey(PolicyKeyRequest.of(EngineFixture.HUB, null, "service", KeyType.SWAP));
            client.renewIdentityKey(IdentityKeyRequest.device(EngineFixture.HUB, null, "d1", KeyType.BOTH, null));
            client.renewIdentityKey(IdentityKeyRequest.device(EngineFixture.HUB, null, "d1", KeyType.PRIMARY,
                    DataPlaneAuth.LOGIN));
            remember(fx, keys);
            Files.write(Path.of(args[0]), keys, StandardCharsets.UTF_8);
            System.err.println(CONTROL);
            System.err.flush();
            IotHubManager.configure().authenticate(fx.emulator.tokenCredential(),
                    fx.emulator.azureProfile(EngineFixture.SUBSCRIPTION)).serviceClient().getIotHubResources()
                    .listKeys(EngineFixture.RG, EngineFixture.HUB).stream().count();
        }
    }

    private static void remember(EngineFixture fx, List<String> keys) {
        for (SharedAccessPolicy policy : fx.hub.policies()) {
            keys.add(policy.primaryKey());
            keys.add(policy.secondaryKey());
        }
        SimulatedIdentity device = fx.hub.device("d1");
        keys.add(device.primaryKey());
        keys.add(device.secondaryKey());
    }
}
