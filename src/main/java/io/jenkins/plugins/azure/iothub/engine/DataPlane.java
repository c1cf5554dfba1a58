package io.jenkins.plugins.azure.iothub.engine;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.http.HttpMethod;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.Proxy;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * Builds the registry (data-plane) client for a hub, authenticated like the CLI: with a SAS token signed by the
 * least-privileged policy that has RegistryWrite, or with an Entra token for the IoT Hub scope. The engine sends the
 * registry's REST requests itself (RegistryClient always writes with {@code If-Match: *}, which would undo another
 * writer's change, e.g. a device an operator disabled).
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

    /** One identity as the registry returned it, with its etag. */
    static final class Identity {
        final ObjectNode json;
        final String etag;

        Identity(ObjectNode json, String etag) {
            this.json = json;
            this.etag = etag;
        }
    }

    /** The registry of one hub, plus the name of the policy it signs with (null with LOGIN), for messages. */
    static final class Registry {
        final String policyName;
        private final RestPipeline pipeline;
        private final String hostName;
        private final CallObserver observer;

        Registry(RestPipeline pipeline, String hostName, String policyName, CallObserver observer) {
            this.pipeline = pipeline;
            this.hostName = hostName;
            this.policyName = policyName;
            this.observer = observer;
        }

        Identity get(IdentityKeyRequest request) throws IOException {
            return identity(pipeline.send(HttpMethod.GET, url(request), Map.of(), null, observer));
        }

        /** PUT conditional on the identity's etag: a 412 means someone else changed it since it was read. */
        Identity put(IdentityKeyRequest request, ObjectNode body, String etag) throws IOException {
            return identity(pipeline.send(HttpMethod.PUT, url(request), Map.of("If-Match", "\"" + etag + "\""),
                    body, observer));
        }

        /**
         * Bulk Registry - Update Registry: {@code POST /devices} with up to 100 ExportImportDevice entries. The answer
         * is a BulkRegistryOperationResult with 200 or 400 (both documented); any other status is a failure of the
         * whole request.
         */
        RestPipeline.Reply bulk(com.fasterxml.jackson.databind.node.ArrayNode entries) throws IOException {
            return pipeline.send(HttpMethod.POST, "https://" + hostName + "/devices?api-version="
                    + RestPipeline.REGISTRY_API_VERSION, Map.of(), entries, observer, 400);
        }

        /** One page of {@code POST /devices/query}; the next page's token is the x-ms-continuation answer header. */
        RestPipeline.Reply query(String query, String continuation, int pageSize) throws IOException {
            Map<String, String> headers = new java.util.HashMap<>();
            headers.put("x-ms-max-item-count", Integer.toString(pageSize));
            if (continuation != null) {
                headers.put("x-ms-continuation", continuation);
            }
            return pipeline.send(HttpMethod.POST, "https://" + hostName + "/devices/query?api-version="
                    + RestPipeline.REGISTRY_API_VERSION, headers, EngineJson.object().put("query", query), observer);
        }

        /**
         * {@code /devices/{id}[/modules/{id}]}; ids are already restricted to characters that are plain path
         * characters (see {@link Names#checkIdentityId}), and are encoded anyway.
         */
        private String url(IdentityKeyRequest request) {
            return "https://" + hostName + "/devices/" + RestPipeline.segment(request.deviceId())
                    + (request.moduleId() == null ? "" : "/modules/" + RestPipeline.segment(request.moduleId()))
                    + "?api-version=" + RestPipeline.REGISTRY_API_VERSION;
        }

        private static Identity identity(RestPipeline.Reply reply) throws IOException {
            ObjectNode json = reply.json();
            String etag = EngineJson.text(json, "etag");
            if (etag == null && reply.header("ETag") != null) {
                etag = reply.header("ETag").replaceAll("^(W/)?\"|\"$", "");
            }
            return new Identity(json, etag);
        }
    }

    Registry registryFor(HubInfo hub, DataPlaneAuth auth, String action) {
        if (hub.hostName() == null) {
            throw new IotHubKeyException(IotHubKeyException.Reason.SERVICE_ERROR, "Azure returned no host name for"
                    + " IoT hub '" + hub.name() + "', so its registry cannot be reached. Check the hub in the portal.",
                    false, null);
        }
        UrlConnectionHttpClient transport = new UrlConnectionHttpClient(proxy, timeoutMillis(retrier.deadline()));
        if (auth == DataPlaneAuth.LOGIN) {
            return new Registry(RestPipeline.registryWithToken(transport, scoped(credential, cloud.iotHubScope()),
                    cloud.iotHubScope()), hub.hostName(), null, observer);
        }
        if (hub.localAuthDisabled()) {
            throw new IotHubKeyException(IotHubKeyException.Reason.UNAUTHORIZED, Deadline.capitalize(action)
                    + " is not possible with a policy key: IoT hub '" + hub.name() + "' has local (SAS)"
                    + " authentication disabled. Use data-plane auth 'login' and give the Azure identity the IoT Hub"
                    + " Registry Contributor role.", false, null);
        }
        List<ObjectNode> policies = retrier.read(
                () -> arm.listPolicies(hub.resourceGroup(), hub.name(), observer), action,
                HubLocator.advice(hub.name(), hub.resourceGroup(), arm.subscriptionId()));
        ObjectNode writer = leastPrivilegedWriter(policies).orElseThrow(
                () -> new IotHubKeyException(IotHubKeyException.Reason.UNAUTHORIZED, Deadline.capitalize(action)
                        + " needs a shared access policy with RegistryWrite on IoT hub '" + hub.name() + "', and there"
                        + " is none. Add one (for example registryReadWrite) or use data-plane auth 'login'.", false,
                        null));
        String writerName = EngineJson.text(writer, "keyName");
        String key = EngineJson.text(writer, "primaryKey") != null ? EngineJson.text(writer, "primaryKey")
                : EngineJson.text(writer, "secondaryKey");
        if (key == null) {
            throw new IotHubKeyException(IotHubKeyException.Reason.SERVICE_ERROR, "Azure returned no key for policy '"
                    + writerName + "' of IoT hub '" + hub.name() + "'. Run again later or use data-plane auth"
                    + " 'login'.", false, null);
        }
        String token = SasToken.forHub(hub.hostName(), writerName, key, tokenLifetime(retrier.deadline()));
        return new Registry(RestPipeline.registryWithSas(transport, token), hub.hostName(), writerName, observer);
    }

    /** Among the policies with RegistryWrite, the one with the fewest other rights (registryReadWrite before iothubowner). */
    static Optional<ObjectNode> leastPrivilegedWriter(List<ObjectNode> policies) {
        return policies.stream()
                .filter(p -> rightsOf(p).contains("RegistryWrite"))
                .min(Comparator.comparingInt(p -> rightsOf(p).size()));
    }

    private static List<String> rightsOf(ObjectNode policy) {
        String rights = EngineJson.text(policy, "rights");
        return rights == null ? List.of() : Arrays.asList(rights.split("\\s*,\\s*"));
    }

    /**
     * Socket timeouts of at most half the remaining budget (and at most RegistryClient's 24 s default), so that a
     * request that gets no answer still leaves time to ask again.
     */
    private static int timeoutMillis(Deadline deadline) {
        return (int) Math.max(1, Math.min(24, deadline.remaining().toSeconds() / 2)) * 1000;
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
