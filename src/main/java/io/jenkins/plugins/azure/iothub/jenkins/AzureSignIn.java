package io.jenkins.plugins.azure.iothub.jenkins;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.identity.AadCredentialBuilderBase;
import com.azure.identity.ClientCertificateCredentialBuilder;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.identity.ManagedIdentityCredentialBuilder;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCertificateCredentials;
import com.microsoft.azure.util.AzureBaseCredentials;
import com.microsoft.azure.util.AzureCredentials;
import com.microsoft.azure.util.AzureImdsCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Util;
import hudson.security.ACL;
import hudson.util.Secret;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import jenkins.model.Jenkins;
import org.springframework.security.core.Authentication;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Signs in with an azure-credentials credential as azure-credentials does
 * ({@code jenkinsci/azure-credentials-plugin@421.vb_ffd07e951a_2:src/main/java/com/microsoft/azure/util/
 * AzureCredentials.java}, {@code getTokenCredential}: a client secret, a certificate, or a managed identity, over
 * azure-sdk's proxy-aware HTTP client), with four differences for the plugin's calls:
 * <ul>
 *   <li>a certificate is read with its password: azure-credentials passes the PKCS#12 store it writes with the
 *       certificate credential's password, but not the password, which azure-identity 1.18 then cannot read
 *       ("keystore password was incorrect"; {@code CertificateSignInTest});</li>
 *   <li>no retry or logging policy of its own: the engine retries whole calls within the time budget and the plugin
 *       reports each failure once (azure-core's RetryPolicy logs every failed attempt at SEVERE);</li>
 *   <li>MSAL sends the sign-in on the calling thread (a same-thread executor instead of the common pool), so what the
 *       libraries log about it is logged there, inside {@link AzureLibraryLogs#quietly};</li>
 *   <li>an authority host that is not a public Microsoft Entra host (Azure Stack, a custom cloud) is trusted as
 *       configured instead of being checked with login.microsoftonline.com, which such a cloud may not reach.</li>
 * </ul>
 */
final class AzureSignIn {

    /** Microsoft Entra hosts MSAL knows; any other authority skips instance discovery. */
    private static final Set<String> KNOWN_AUTHORITIES = Set.of("login.microsoftonline.com", "login.chinacloudapi.cn",
            "login.microsoftonline.us", "login.partner.microsoftonline.cn", "login.windows.net");

    private AzureSignIn() {}

    /**
     * @param httpClient Jenkins passes azure-sdk's {@code HttpClientRetriever::get} (Jenkins' proxy, with its user)
     * @throws RuntimeException when the credential cannot sign in at all (no secret, an unsupported type)
     */
    static TokenCredential tokenCredential(AzureBaseCredentials credential, Supplier<HttpClient> httpClient) {
        if (credential instanceof AzureTokenSource source) {
            return quiet(source.tokenCredential());
        }
        if (credential instanceof AzureCredentials principal) {
            // the credential's cloud with its overrides, as azure-credentials signs in: getActiveDirectoryEndpoint()
            // of the credential itself is only the override, null unless one is set
            String authority = principal.getAzureEnvironment().getActiveDirectoryEndpoint();
            String secret = Util.fixEmpty(principal.getPlainClientSecret());
            if (secret == null && Util.fixEmptyAndTrim(principal.getCertificateId()) != null) {
                StandardCertificateCredentials certificate = certificateOf(principal);
                return clientCertificate(principal.getTenant(), principal.getClientId(), certificate.getKeyStore(),
                        certificate.getPassword(), authority, pipeline(httpClient.get()));
            }
            return clientSecret(principal.getTenant(), principal.getClientId(), secret,
                    authority, pipeline(httpClient.get()));
        }
        if (credential instanceof AzureImdsCredentials identity) {
            ManagedIdentityCredentialBuilder builder = new ManagedIdentityCredentialBuilder()
                    .httpPipeline(pipeline(httpClient.get()));
            if (identity.getClientId() != null) {
                builder.clientId(identity.getClientId());
            }
            return quiet(builder.build());
        }
        return quiet(AzureCredentials.getTokenCredential(credential)); // refuses an unsupported type
    }

    /** A service principal with a client secret, signing in through {@code pipeline} on the calling thread. */
    static TokenCredential clientSecret(String tenant, String clientId, String secret, String authorityHost,
            HttpPipeline pipeline) {
        return quiet(principal(new ClientSecretCredentialBuilder().clientSecret(secret), tenant, clientId,
                authorityHost, pipeline).build());
    }

    /**
     * A service principal with a certificate, read from its key store with its password and signing in through
     * {@code pipeline} on the calling thread. The store is converted to PKCS#12 bytes as azure-credentials converts it
     * ({@code ServicePrincipal.getPfxBytes}); unlike azure-credentials, the password goes with them.
     *
     * @throws SignInProblem when the key store cannot be written as PKCS#12
     */
    static TokenCredential clientCertificate(String tenant, String clientId, KeyStore keyStore, Secret password,
            String authorityHost, HttpPipeline pipeline) {
        String plainPassword = Secret.toString(password);
        ByteArrayOutputStream pkcs12 = new ByteArrayOutputStream();
        try {
            keyStore.store(pkcs12, plainPassword.toCharArray());
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new SignInProblem("its certificate cannot be read as PKCS#12 (" + e.getClass().getSimpleName()
                    + "); check the certificate credential's password");
        }
        return quiet(principal(new ClientCertificateCredentialBuilder()
                        .pfxCertificate(new ByteArrayInputStream(pkcs12.toByteArray()))
                        .clientCertificatePassword(plainPassword),
                tenant, clientId, authorityHost, pipeline).build());
    }

    /** The service principal's sign-in, sent through {@code pipeline} on the calling thread. */
    private static <B extends AadCredentialBuilderBase<B>> B principal(B builder, String tenant, String clientId,
            String authorityHost, HttpPipeline pipeline) {
        builder.tenantId(tenant)
                .clientId(clientId)
                .httpPipeline(pipeline)
                .executorService(CALLING_THREAD);
        String host = hostOf(authorityHost);
        if (host == null) {
            return builder; // azure-identity's default: the public cloud's Microsoft Entra ID
        }
        builder.authorityHost(authorityHost);
        if (!KNOWN_AUTHORITIES.contains(host)) {
            builder.disableInstanceDiscovery();
        }
        return builder;
    }

    /**
     * The certificate credential a service principal names, found where azure-credentials looks for it
     * ({@code AzureCredentials.getCertificateCredentials}): among the credentials of Jenkins itself, as SYSTEM, then as
     * the current user.
     *
     * @throws SignInProblem when there is none with that id
     */
    static StandardCertificateCredentials certificateOf(AzureCredentials principal) {
        String id = principal.getCertificateId();
        for (Authentication as : List.of(ACL.SYSTEM2, Jenkins.getAuthentication2())) {
            StandardCertificateCredentials certificate = CredentialsMatchers.firstOrNull(
                    CredentialsProvider.lookupCredentialsInItemGroup(
                            StandardCertificateCredentials.class, Jenkins.get(), as, List.of()),
                    CredentialsMatchers.withId(id));
            if (certificate != null) {
                return certificate;
            }
        }
        throw new SignInProblem("its certificate credential '" + id + "' is not among the credentials of Jenkins "
                + "itself (Manage Jenkins > Credentials), where azure-credentials looks for it");
    }

    /** Why a credential cannot sign in at all, in words safe for a build log: names and ids, no secret. */
    static final class SignInProblem extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SignInProblem(String message) {
            super(message);
        }
    }

    /** Only the transport: no retry policy, no logging policy. */
    static HttpPipeline pipeline(HttpClient httpClient) {
        return new HttpPipelineBuilder().httpClient(httpClient).build();
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

    /** Runs each task where it is submitted; never shut down (azure-identity leaves that to its owner). */
    private static final ExecutorService CALLING_THREAD = new AbstractExecutorService() {
        @Override
        public void execute(Runnable task) {
            task.run();
        }

        @Override
        public void shutdown() {}

        @Override
        public List<Runnable> shutdownNow() {
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return false;
        }

        @Override
        public boolean isTerminated() {
            return false;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return false;
        }
    };

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
