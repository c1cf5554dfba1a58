package io.jenkins.plugins.azure.iothub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.hudson.plugins.folder.Folder;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.CredentialsStore;
import com.cloudbees.plugins.credentials.domains.Domain;
import hudson.model.Item;
import hudson.model.ItemGroup;
import hudson.model.ModelObject;
import hudson.model.Result;
import hudson.model.User;
import hudson.util.FormValidation;
import hudson.util.Secret;
import io.jenkins.plugins.azure.iothub.emulator.FaultRule;
import io.jenkins.plugins.azure.iothub.emulator.SimulatedHub;
import java.util.List;
import jenkins.model.Jenkins;
import jenkins.security.QueueItemAuthenticatorConfiguration;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.MockQueueItemAuthenticator;
import org.jvnet.hudson.test.TestExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The rows of the matrix in docs/security.md, in real Jenkins: who the build runs as (SYSTEM, or a user chosen by a
 * QueueItemAuthenticator), which store it writes (system, folder, nested folder, an enclosing folder chosen with
 * credentialsFolder), and what the id holds already. The offline {@code StoreCredentialTargetTest} runs the same
 * rows against models of the stores.
 */
@WithJenkins
class CredentialWritingJenkinsTest {

    private static final String SUBSCRIPTION = "00000000-0000-0000-0000-00000000c002";
    private static final String RG = "rg-writing";
    private static final String HUB = "hub-writing";
    private static final String DEFAULT_ID = "iothub.hub-writing.policy.service.primary";

    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension();

    private SimulatedHub hub;
    private JenkinsRule r;

    @BeforeEach
    void setUp(JenkinsRule r) throws Exception {
        this.r = r;
        EMULATOR.get().faults().clear();
        hub = JenkinsStores.hub(EMULATOR.get(), SUBSCRIPTION, RG, HUB);
        for (String device : List.of("Sensor-1", "sensor-1")) {
            if (!hub.hasDevice(device)) {
                hub.addDevice(device);
            }
        }
        JenkinsStores.addEmulatorCredential(r.jenkins, EMULATOR.get(), SUBSCRIPTION);
    }

    // --- set-up helpers ---

    private CredentialsStore systemStore() {
        return storeOf(r.jenkins);
    }

    private static CredentialsStore storeOf(ModelObject context) {
        return JenkinsStores.storeOf(context);
    }

    private static String policyStep(String extra) {
        return policyStep(HUB, extra);
    }

    private static String policyStep(String hubName, String extra) {
        return "iotHubRenewKey hub: '" + hubName + "', resourceGroup: '" + RG + "', policy: 'service', "
                + "key: 'primary', azureCredentialsId: 'emu'" + extra;
    }

    private WorkflowJob job(ItemGroup<?> parent, String script) throws Exception {
        return job(parent, "rotate", script);
    }

    private WorkflowJob job(ItemGroup<?> parent, String name, String script) throws Exception {
        WorkflowJob job = parent == r.jenkins
                ? r.createProject(WorkflowJob.class, name)
                : ((Folder) parent).createProject(WorkflowJob.class, name);
        job.setDefinition(new CpsFlowDefinition(script, true));
        return job;
    }

