package io.jenkins.plugins.azure.iothub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsStore;
import hudson.model.BuildableItem;
import hudson.model.Cause;
import hudson.model.Item;
import hudson.model.ModelObject;
import hudson.model.Result;
import hudson.model.TopLevelItem;
import hudson.model.User;
import io.jenkins.plugins.azure.iothub.emulator.SimulatedHub;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import jenkins.model.Jenkins;
import jenkins.scm.impl.mock.MockSCMController;
import jenkins.security.QueueItemAuthenticatorConfiguration;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.MockQueueItemAuthenticator;
import org.jvnet.hudson.test.TestExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The case the security model exists for: whoever can push a Jenkinsfile to a repository of a multibranch project.
 * A branch job's builds write the multibranch project's own credentials, and only as a chosen user or where an
 * administrator listed the project for SYSTEM.
 */
@WithJenkins
class MultibranchCredentialWritingJenkinsTest {

    private static final String SUBSCRIPTION = "00000000-0000-0000-0000-00000000c004";
    private static final String RG = "rg-branches";
    private static final String HUB = "hub-branches";
    private static final String DEFAULT_ID = "iothub.hub-branches.policy.service.secondary";
    private static final String JENKINSFILE = "iotHubRenewKey hub: '" + HUB + "', resourceGroup: '" + RG
            + "', policy: 'service', key: 'secondary', azureCredentialsId: 'emu'\n";

    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension();

    private SimulatedHub hub;
    private MockSCMController scm;
    private JenkinsRule r;

    @BeforeEach
    void setUp(JenkinsRule r) throws Exception {
        this.r = r;
        hub = JenkinsStores.hub(EMULATOR.get(), SUBSCRIPTION, RG, HUB);
        JenkinsStores.addEmulatorCredential(r.jenkins, EMULATOR.get(), SUBSCRIPTION);
        scm = MockSCMController.create();
        scm.createRepository("repo");
        scm.createBranch("repo", "main");
        scm.addFile("repo", "main", "rotate the service key", "Jenkinsfile",
                JENKINSFILE.getBytes(StandardCharsets.UTF_8));
    }

    @AfterEach
    void closeScm() {
        scm.close();
    }

    private static CredentialsStore storeOf(ModelObject context) {
        return JenkinsStores.storeOf(context);
    }

    private static StringCredentials inStore(CredentialsStore store, String id) {
        return JenkinsStores.secretText(store, id);
    }

