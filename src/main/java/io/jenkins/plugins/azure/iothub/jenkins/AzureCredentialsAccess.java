package io.jenkins.plugins.azure.iothub.jenkins;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.microsoft.azure.util.AzureBaseCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.Util;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.Run;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.azure.iothub.AzureAccess;
import io.jenkins.plugins.azure.iothub.RenewKeyConfig;
import io.jenkins.plugins.azure.iothub.engine.AzureCloud;
import io.jenkins.plugins.azure.iothub.engine.IotHubKeyClient;
import io.jenkins.plugins.azure.iothub.engine.IotHubKeyException;
import io.jenkins.plugins.azure.iothub.engine.HubInfo;
import io.jenkins.plugins.azuresdk.HttpClientRetriever;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;
import org.springframework.security.core.Authentication;

/**
 * Azure access through an azure-credentials credential ("Azure Service Principal" or "Azure Managed Identity"),
 * looked up as the build and tracked on it. There is no ambient fallback (no DefaultAzureCredential): which
 * identity rotates keys must be visible in the job configuration.
 */
public final class AzureCredentialsAccess implements AzureAccess {

    private static final Logger LOGGER = Logger.getLogger(AzureCredentialsAccess.class.getName());

    private final Run<?, ?> run;
    @CheckForNull
    private final String defaultId;

    /** @param defaultId the credential of the nearest folder or global default, for a configuration naming none */
    public AzureCredentialsAccess(Run<?, ?> run, @CheckForNull String defaultId) {
        this.run = run;
        this.defaultId = defaultId;
    }

    @Override
    public IotHubKeyClient clientFor(RenewKeyConfig config) throws AbortException {
        String id = config.getAzureCredentialsId() != null ? config.getAzureCredentialsId() : defaultId;
        if (id == null) {
            throw new AbortException("No Azure credential for hub '" + config.getHub()
                    + "': set azureCredentialsId to an 'Azure Service Principal' or 'Azure Managed Identity' "
                    + "credential, or set a default Azure credential on a folder of this job or in the global "
                    + "configuration.");
        }
        AzureBaseCredentials credential = CredentialsProvider.findCredentialById(id, AzureBaseCredentials.class, run);
        if (credential == null) {
            throw new AbortException("Azure credential '" + id + "' for hub '" + config.getHub()
                    + "' was not found, is not an Azure Service Principal or Managed Identity, or this build may not "
                    + "use it: check the id and the folder it is defined in.");
        }
        CredentialsProvider.track(run, credential);
        return buildClient(credential, id, config.getHub(), config.getSubscriptionId(),
                Duration.ofSeconds(config.getTimeoutSeconds()), HttpClientRetriever::get, DataPlaneProxy.JENKINS);
    }

    /**
     * @param httpClient Jenkins passes azure-sdk's proxy-aware client; null from it means the SDK default
     * @param proxies Jenkins' proxy settings, for the hub's data plane that the ARM client does not carry
     */
    static IotHubKeyClient buildClient(AzureBaseCredentials credential, String id, String hub,
            @CheckForNull String subscriptionOverride, Duration timeBudget, Supplier<HttpClient> httpClient,
            DataPlaneProxy.Lookup proxies) throws AbortException {
        String subscription = subscriptionOverride != null
                ? subscriptionOverride
                : Util.fixEmptyAndTrim(credential.getSubscriptionId());
        if (subscription == null) {
            throw new AbortException("Azure credential '" + id + "' names no subscription: set subscriptionId to the "
                    + "subscription of hub '" + hub + "'.");
        }
        TokenCredential token;
        try {
            token = AzureSignIn.tokenCredential(credential, httpClient);
        } catch (AzureSignIn.SignInProblem e) {
            throw new AbortException("Azure credential '" + id + "' cannot sign in to Azure: " + e.getMessage()
                    + " (hub '" + hub + "').");
        } catch (RuntimeException e) {
            LOGGER.log(Level.FINE, "Cannot build a token credential from " + id, e);
            throw new AbortException("Azure credential '" + id + "' cannot sign in to Azure ("
                    + e.getClass().getSimpleName() + "): use an 'Azure Service Principal' or 'Azure Managed Identity' "
                    + "credential for hub '" + hub + "'.");
        }
        try {
            AzureCloud cloud = AzureClouds.of(credential.getAzureEnvironment());
            return IotHubKeyClient.builder()
                    .cloud(cloud)
                    .credential(token)
                    .subscriptionId(subscription)
                    .httpClient(httpClient.get())
                    .dataPlaneProxy(DataPlaneProxy.forHub(proxies, hub, cloud))
                    .timeBudget(timeBudget)
                    .build();
        } catch (IllegalArgumentException | IllegalStateException e) {
            // e.g. a custom cloud whose resource manager endpoint is not https
            throw new AbortException("Azure credential '" + id + "' cannot be used for hub '" + hub + "': "
                    + e.getMessage());
        }
    }

