package io.jenkins.plugins.azure.iothub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.hudson.plugins.folder.Folder;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.domains.Domain;
import com.microsoft.azure.util.AzureCredentials;
import hudson.model.Result;
import hudson.util.FormValidation;
import hudson.util.Secret;
import io.jenkins.plugins.azure.iothub.emulator.IotHubEmulator;
import java.util.List;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * {@code iotHubRenewKey(hub:, policy:, key:)} without azureCredentialsId: the nearest folder's default, else the
 * global one; dry runs against the local IoT Hub emulator (they look the hub and policy up with the credential).
 */
@WithJenkins
class DefaultAzureCredentialJenkinsTest {

    private static final String SUBSCRIPTION = "00000000-0000-0000-0000-00000000c002";
    private static final String HUB = "hub-defaults";
    private static final String STEP = "iotHubRenewKey hub: '" + HUB + "', policy: 'service', key: 'secondary', "
            + "dryRun: true";

    private static IotHubEmulator emulator;
    private JenkinsRule r;

    @BeforeAll
    static void startEmulator() {
        emulator = IotHubEmulator.start();
        emulator.addHub(SUBSCRIPTION, "rg-defaults", HUB);
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @BeforeEach
    void setUp(JenkinsRule r) throws Exception {
        this.r = r;
        IotHubKeyRenewalConfiguration.get().setAllowSystemBuildsToWriteSystemStore(true);
        IotHubKeyRenewalConfiguration.get().setSystemWritableFolders("team\nteam/iot");
        CredentialsProvider.lookupStores(r.jenkins).iterator().next().addCredentials(Domain.global(),
                new EmulatorAzureCredentials("emu", emulator.armEndpoint(), SUBSCRIPTION, emulator.tokenCredential()));
    }

    private WorkflowJob job(Object parent, String script) throws Exception {
        WorkflowJob job = parent instanceof Folder folder
                ? folder.createProject(WorkflowJob.class, "rotate")
                : r.createProject(WorkflowJob.class, "rotate");
        job.setDefinition(new CpsFlowDefinition(script, true));
        return job;
    }

    /** System-scoped credentials are for Jenkins itself: the global default offers only those a build can use. */
    @Test
    void theGlobalDefaultOffersOnlyCredentialsABuildCanUse() throws Exception {
        CredentialsProvider.lookupStores(r.jenkins).iterator().next().addCredentials(Domain.global(),
                new AzureCredentials(CredentialsScope.SYSTEM, "sp-system", "for Jenkins itself", SUBSCRIPTION,
                        "client-id", Secret.fromString("not-a-real-secret")));

        List<String> offered = IotHubKeyRenewalConfiguration.get().doFillDefaultAzureCredentialsIdItems("").stream()
                .map(option -> option.value).toList();

        assertTrue(offered.contains("emu"), offered::toString);
        assertFalse(offered.contains("sp-system"), offered::toString);
    }

    @Test
    void theStepWithoutAzureCredentialsIdUsesTheFoldersDefault() throws Exception {
        Folder team = r.createProject(Folder.class, "team");
        team.getProperties().add(new DefaultAzureCredentialProperty("emu"));
        IotHubKeyRenewalConfiguration.get().setDefaultAzureCredentialsId("not-there");

        WorkflowRun run = r.assertBuildStatusSuccess(job(team, STEP).scheduleBuild2(0));

        r.assertLogContains("Azure credential: 'emu', the default of folder 'team'.", run);
        r.assertLogContains("Dry run: policy 'service' on hub '" + HUB + "' exists", run);
    }

    @Test
    void theNearestFolderWins() throws Exception {
        Folder team = r.createProject(Folder.class, "team");
        team.getProperties().add(new DefaultAzureCredentialProperty("not-there"));
        Folder iot = team.createProject(Folder.class, "iot");
        iot.getProperties().add(new DefaultAzureCredentialProperty("emu"));

        WorkflowRun run = r.assertBuildStatusSuccess(job(iot, STEP).scheduleBuild2(0));

        r.assertLogContains("Azure credential: 'emu', the default of folder 'team/iot'.", run);
    }

    @Test
    void withoutAFolderDefaultTheGlobalOneApplies() throws Exception {
        IotHubKeyRenewalConfiguration.get().setDefaultAzureCredentialsId("emu");

        WorkflowRun run = r.assertBuildStatusSuccess(job(r.jenkins, STEP).scheduleBuild2(0));

        r.assertLogContains("Azure credential: 'emu', the default of the global configuration.", run);
    }

    @Test
    void anIdInTheStepWinsOverEveryDefault() throws Exception {
        Folder team = r.createProject(Folder.class, "team");
        team.getProperties().add(new DefaultAzureCredentialProperty("not-there"));

        WorkflowRun run = r.assertBuildStatusSuccess(
                job(team, STEP + ", azureCredentialsId: 'emu'").scheduleBuild2(0));

        r.assertLogNotContains("the default of", run);
    }

    @Test
    void withoutAnyDefaultTheBuildSaysWhatToSet() throws Exception {
        WorkflowRun run = r.assertBuildStatus(Result.FAILURE, job(r.jenkins, STEP).scheduleBuild2(0));

        r.assertLogContains("No Azure credential for hub '" + HUB + "': set azureCredentialsId to an 'Azure Service "
                + "Principal' or 'Azure Managed Identity' credential, or set a default Azure credential on a folder "
                + "of this job or in the global configuration.", run);
    }

    /** The form names the default that an empty field means, or says that one is needed. */
    @Test
    void theFormShowsWhichDefaultAnEmptyFieldMeans() throws Exception {
        Folder team = r.createProject(Folder.class, "team");
        WorkflowJob job = job(team, STEP);
        RenewKeyConfig.DescriptorImpl form = r.jenkins.getDescriptorByType(RenewKeyConfig.DescriptorImpl.class);

        assertEquals(FormValidation.Kind.ERROR, form.doCheckAzureCredentialsId(job, "").kind);

        team.getProperties().add(new DefaultAzureCredentialProperty("emu"));
        FormValidation answer = form.doCheckAzureCredentialsId(job, "");
        assertEquals(FormValidation.Kind.OK, answer.kind);
        assertEquals("Uses the default Azure credential &#039;emu&#039; of folder &#039;team&#039;.",
                answer.getMessage());
    }

    /** Registers the emulator credential type for these tests only. */
    @TestExtension
    public static final class EmulatorCredentialsDescriptor extends EmulatorAzureCredentials.EmulatorDescriptor {}
}