    /**
     * A Pipeline multibranch project "repo" over the mock SCM, created from its config.xml (the form real
     * installations save, so no test needs the scm-api class hierarchy declared offline).
     */
    private TopLevelItem multibranchProject() throws Exception {
        String xml = "<org.jenkinsci.plugins.workflow.multibranch.WorkflowMultiBranchProject>\n"
                + "  <sources class=\"jenkins.branch.MultiBranchProject$BranchSourceList\">\n"
                + "    <data>\n"
                + "      <jenkins.branch.BranchSource>\n"
                + "        <source class=\"jenkins.scm.impl.mock.MockSCMSource\">\n"
                + "          <id>mock</id>\n"
                + "          <controllerId>" + scm.getId() + "</controllerId>\n"
                + "          <repository>repo</repository>\n"
                + "          <traits>\n"
                + "            <jenkins.scm.impl.mock.MockSCMDiscoverBranches/>\n"
                + "          </traits>\n"
                + "        </source>\n"
                + "      </jenkins.branch.BranchSource>\n"
                + "    </data>\n"
                + "    <owner class=\"org.jenkinsci.plugins.workflow.multibranch.WorkflowMultiBranchProject\""
                + " reference=\"../..\"/>\n"
                + "  </sources>\n"
                + "  <factory class=\"org.jenkinsci.plugins.workflow.multibranch.WorkflowBranchProjectFactory\">\n"
                + "    <owner class=\"org.jenkinsci.plugins.workflow.multibranch.WorkflowMultiBranchProject\""
                + " reference=\"../..\"/>\n"
                + "    <scriptPath>Jenkinsfile</scriptPath>\n"
                + "  </factory>\n"
                + "</org.jenkinsci.plugins.workflow.multibranch.WorkflowMultiBranchProject>\n";
        return r.jenkins.createProjectFromXML("repo", new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Indexes the project; indexing creates the branch job "repo/main" and builds it once. Creating the project from
     * XML has already scheduled one indexing; this one is merged with it in the queue, or runs after it and finds no
     * new revision, so either way there is exactly one build.
     */
    private WorkflowRun indexAndBuild(TopLevelItem project) throws Exception {
        ((BuildableItem) project).scheduleBuild(0, new Cause.UserIdCause());
        r.waitUntilNoActivity();
        WorkflowJob branch = r.jenkins.getItemByFullName("repo/main", WorkflowJob.class);
        WorkflowRun run = branch.getBuildByNumber(1);
        r.waitForCompletion(run);
        return run;
    }

    private String secondaryConnectionString() {
        return "HostName=" + hub.hostName() + ";SharedAccessKeyName=service;SharedAccessKey="
                + hub.policy("service").secondaryKey();
    }

    @Test
    void aBranchBuildRunningAsSystemWritesNothingByDefault() throws Exception {
        TopLevelItem project = multibranchProject();
        String before = hub.policy("service").secondaryKey();

        WorkflowRun run = indexAndBuild(project);

        r.assertBuildStatus(Result.FAILURE, run);
        r.assertLogContains("This build runs as SYSTEM, which may not write the credentials of folder 'repo'", run);
        assertEquals(before, hub.policy("service").secondaryKey(), "nothing was sent to Azure");
        assertNull(inStore(storeOf(project), DEFAULT_ID));
        assertNull(inStore(storeOf(r.jenkins), DEFAULT_ID));
    }

    @Test
    void aListedMultibranchProjectReceivesTheCredentialOfItsBranches() throws Exception {
        IotHubKeyRenewalConfiguration.get().setSystemWritableFolders("repo");
        TopLevelItem project = multibranchProject();

        WorkflowRun run = indexAndBuild(project);

        r.assertBuildStatus(Result.SUCCESS, run);
        r.assertLogContains("Keys go to the credentials of folder 'repo', written as 'SYSTEM'.", run);
        assertEquals(secondaryConnectionString(), inStore(storeOf(project), DEFAULT_ID).getSecret().getPlainText());
    }

    @Test
    void aBranchBuildRunningAsAUserNeedsThatUsersPermissionsOnTheProject() throws Exception {
        // All set before the project exists: creating it from XML already schedules the indexing that creates and
        // builds "repo/main" (MultiBranchProject.onLoad while Items.currentlyUpdatingByXml(), branch-api
        // 2.1280.v0d4e5b_b_460ef), so a later set-up would race with that build. onPaths("repo") is what
        // onItems(project) grants: the project's own path, not its branch jobs.
        r.jenkins.setSecurityRealm(r.createDummySecurityRealm());
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ, Item.BUILD, CredentialsProvider.USE_ITEM).everywhere().to("alice")
                .grant(CredentialsProvider.VIEW, CredentialsProvider.CREATE, CredentialsProvider.UPDATE)
                .onPaths("repo").to("alice"));
        QueueItemAuthenticatorConfiguration.get().getAuthenticators().add(new MockQueueItemAuthenticator()
                .authenticate("repo/main", User.getById("alice", true).impersonate2()));
        TopLevelItem project = multibranchProject();

        WorkflowRun run = indexAndBuild(project);

        r.assertBuildStatus(Result.SUCCESS, run);
        r.assertLogContains("Keys go to the credentials of folder 'repo', written as 'alice'.", run);
        assertEquals(secondaryConnectionString(), inStore(storeOf(project), DEFAULT_ID).getSecret().getPlainText());
    }

    /** Registers the emulator credential type for these tests only. */
    @TestExtension
    public static final class EmulatorCredentialsDescriptor extends EmulatorAzureCredentials.EmulatorDescriptor {}
}
