package io.jenkins.plugins.azure.iothub.engine;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.RetryPolicy;
import com.azure.core.http.policy.RetryStrategy;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.polling.PollResult;
import com.azure.core.management.profile.AzureProfile;
import com.azure.core.util.polling.SyncPoller;
import com.azure.resourcemanager.iothub.IotHubManager;
import com.azure.resourcemanager.iothub.fluent.IotHubResourcesClient;
import com.azure.resourcemanager.iothub.fluent.models.IotHubDescriptionInner;
import com.azure.resourcemanager.iothub.fluent.models.SharedAccessSignatureAuthorizationRuleInner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Single ARM calls through azure-resourcemanager-iothub, without retries (the {@link Retrier} decides those).
 * Each call carries the caller's {@link CallObserver}.
 */
final class ArmGateway {
    private final IotHubResourcesClient hubs;
    private final String subscriptionId;

    ArmGateway(AzureCloud cloud, TokenCredential credential, String subscriptionId, HttpClient httpClient,
            Duration pollInterval) {
        this.subscriptionId = subscriptionId;
        Map<String, String> endpoints = new HashMap<>(AzureEnvironment.AZURE.getEndpoints());
        endpoints.put("resourceManagerEndpointUrl", cloud.resourceManagerEndpoint());
        String scope = cloud.managementScope();
        endpoints.put("managementEndpointUrl",
                scope.endsWith("/.default") ? scope.substring(0, scope.length() - "/.default".length()) : scope);
        AzureProfile profile = new AzureProfile(null, subscriptionId, new AzureEnvironment(endpoints));
        IotHubManager.Configurable configurable = IotHubManager.configure()
                .withScope(scope)
                .withRetryPolicy(new RetryPolicy(new NoRetries()))
                .withDefaultPollInterval(pollInterval)
                .withPolicy(new CallObserver.Policy());
        if (httpClient != null) {
            configurable.withHttpClient(httpClient);
        }
        this.hubs = configurable.authenticate(credential, profile).serviceClient().getIotHubResources();
    }

    String subscriptionId() {
        return subscriptionId;
    }

    IotHubDescriptionInner getHub(String resourceGroup, String hubName, CallObserver observer) {
        return hubs.getByResourceGroupWithResponse(resourceGroup, hubName, observer.context()).getValue();
    }

    /** Walks the subscription's hub list page by page until a name matches (case-insensitively); null if none. */
    IotHubDescriptionInner findHubByName(String hubName, CallObserver observer) {
        for (IotHubDescriptionInner hub : hubs.list(observer.context())) {
            if (hubName.equalsIgnoreCase(hub.name())) {
                return hub;
            }
        }
        return null;
    }

    /** Every policy with its keys, all pages, in the service's order. */
    List<SharedAccessSignatureAuthorizationRuleInner> listPolicies(String resourceGroup, String hubName,
            CallObserver observer) {
        List<SharedAccessSignatureAuthorizationRuleInner> all = new ArrayList<>();
        for (SharedAccessSignatureAuthorizationRuleInner rule : hubs.listKeys(resourceGroup, hubName,
                observer.context())) {
            all.add(rule);
        }
        return all;
    }

    SharedAccessSignatureAuthorizationRuleInner policyKeys(String resourceGroup, String hubName, String keyName,
            CallObserver observer) {
        return hubs.getKeysForKeyNameWithResponse(resourceGroup, hubName, keyName, observer.context()).getValue();
    }

    /** Sends the PUT (If-Match: etag) and returns the poller of its long-running operation. */
    SyncPoller<PollResult<IotHubDescriptionInner>, IotHubDescriptionInner> beginUpdate(String resourceGroup,
            String hubName, IotHubDescriptionInner body, String etag, CallObserver observer) {
        return hubs.beginCreateOrUpdate(resourceGroup, hubName, body, etag, observer.context());
    }

    /** "/subscriptions/s/resourceGroups/RG/providers/..." -> "RG". */
    static String resourceGroupOf(String resourceId) {
        if (resourceId == null) {
            return null;
        }
        String[] parts = resourceId.split("/");
        for (int i = 0; i + 1 < parts.length; i++) {
            if ("resourceGroups".equalsIgnoreCase(parts[i])) {
                return parts[i + 1];
            }
        }
        return null;
    }

    /**
     * The engine's {@link Retrier} owns retries and the time budget; the pipeline must not retry on its own.
     * Package-private so the benchmark's bare-SDK baseline runs with the same pipeline setting.
     */
    static final class NoRetries implements RetryStrategy {
        @Override
        public int getMaxRetries() {
            // 1, not 0: with 0, azure-core logs "Retry attempts have been exhausted" at INFO for every response;
            // no retry happens either way because both shouldRetry methods say no
            return 1;
        }

        @Override
        public Duration calculateRetryDelay(int retryAttempts) {
            return Duration.ZERO;
        }

        @Override
        public boolean shouldRetry(HttpResponse httpResponse) {
            return false;
        }

        @Override
        public boolean shouldRetryException(Throwable throwable) {
            return false;
        }
    }
}
