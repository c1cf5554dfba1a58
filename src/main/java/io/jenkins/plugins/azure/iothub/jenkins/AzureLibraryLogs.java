package io.jenkins.plugins.azure.iothub.jenkins;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Keeps what the Azure libraries log about a failed sign-in or request of the plugin's own calls out of the Jenkins
 * log: azure-identity, MSAL, azure-core's token cache and retry policy and the Netty client each log the same failure
 * at SEVERE (about 21 lines per failed Test connection, issue 12), and azure-identity offers no option to stop it.
 * The plugin reports each failure once itself, naming the cause; the libraries' records of that call go to the
 * plugin's logger at FINE instead. Only records logged on a thread while it runs a plugin call ({@link #quietly}), or
 * on one of the engine's own I/O threads (which run nothing else), are affected: other plugins' Azure calls log as
 * before.
 */
final class AzureLibraryLogs {

    private static final Logger LOGGER = Logger.getLogger(AzureLibraryLogs.class.getName());

    /** The loggers (class names; azure-core's ClientLogger and MSAL's SLF4J loggers) that report such failures. */
    static final List<String> LOGGERS = List.of(
            "com.azure.identity.ClientSecretCredential",
            "com.azure.identity.ClientCertificateCredential",
            "com.azure.identity.ManagedIdentityCredential",
            "com.azure.identity.ManagedIdentityServiceCredential",
            "com.azure.identity.implementation.IdentityClient",
            "com.azure.identity.implementation.IdentityClientBase",
            "com.azure.identity.implementation.IdentitySyncClient",
            "com.azure.identity.implementation.HttpPipelineAdapter",
            "com.azure.core.implementation.AccessTokenCache",
            "com.azure.core.http.policy.RetryPolicy",
            "com.azure.core.http.policy.BearerTokenAuthenticationPolicy",
            "com.azure.core.http.netty.NettyAsyncHttpClient",
            "com.microsoft.aad.msal4j.AcquireTokenByClientCredentialSupplier",
            "com.microsoft.aad.msal4j.AcquireTokenByManagedIdentitySupplier",
            "com.microsoft.aad.msal4j.AcquireTokenSilentSupplier",
            "com.microsoft.aad.msal4j.AadInstanceDiscoveryProvider",
            "com.microsoft.aad.msal4j.ConfidentialClientApplication",
            "com.microsoft.aad.msal4j.ManagedIdentityApplication",
            "com.microsoft.aad.msal4j.ManagedIdentityClient",
            "com.microsoft.aad.msal4j.AbstractManagedIdentitySource",
            "com.microsoft.aad.msal4j.IMDSManagedIdentitySource",
            "com.microsoft.aad.msal4j.TokenRequestExecutor",
            "com.microsoft.aad.msal4j.HttpHelper");

    /**
     * Names of the threads the engine runs each Azure call on (engine/Deadline.java, {@code IoThreads}); a test
     * ({@code TestConnectionTest}) fails if they are renamed.
     */
    static final String ENGINE_THREADS = "iothub-keys-io-";

    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    /** JUL holds loggers weakly: a logger collected would come back without the filter. */
    private static final List<Logger> FILTERED = new ArrayList<>();

    private AzureLibraryLogs() {}

    /** Runs a plugin call; what the Azure libraries log on this thread meanwhile goes to FINE. */
    static <T> T quietly(Callable<T> call) throws Exception {
        install();
        int[] depth = DEPTH.get();
        depth[0]++;
        try {
            return call.call();
        } finally {
            depth[0]--;
        }
    }

    static boolean isQuiet() {
        return DEPTH.get()[0] > 0 || Thread.currentThread().getName().startsWith(ENGINE_THREADS);
    }

    private static synchronized void install() {
        if (!FILTERED.isEmpty()) {
            return;
        }
        for (String name : LOGGERS) {
            Logger logger = Logger.getLogger(name);
            logger.setFilter(new Demote(logger.getFilter()));
            FILTERED.add(logger);
        }
    }

    /** Lets a record through unless a plugin call runs on this thread; keeps any filter set before. */
    private record Demote(Filter previous) implements Filter {
        @Override
        public boolean isLoggable(LogRecord record) {
            if (isQuiet()) {
                if (LOGGER.isLoggable(Level.FINE)) {
                    LOGGER.log(Level.FINE, record.getLoggerName() + ": " + record.getMessage(), record.getThrown());
                }
                return false;
            }
            return previous == null || previous.isLoggable(record);
        }
    }
}