    /** Security on; alice may read and build everything and use the item's credentials (the Azure credential). */
    private MockAuthorizationStrategy aliceMayBuild() {
        r.jenkins.setSecurityRealm(r.createDummySecurityRealm());
        MockAuthorizationStrategy strategy = new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ, Item.BUILD, CredentialsProvider.USE_ITEM).everywhere().to("alice");
        r.jenkins.setAuthorizationStrategy(strategy);
        return strategy;
    }

    private static void runsAsAlice(WorkflowJob job) {
        QueueItemAuthenticatorConfiguration.get().getAuthenticators().add(new MockQueueItemAuthenticator()
                .authenticate(job.getFullName(), User.getById("alice", true).impersonate2()));
    }

    private static StringCredentials inStore(CredentialsStore store, String id) {
        return JenkinsStores.secretText(store, id);
    }

    private String policyConnectionString() {
        return "HostName=" + hub.hostName() + ";SharedAccessKeyName=service;SharedAccessKey="
                + hub.policy("service").primaryKey();
    }

    private static String ours(String target) {
        return KeyRenewalService.OWNERSHIP_MARKER + ": primary connection string of " + target;
    }

    private WorkflowRun refused(WorkflowJob job, String expected) throws Exception {
        String before = hub.policy("service").primaryKey();
        WorkflowRun run = r.buildAndAssertStatus(Result.FAILURE, job);
        r.assertLogContains(expected, run);
        r.assertLogNotContains("\tat ", run);
        assertEquals(before, hub.policy("service").primaryKey(), "nothing was sent to Azure");
        return run;
    }

    // --- SYSTEM ---

    @Test
    void systemBuildInAFolderWritesNothingUnlessTheFolderIsListed() throws Exception {
        Folder team = r.createProject(Folder.class, "team");
        WorkflowJob job = job(team, policyStep(""));

        refused(job, "This build runs as SYSTEM, which may not write the credentials of folder 'team'");
        assertNull(inStore(storeOf(team), DEFAULT_ID));

        IotHubKeyRenewalConfiguration.get().setSystemWritableFolders("team");
        WorkflowRun run = r.buildAndAssertSuccess(job);
        r.assertLogContains("Keys go to the credentials of folder 'team', written as 'SYSTEM'.", run);
        assertEquals(policyConnectionString(), inStore(storeOf(team), DEFAULT_ID).getSecret().getPlainText());
        assertNull(inStore(systemStore(), DEFAULT_ID));
    }

    @Test
    void aListedFolderDoesNotOpenItsSubfoldersButCanBeChosenWithCredentialsFolder() throws Exception {
        Folder a = r.createProject(Folder.class, "a");
        Folder b = a.createProject(Folder.class, "b");
        IotHubKeyRenewalConfiguration.get().setSystemWritableFolders("a");

        refused(job(b, policyStep("")), "may not write the credentials of folder 'a/b'");

        WorkflowRun run = r.buildAndAssertSuccess(job(b, "rotate-into-a", policyStep(", credentialsFolder: 'a'")));
        r.assertLogContains("Keys go to the credentials of folder 'a', written as 'SYSTEM'.", run);
        assertEquals(policyConnectionString(), inStore(storeOf(a), DEFAULT_ID).getSecret().getPlainText());
        assertNull(inStore(storeOf(b), DEFAULT_ID));
    }

    @Test
    void credentialsFolderMustHoldTheJob() throws Exception {
        r.createProject(Folder.class, "elsewhere");
        Folder team = r.createProject(Folder.class, "team");
        refused(job(team, policyStep(", credentialsFolder: 'elsewhere'")),
                "credentialsFolder 'elsewhere' is not a folder that holds job 'team/rotate': use the full name of "
                        + "one of its folders (team), '/' for the Jenkins system credentials");
    }

    // --- a user chosen by Access Control for Builds ---

    @Test
    void aUserWithViewCreateAndUpdateOnTheFolderCreatesThenUpdatesTheCredential() throws Exception {
        Folder team = r.createProject(Folder.class, "team");
        aliceMayBuild().grant(CredentialsProvider.VIEW, CredentialsProvider.CREATE, CredentialsProvider.UPDATE)
                .onItems(team).to("alice");
        WorkflowJob job = job(team, policyStep(""));
        runsAsAlice(job);

        WorkflowRun first = r.buildAndAssertSuccess(job);
        r.assertLogContains("Keys go to the credentials of folder 'team', written as 'alice'.", first);
        r.assertLogContains("(created)", first);
        WorkflowRun second = r.buildAndAssertSuccess(job);
        r.assertLogContains("(updated)", second);

        StringCredentials stored = inStore(storeOf(team), DEFAULT_ID);
        assertEquals(policyConnectionString(), stored.getSecret().getPlainText());
        assertEquals(CredentialsScope.GLOBAL, stored.getScope());
        assertEquals(ours("policy 'service' on hub '" + HUB + "'"), stored.getDescription());
    }

    @Test
    void aUserWithoutCreateIsRefused() throws Exception {
        Folder team = r.createProject(Folder.class, "team");
        aliceMayBuild().grant(CredentialsProvider.VIEW).onItems(team).to("alice");
        WorkflowJob job = job(team, policyStep(""));
        runsAsAlice(job);

        refused(job, "Build identity 'alice' lacks Credentials/Create on the credentials of folder 'team', needed to "
                + "create credential '" + DEFAULT_ID + "'");
    }

    @Test
    void aUserWithoutViewIsRefused() throws Exception {
        Folder team = r.createProject(Folder.class, "team");
        aliceMayBuild().grant(CredentialsProvider.CREATE, CredentialsProvider.UPDATE).onItems(team).to("alice");
        WorkflowJob job = job(team, policyStep(""));
        runsAsAlice(job);

        refused(job, "lacks Credentials/View on the credentials of folder 'team', needed to look up credential");
    }

    @Test
    void aUserWithCreateButNotUpdateCannotReplaceItsOwnCredential() throws Exception {
        Folder team = r.createProject(Folder.class, "team");
        storeOf(team).addCredentials(Domain.global(), new StringCredentialsImpl(CredentialsScope.GLOBAL, DEFAULT_ID,
                ours("policy 'service' on hub '" + HUB + "'"), Secret.fromString("old")));
        aliceMayBuild().grant(CredentialsProvider.VIEW, CredentialsProvider.CREATE).onItems(team).to("alice");
        WorkflowJob job = job(team, policyStep(""));
        runsAsAlice(job);

        refused(job, "lacks Credentials/Update on the credentials of folder 'team', needed to update credential");
        assertEquals("old", inStore(storeOf(team), DEFAULT_ID).getSecret().getPlainText());
    }

    @Test
    void aUserWritesTheSystemCredentialsWithItsOwnPermissionsThere() throws Exception {
        Folder team = r.createProject(Folder.class, "team");
        aliceMayBuild().grant(CredentialsProvider.VIEW, CredentialsProvider.CREATE).onRoot().to("alice");
        WorkflowJob job = job(team, policyStep(", credentialsFolder: '/'"));
        runsAsAlice(job);

        WorkflowRun run = r.buildAndAssertSuccess(job);
        r.assertLogContains("Keys go to the Jenkins system credentials, written as 'alice'.", run);
        assertEquals(policyConnectionString(), inStore(systemStore(), DEFAULT_ID).getSecret().getPlainText());
    }

    // --- what the id holds already ---

    @Test
    void aCredentialWrittenForAnotherTargetIsNotReplaced() throws Exception {
        IotHubKeyRenewalConfiguration.get().setAllowSystemBuildsToWriteSystemStore(true);
        systemStore().addCredentials(Domain.global(), new StringCredentialsImpl(CredentialsScope.GLOBAL, "shared",
                ours("policy 'service' on hub 'other-hub'"), Secret.fromString("other hub's key")));

        refused(job(r.jenkins, policyStep(", primaryCredentialsId: 'shared'")),
                "Credential 'shared' in the Jenkins system credentials holds a key this plugin renewed for something "
                        + "other than policy 'service' on hub '" + HUB + "'");
        assertEquals("other hub's key", inStore(systemStore(), "shared").getSecret().getPlainText());
    }

    @Test
    void aCredentialThePluginDidNotWriteIsNotReplaced() throws Exception {
        IotHubKeyRenewalConfiguration.get().setAllowSystemBuildsToWriteSystemStore(true);
        systemStore().addCredentials(Domain.global(), new StringCredentialsImpl(CredentialsScope.GLOBAL, DEFAULT_ID,
                "made by hand", Secret.fromString("keep me")));

        refused(job(r.jenkins, policyStep("")), "already exists in the Jenkins system credentials and was not "
                + "created by this plugin");
        assertEquals("keep me", inStore(systemStore(), DEFAULT_ID).getSecret().getPlainText());
    }

    @Test
    void aSystemScopedCredentialStaysSystemScoped() throws Exception {
        IotHubKeyRenewalConfiguration.get().setAllowSystemBuildsToWriteSystemStore(true);
        systemStore().addCredentials(Domain.global(), new StringCredentialsImpl(CredentialsScope.SYSTEM, DEFAULT_ID,
                ours("policy 'service' on hub '" + HUB + "'"), Secret.fromString("old")));

        r.buildAndAssertSuccess(job(r.jenkins, policyStep("")));

        StringCredentials stored = inStore(systemStore(), DEFAULT_ID);
        assertEquals(CredentialsScope.SYSTEM, stored.getScope());
        assertEquals(policyConnectionString(), stored.getSecret().getPlainText());
    }

    @Test
    void anIdInTwoDomainsIsRefused() throws Exception {
        IotHubKeyRenewalConfiguration.get().setAllowSystemBuildsToWriteSystemStore(true);
        String description = ours("policy 'service' on hub '" + HUB + "'");
        systemStore().addCredentials(Domain.global(), new StringCredentialsImpl(CredentialsScope.GLOBAL, DEFAULT_ID,
                description, Secret.fromString("one")));
        systemStore().addDomain(new Domain("iot", "IoT hubs", List.of()), new StringCredentialsImpl(
                CredentialsScope.GLOBAL, DEFAULT_ID, description, Secret.fromString("two")));

        refused(job(r.jenkins, policyStep("")), "Credential '" + DEFAULT_ID + "' exists in 2 domains of the Jenkins "
                + "system credentials");
    }

    @Test
    void aNewIdThatTheJobAlreadyResolvesFromAnOuterStoreIsRefused() throws Exception {
        Folder team = r.createProject(Folder.class, "team");
        systemStore().addCredentials(Domain.global(), new StringCredentialsImpl(CredentialsScope.GLOBAL, "deploy",
                "made by hand", Secret.fromString("outer")));
        aliceMayBuild().grant(CredentialsProvider.VIEW, CredentialsProvider.CREATE, CredentialsProvider.UPDATE)
                .onItems(team).to("alice");
        WorkflowJob job = job(team, policyStep(", primaryCredentialsId: 'deploy'"));
        runsAsAlice(job);

        refused(job, "Credential 'deploy' already reaches this job from another credentials store; creating it in "
                + "the credentials of folder 'team' too");
        assertNull(inStore(storeOf(team), "deploy"));
    }

    @Test
    void twoDevicesThatDifferOnlyInCaseKeepSeparateCredentials() throws Exception {
        IotHubKeyRenewalConfiguration.get().setAllowSystemBuildsToWriteSystemStore(true);
        WorkflowJob job = job(r.jenkins,
                "for (d in ['Sensor-1', 'sensor-1']) {\n"
                        + "  iotHubRenewKey hub: '" + HUB + "', resourceGroup: '" + RG + "', device: d, key: 'primary', "
                        + "azureCredentialsId: 'emu', store: 'key'\n"
                        + "}\n");

        r.buildAndAssertSuccess(job);

        String upper = inStore(systemStore(), "iothub.hub-writing.device.Sensor-1.primary").getSecret().getPlainText();
        String lower = inStore(systemStore(), "iothub.hub-writing.device.sensor-1.primary").getSecret().getPlainText();
        assertEquals(hub.device("Sensor-1").primaryKey(), upper);
        assertEquals(hub.device("sensor-1").primaryKey(), lower);
        assertNotEquals(upper, lower);
    }

    // --- the form finds what the build finds ---

    /**
     * With builds running as alice, who may use the job's credentials (Credentials/UseItem), the credential picker and
     * Test connection find the system's Azure credential as her builds do (findCredentialById's fallback to SYSTEM).
     */
    @Test
    void thePickerAndTestConnectionFindTheCredentialTheBuildFinds() throws Exception {
        aliceMayBuild();
        WorkflowJob job = job(r.jenkins, policyStep(""));
        runsAsAlice(job);
        RenewKeyConfig.DescriptorImpl form = r.jenkins.getDescriptorByType(RenewKeyConfig.DescriptorImpl.class);

        List<String> offered = form.doFillAzureCredentialsIdItems(job, "").stream()
                .map(option -> option.value).toList();
        FormValidation found = form.doTestConnection(job, HUB, RG, null, "emu");

        assertTrue(offered.contains("emu"), offered::toString);
        assertEquals(FormValidation.Kind.OK, found.kind, found.getMessage());
    }

    // --- abort ---

    /**
     * On a hub of its own: the emulator still processes the delayed PUT once the delay is over, after the build has
     * ended, and the key it then renews must not change under the other tests' assertions on {@link #HUB}.
     */
    @Test
    void anAbortedPipelineSaysWhatAzureMayHoldAndHowToRecover() throws Exception {
        String abortedHub = "hub-writing-aborted";
        JenkinsStores.hub(EMULATOR.get(), SUBSCRIPTION, RG, abortedHub);
        IotHubKeyRenewalConfiguration.get().setAllowSystemBuildsToWriteSystemStore(true);
        FaultRule slowUpdate = EMULATOR.get().faults().on("PUT", ".*/IotHubs/" + abortedHub).atArm().delay(30_000);
        WorkflowJob job = job(r.jenkins, policyStep(abortedHub, ""));

        WorkflowRun run = job.scheduleBuild2(0).waitForStart();
        r.waitForMessage("Renewing the primary key of policy 'service'", run);
        assertEquals(1, JenkinsStores.awaitFired(slowUpdate), "the hub update is under way");
        run.doStop();

        r.waitForCompletion(run);
        r.assertBuildStatus(Result.ABORTED, run);
        r.assertLogContains("Azure may already hold a new primary key", run);
        r.assertLogContains("To recover, copy the current value from Azure into the secret-text credential(s): '"
                + "iothub." + abortedHub + ".policy.service.primary' <- `az iot hub connection-string show", run);
        r.assertLogNotContains("\tat ", run);
    }

    /** Registers the emulator credential type for these tests only. */
    @TestExtension
    public static final class EmulatorCredentialsDescriptor extends EmulatorAzureCredentials.EmulatorDescriptor {}
}
