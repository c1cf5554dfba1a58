package io.jenkins.plugins.azure.iothub;

import com.azure.core.credential.TokenCredential;
import com.azure.core.management.AzureEnvironment;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.microsoft.azure.util.AzureBaseCredentials;
import io.jenkins.plugins.azure.iothub.jenkins.AzureTokenSource;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An azure-credentials credential for a cloud whose resource manager is the local IoT Hub emulator, signing in with
 * the emulator's token credential. Test code; its descriptor is registered by the JenkinsRule tests that use it.
 */
public class EmulatorAzureCredentials extends AzureBaseCredentials implements AzureTokenSource {

    private static final String MANAGEMENT = "https://management.core.windows.net/";

    private final String resourceManagerEndpoint;
    private final String subscriptionId;
    private final transient TokenCredential token;

    /**
     * The token credential of each emulator endpoint this JVM has seen. {@link #token} is transient: a credential
     * Jenkins reads back from credentials.xml (a JenkinsSessionExtension restart) finds its emulator's token here.
     */
    private static final Map<String, TokenCredential> TOKENS = new ConcurrentHashMap<>();

    public EmulatorAzureCredentials(String id, String resourceManagerEndpoint, String subscriptionId,
            TokenCredential token) {
        super(CredentialsScope.GLOBAL, id, "IoT Hub emulator");
        this.resourceManagerEndpoint = resourceManagerEndpoint;
        this.subscriptionId = subscriptionId;
        this.token = token;
        if (token != null) {
            TOKENS.put(resourceManagerEndpoint, token);
        }
    }

    @Override
    public TokenCredential tokenCredential() {
        return token != null ? token : TOKENS.get(resourceManagerEndpoint);
    }

    @Override
    public String getAzureEnvironmentName() {
        return "IoT Hub emulator";
    }

    @Override
    public String getManagementEndpoint() {
        return MANAGEMENT;
    }

    @Override
    public String getActiveDirectoryEndpoint() {
        return resourceManagerEndpoint;
    }

    @Override
    public String getResourceManagerEndpoint() {
        return resourceManagerEndpoint;
    }

    @Override
    public String getGraphEndpoint() {
        return resourceManagerEndpoint;
    }

    @Override
    public String getSubscriptionId() {
        return subscriptionId;
    }

    @Override
    public AzureEnvironment getAzureEnvironment() {
        Map<String, String> endpoints = new HashMap<>(AzureEnvironment.AZURE.getEndpoints());
        endpoints.put("resourceManagerEndpointUrl", resourceManagerEndpoint);
        endpoints.put("managementEndpointUrl", MANAGEMENT);
        return new AzureEnvironment(endpoints);
    }

    /** Base of the descriptor the JenkinsRule tests register with {@code @TestExtension}. */
    public abstract static class EmulatorDescriptor extends BaseStandardCredentialsDescriptor {
        protected EmulatorDescriptor() {
            super(EmulatorAzureCredentials.class);
        }
    }
}
