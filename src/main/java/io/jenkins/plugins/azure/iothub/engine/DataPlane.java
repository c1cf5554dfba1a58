package io.jenkins.plugins.azure.iothub.engine;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.AzureSasCredential;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.resourcemanager.iothub.fluent.models.SharedAccessSignatureAuthorizationRuleInner;
import com.microsoft.azure.sdk.iot.service.ProxyOptions;
import com.microsoft.azure.sdk.iot.service.registry.RegistryClient;
import com.microsoft.azure.sdk.iot.service.registry.RegistryClientOptions;
import java.net.Proxy;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * Builds the registry (data-plane) client for a hub, authenticated like the CLI: with a SAS token signed by the
 * least-privileged policy that has RegistryWrite, or with an Entra token for the IoT Hub scope.
 */
final class DataPlane {
    private static final Duration MAX_TOKEN_LIFETIME = Duration.ofHours(1);

    private final ArmGateway arm;
    private final Retrier retrier;
    private final CallObserver observer;
    private final TokenCredential credential;
    private final AzureCloud cloud;
    private final Proxy proxy;

    DataPlane(ArmGateway arm, Retrier retrier, CallObserver observer, TokenCredential credential, AzureCloud cloud,
            Proxy proxy) {
        this.arm = arm;
        this.retrier = retrier;
        this.observer = observer;
        this.credential = credential;
        this.cloud = cloud;
        this.proxy = proxy;
    }

    /** The registry client plus the name of the policy it signs with (null with LOGIN), for messages. */
    static final class Registry {
        final RegistryClient client;
        final String policyName;

        Registry(RegistryClient client, String policyName) {
            this.client = client;
            this.policyName = policyName;
        }
    }

    Registry registryFor(HubInfo hub, DataPlaneAuth auth, String action) {
        if (hub.hostName() == null) {
            throw new IotHubKeyException(IotHubKeyException.Reason.SERVICE_ERROR, "Azure returned no host name for"
                    + " IoT hub '" + hub.name() + "', so its registry cannot be reached. Check the hub in the portal.",
                    false, null);
        }
        RegistryClientOptions options = options(retrier.deadline());
        if (auth == DataPlaneAuth.LOGIN) {
            return new Registry(new RegistryClient(hub.hostName(), scoped(credential, cloud.iotHubScope()), options),
                    null);
        }
        if (hub.localAuthDisabled()) {
            throw new IotHubKeyException(IotHubKeyException.Reason.UNAUTHORIZED, Deadline.capitalize(action)
                    + " is not possible with a policy key: IoT hub '" + hub.name() + "' has local (SAS)"
                    + " authentication disabled. Use data-plane auth 'login' and give the Azure identity the IoT Hub"
                    + " Registry Contributor role.", false, null);
        }
        List<SharedAccessSignatureAuthorizationRuleInner> policies = retrier.read(
                () -> arm.listPolicies(hub.resourceGroup(), hub.name(), observer), action,
                HubLocator.advice(hub.name(), hub.resourceGroup(), arm.subscriptionId()));
        SharedAccessSignatureAuthorizationRuleInner writer = leastPrivilegedWriter(policies).orElseThrow(
                () -> new IotHubKeyException(IotHubKeyException.Reason.UNAUTHORIZED, Deadline.capitalize(action)
                        + " needs a shared access policy with RegistryWrite on IoT hub '" + hub.name() + "', and there"
                        + " is none. Add one (for example registryReadWrite) or use data-plane auth 'login'.", false,
                        null));
        String key = writer.primaryKey() != null ? writer.primaryKey() : writer.secondaryKey();
        if (key == null) {
            throw new IotHubKeyException(IotHubKeyException.Reason.SERVICE_ERROR, "Azure returned no key for policy '"
                    + writer.keyName() + "' of IoT hub '" + hub.name() + "'. Run again later or use data-plane auth"
                    + " 'login'.", false, null);
        }
        String token = SasToken.forHub(hub.hostName(), writer.keyName(), key, tokenLifetime(retrier.deadline()));
        return new Registry(new RegistryClient(hub.hostName(), new AzureSasCredential(token), options),
                writer.keyName());
    }

    /** Among the policies with RegistryWrite, the one with the fewest other rights (registryReadWrite before iothubowner). */
    static Optional<SharedAccessSignatureAuthorizationRuleInner> leastPrivilegedWriter(
            List<SharedAccessSignatureAuthorizationRuleInner> policies) {
        return policies.stream()
                .filter(p -> rightsOf(p).contains("RegistryWrite"))
                .min(Comparator.comparingInt(p -> rightsOf(p).size()));
    }

    private static List<String> rightsOf(SharedAccessSignatureAuthorizationRuleInner policy) {
        return policy.rights() == null ? List.of() : Arrays.asList(policy.rights().toString().split("\\s*,\\s*"));
    }

    /**
     * Socket timeouts of at most half the remaining budget (and at most the SDK's 24 s default), so that a request
     * that gets no answer still leaves time to ask again.
     */
    private RegistryClientOptions options(Deadline deadline) {
        int seconds = (int) Math.max(1, Math.min(24, deadline.remaining().toSeconds() / 2));
        RegistryClientOptions.RegistryClientOptionsBuilder builder = RegistryClientOptions.builder()
                .httpReadTimeoutSeconds(seconds).httpConnectTimeoutSeconds(seconds);
        if (proxy != null && proxy.type() != Proxy.Type.DIRECT) {
            builder.proxyOptions(new ProxyOptions(proxy));
        }
        return builder.build();
    }

    static Duration tokenLifetime(Deadline deadline) {
        Duration wanted = deadline.remaining().plusMinutes(5);
        return wanted.compareTo(MAX_TOKEN_LIFETIME) > 0 ? MAX_TOKEN_LIFETIME : wanted;
    }

    /** Asks for the cloud's IoT Hub scope whatever scope the SDK requests (it hard-codes the public one). */
    static TokenCredential scoped(TokenCredential credential, String scope) {
        return new TokenCredential() {
            @Override
            public Mono<AccessToken> getToken(TokenRequestContext request) {
                return credential.getToken(rescope(request, scope));
            }

            @Override
            public AccessToken getTokenSync(TokenRequestContext request) {
                return credential.getTokenSync(rescope(request, scope));
            }
        };
    }

    private static TokenRequestContext rescope(TokenRequestContext request, String scope) {
        TokenRequestContext copy = new TokenRequestContext().addScopes(scope);
        if (request != null && request.getTenantId() != null) {
            copy.setTenantId(request.getTenantId());
        }
        return copy;
    }
}
