package io.jenkins.plugins.azure.iothub;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.domains.Domain;
import com.microsoft.azure.util.AzureCredentials;
import hudson.model.Item;
import hudson.model.Result;
import hudson.model.User;
import hudson.util.Secret;
import jenkins.model.Jenkins;
import jenkins.security.QueueItemAuthenticatorConfiguration;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.MockQueueItemAuthenticator;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Who may write credentials. These builds stop before anything is sent to Azure, so no emulator is needed:
 * the Azure credential only has to exist.
 */
@WithJenkins
class IotHubRenewKeySecurityJenkinsTest {

    private static final String SCRIPT = "iotHubRenewKey hub: 'contoso-hub', policy: 'service', key: 'primary', "
            + "azureCredentialsId: 'azure-sp'";

    private JenkinsRule r;

    @BeforeEach
    void azureCredential(JenkinsRule r) throws Exception {
        this.r = r;
        AzureCredentials sp = new AzureCredentials(CredentialsScope.GLOBAL, "azure-sp", "test principal",
                "00000000-0000-0000-0000-000000000000", "client-id", Secret.fromString("not-a-real-secret"));
        sp.setTenant("11111111-1111-1111-1111-111111111111");
        CredentialsProvider.lookupStores(r.jenkins).iterator().next().addCredentials(Domain.global(), sp);
    }

    private WorkflowJob job(String script) throws Exception {
        WorkflowJob job = r.createProject(WorkflowJob.class, "rotate");
        job.setDefinition(new CpsFlowDefinition(script, true));
        return job;
    }

    @Test
    void systemBuildMayNotWriteTheSystemStoreByDefault() throws Exception {
        WorkflowRun run = r.buildAndAssertStatus(Result.FAILURE, job(SCRIPT));

        r.assertLogContains("This build runs as SYSTEM, which may not write the Jenkins system credentials", run);
        r.assertLogNotContains("\tat ", run);
    }

    @Test
    void userWithoutCredentialsCreateIsRefused() throws Exception {
        r.jenkins.setSecurityRealm(r.createDummySecurityRealm());
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ, Item.BUILD, CredentialsProvider.USE_ITEM).everywhere().to("alice"));
        QueueItemAuthenticatorConfiguration.get().getAuthenticators().add(
                new MockQueueItemAuthenticator().authenticate("rotate", User.getById("alice", true).impersonate2()));

        WorkflowRun run = r.buildAndAssertStatus(Result.FAILURE, job(SCRIPT));

        r.assertLogContains("Build identity 'alice' lacks Credentials/Create", run);
        r.assertLogContains("'iothub.contoso-hub.policy.service.primary'", run);
        r.assertLogNotContains("\tat ", run);
    }

    @Test
    void invalidArgumentsFailBeforeAnythingHappens() throws Exception {
        WorkflowRun run = r.buildAndAssertStatus(Result.FAILURE,
                job("iotHubRenewKey hub: 'contoso-hub', policy: 'service', key: 'both', azureCredentialsId: 'azure-sp'"));

        r.assertLogContains("key 'both' applies only to device and module keys", run);
        r.assertLogContains("Nothing was sent to Azure", run);
        r.assertLogNotContains("\tat ", run);
    }

    @Test
    void unknownAzureCredentialIsOneLine() throws Exception {
        WorkflowRun run = r.buildAndAssertStatus(Result.FAILURE, job(
                "iotHubRenewKey hub: 'contoso-hub', policy: 'service', key: 'primary', azureCredentialsId: 'nope'"));

        r.assertLogContains("Azure credential 'nope' for hub 'contoso-hub' was not found", run);
        r.assertLogNotContains("\tat ", run);
    }
}