    /** Credential picker contents; only users who may configure the job see ids. */
    public static ListBoxModel listCredentials(@CheckForNull Item item, @CheckForNull String current,
            boolean mayConfigure) {
        StandardListBoxModel model = new StandardListBoxModel();
        if (!mayConfigure) {
            model.includeCurrentValue(Util.fixNull(current));
            return model;
        }
        model.includeEmptyValue();
        if (item == null) {
            // what builds can be given: System-scoped credentials are for Jenkins itself, never for a build
            model.includeMatchingAs(ACL.SYSTEM2, Jenkins.get(), AzureBaseCredentials.class, List.of(),
                    CredentialsMatchers.not(CredentialsMatchers.withScope(CredentialsScope.SYSTEM)));
        } else {
            Authentication as = authenticationOf(item);
            model.includeAs(as, item, AzureBaseCredentials.class);
            if (mayUseItemCredentials(item, as)) {
                model.includeAs(ACL.SYSTEM2, item, AzureBaseCredentials.class);
            }
        }
        model.includeCurrentValue(Util.fixNull(current));
        return model;
    }

    /**
     * Whether builds of this job running as {@code as} may also use the credentials of the job's folders and of the
     * system, as {@code CredentialsProvider.findCredentialById} lets them
     * (jenkinsci/credentials-plugin@1502.v5c95e620ddfe:src/main/java/com/cloudbees/plugins/credentials/
     * CredentialsProvider.java: "if that user can use the item's credentials, try those too").
     */
    private static boolean mayUseItemCredentials(Item item, Authentication as) {
        return !ACL.SYSTEM2.equals(as) && item.hasPermission2(as, CredentialsProvider.USE_ITEM);
    }

    /** Read-only: finds the hub with the chosen credential. The caller has checked permissions. */
    public static FormValidation testConnection(@CheckForNull Item item, String hub, @CheckForNull String resourceGroup,
            @CheckForNull String subscriptionId, String credentialsId) {
        AzureBaseCredentials credential;
        if (item == null) {
            credential = CredentialsProvider.findCredentialByIdInItemGroup(
                    credentialsId, AzureBaseCredentials.class, Jenkins.get(), ACL.SYSTEM2, List.of());
            if (credential != null && credential.getScope() == CredentialsScope.SYSTEM) {
                return FormValidation.error("Azure credential '" + credentialsId + "' has System scope, which is"
                        + " for Jenkins itself: no build can use it. Give it Global scope.");
            }
        } else {
            // found as a build of this job finds it (CredentialsProvider.findCredentialById)
            Authentication as = authenticationOf(item);
            credential = CredentialsProvider.findCredentialByIdInItem(
                    credentialsId, AzureBaseCredentials.class, item, as, List.of());
            if (credential == null && mayUseItemCredentials(item, as)) {
                credential = CredentialsProvider.findCredentialByIdInItem(
                        credentialsId, AzureBaseCredentials.class, item, ACL.SYSTEM2, List.of());
            }
        }
        if (credential == null) {
            return FormValidation.error("Azure credential '" + credentialsId + "' was not found for this job");
        }
        return probe(credential, credentialsId, hub, resourceGroup, subscriptionId, TEST_CONNECTION_BUDGET,
                HttpClientRetriever::get, DataPlaneProxy.JENKINS);
    }

    /** The form waits for Test connection: a few seconds answer an unreachable Azure, a reachable one needs less. */
    static final Duration TEST_CONNECTION_BUDGET = Duration.ofSeconds(4);

    /**
     * Looks the hub up within the budget; every failure is one line on the form and one WARNING in the log. What the
     * Azure libraries log about it meanwhile stays out of the Jenkins log ({@link AzureLibraryLogs}).
     */
    static FormValidation probe(AzureBaseCredentials credential, String credentialsId, String hub,
            @CheckForNull String resourceGroup, @CheckForNull String subscriptionId, Duration budget,
            Supplier<HttpClient> httpClient, DataPlaneProxy.Lookup proxies) {
        try {
            HubInfo info = AzureLibraryLogs.quietly(() -> buildClient(credential, credentialsId, hub, subscriptionId,
                    budget, httpClient, proxies).findHub(hub, resourceGroup));
            return FormValidation.ok("Found hub '" + hub + "' (" + info.hostName() + ")");
        } catch (AbortException | IotHubKeyException e) {
            LOGGER.log(Level.WARNING, "Test connection to hub {0} failed: {1}", new Object[] {hub, e.getMessage()});
            return FormValidation.error(e.getMessage());
        } catch (Exception e) {
            LOGGER.log(Level.WARNING, "Test connection to hub " + hub + " failed", e);
            return FormValidation.error("Could not reach hub '" + hub + "' (" + e.getClass().getSimpleName()
                    + "); details in the Jenkins system log");
        }
    }

    /** The identity builds of this job run as; SYSTEM unless access control for builds is configured. */
    private static Authentication authenticationOf(Item item) {
        return item instanceof Queue.Task task ? Tasks.getAuthenticationOf2(task) : ACL.SYSTEM2;
    }
}
