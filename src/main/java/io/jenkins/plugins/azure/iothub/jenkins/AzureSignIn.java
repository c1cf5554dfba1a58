package io.jenkins.plugins.azure.iothub.jenkins;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.identity.ManagedIdentityCredentialBuilder;
import com.microsoft.azure.util.AzureBaseCredentials;
import com.microsoft.azure.util.AzureCredentials;
import com.microsoft.azure.util.AzureImdsCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Util;
import io.jenkins.plugins.azure.iothub.engine.UrlConnectionHttpClient;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Signs in with an azure-credentials credential the way azure-credentials does
 * ({@code jenkinsci/azure-credentials-plugin@421.vb_ffd07e951a_2:src/main/java/com/microsoft/azure/util/
 * AzureCredentials.java}, {@code getTokenCredential}: a client secret, a certificate, or a managed identity), with two
 * differences for the plugin's calls: Microsoft Entra is reached through the JDK client with Jenkins' proxy and a
 * timeout within the time budget (the SDK's Netty client and retry policy each log a failed request at SEVERE), and an
 * authority host that is not a public Microsoft Entra host is trusted as configured instead of being validated against
 * login.microsoftonline.com, which a custom cloud may not reach. Every token request runs {@link AzureLibraryLogs#quietly}.
 */
final class AzureSignIn {

    /** Microsoft Entra hosts MSAL knows; any other authority (Azure Stack, a custom cloud) skips instance discovery. */
    private static final Set<String> KNOWN_AUTHORITIES = Set.of("login.microsoftonline.com", "login.chinacloudapi.cn",
            "login.microsoftonline.us", "login.partner.microsoftonline.cn", "login.windows.net");

    /** Longest a single sign-in request may take, within a longer time budget. */
    private static final Duration MAX_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private AzureSignIn() {}

    /**
     * @throws RuntimeException when the credential cannot sign in at all (no secret, an unsupported type)
     */
    static TokenCredential tokenCredential(AzureBaseCredentials credential, DataPlaneProxy.Lookup proxies,
            Duration timeBudget) {
        if (credential instanceof AzureTokenSource source) {
            return quiet(source.tokenCredential());
        }
        if (credential instanceof AzureCredentials principal) {
            String secret = Util.fixEmpty(principal.getPlainClientSecret());
            if (secret == null && Util.fixEmptyAndTrim(principal.getCertificateId()) != null) {
                // the certificate is another credential azure-credentials reads and converts itself
                return quiet(AzureCredentials.getTokenCredential(credential));
            }
            String authority = principal.getActiveDirectoryEndpoint();
            return clientSecret(principal.getTenant(), principal.getClientId(), secret, authority,
                    pipeline(proxies.forHost(hostOf(authority)), timeBudget));
        }
        if (credential instanceof AzureImdsCredentials identity) {
            // the identity endpoint is local to the machine: no Jenkins proxy
            ManagedIdentityCredentialBuilder builder = new ManagedIdentityCredentialBuilder()
                    .httpPipeline(pipeline(null, timeBudget));
            if (identity.getClientId() != null) {
                builder.clientId(identity.getClientId());
            }
            return quiet(builder.build());
        }
        return quiet(AzureCredentials.getTokenCredential(credential)); // refuses an unsupported type
    }

    /** A service principal with a client secret, signing in through {@code pipeline}. */
    static TokenCredential clientSecret(String tenant, String clientId, String secret, String authorityHost,
            HttpPipeline pipeline) {
        ClientSecretCredentialBuilder builder = new ClientSecretCredentialBuilder()
                .tenantId(tenant)
                .clientId(clientId)
                .clientSecret(secret)
                .authorityHost(authorityHost)
                .httpPipeline(pipeline);
        if (!KNOWN_AUTHORITIES.contains(hostOf(authorityHost))) {
            builder.disableInstanceDiscovery();
        }
        return quiet(builder.build());
    }

    /** No retry or logging policy: the engine retries whole calls and the plugin reports each failure once. */
    static HttpPipeline pipeline(@CheckForNull java.net.Proxy proxy, Duration timeBudget) {
        return new HttpPipelineBuilder().httpClient(httpClient(proxy, timeBudget)).build();
    }

    static HttpClient httpClient(@CheckForNull java.net.Proxy proxy, Duration timeBudget) {
        Duration timeout = timeBudget.compareTo(MAX_REQUEST_TIMEOUT) < 0 ? timeBudget : MAX_REQUEST_TIMEOUT;
        return new UrlConnectionHttpClient(proxy, (int) Math.max(1000, timeout.toMillis()));
    }

    @CheckForNull
    static String hostOf(@CheckForNull String url) {
        if (url == null) {
            return null;
        }
        try {
            String host = URI.create(url.trim()).getHost();
            return host == null ? null : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static TokenCredential quiet(TokenCredential credential) {
        return credential instanceof Quiet ? credential : new Quiet(credential);
    }

    /**
     * Runs every token request synchronously inside {@link AzureLibraryLogs#quietly}; the asynchronous form on a
     * thread that may block, as the synchronous sign-in does. A sign-in that could not reach Microsoft Entra ID fails
     * as the connection failure it is (azure-identity wraps it in MSAL and execution exceptions, which read like
     * refused credentials), so the engine says Azure could not be reached.
     */
    private record Quiet(TokenCredential credential) implements TokenCredential {
        /**
         * The token or the failure is emitted inside the quiet scope: the caller's operators (azure-core's token
         * cache logs a failed sign-in at SEVERE) run on this thread while it is emitted.
         */
        @Override
        public Mono<AccessToken> getToken(TokenRequestContext request) {
            return Mono.create(sink -> Schedulers.boundedElastic().schedule(() -> {
                try {
                    AzureLibraryLogs.quietly(() -> {
                        AccessToken token;
                        try {
                            token = getTokenSync(request);
                        } catch (RuntimeException e) {
                            sink.error(e);
                            return null;
                        }
                        sink.success(token);
                        return null;
                    });
                } catch (Exception e) {
                    sink.error(e);
                }
            }));
        }

        @Override
        public AccessToken getTokenSync(TokenRequestContext request) {
            try {
                return AzureLibraryLogs.quietly(() -> credential.getTokenSync(request));
            } catch (RuntimeException e) {
                java.io.IOException unreachable = ioCause(e);
                if (unreachable != null) {
                    throw new java.io.UncheckedIOException("Microsoft Entra ID could not be reached", unreachable);
                }
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @CheckForNull
    static java.io.IOException ioCause(Throwable error) {
        int depth = 0;
        for (Throwable t = error; t != null && depth < 10; t = t.getCause(), depth++) {
            if (t instanceof java.io.IOException io) {
                return io;
            }
        }
        return null;
    }
}
