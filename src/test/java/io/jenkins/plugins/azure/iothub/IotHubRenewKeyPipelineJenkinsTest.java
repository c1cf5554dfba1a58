package io.jenkins.plugins.azure.iothub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.cloudbees.hudson.plugins.folder.Folder;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Run;
import hudson.security.ACL;
import io.jenkins.plugins.azure.iothub.emulator.SharedAccessPolicy;
import io.jenkins.plugins.azure.iothub.emulator.SimulatedHub;
import io.jenkins.plugins.azure.iothub.emulator.SimulatedIdentity;
import io.jenkins.plugins.azure.iothub.engine.KeyMaterial;
import java.util.ArrayList;
import java.util.List;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Real builds against the local IoT Hub emulator: the renewed key lands in the Jenkins credentials and a later
 * step uses it. Needs a running Jenkins (standard build only).
 */
@WithJenkins
class IotHubRenewKeyPipelineJenkinsTest {

    private static final String SUBSCRIPTION = "00000000-0000-0000-0000-00000000c001";
    private static final String RG = "rg-jenkins";
    private static final String HUB = "hub-jenkins";

    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension();

    private SimulatedHub hub;
    private JenkinsRule r;

    @BeforeEach
    void setUp(JenkinsRule r) throws Exception {
        this.r = r;
        hub = JenkinsStores.hub(EMULATOR.get(), SUBSCRIPTION, RG, HUB);
        if (!hub.hasDevice("thermostat-7")) {
            hub.addDevice("thermostat-7");
        }
        // Builds here run as SYSTEM and the jobs are top level: the administrator switch lets them write the
        // system credentials (the refusal without it is in IotHubRenewKeySecurityJenkinsTest).
        IotHubKeyRenewalConfiguration.get().setAllowSystemBuildsToWriteSystemStore(true);
        JenkinsStores.addEmulatorCredential(r.jenkins, EMULATOR.get(), SUBSCRIPTION);
    }

    private String storedSecret(String id) {
        for (StringCredentials c : CredentialsProvider.lookupCredentialsInItemGroup(
                StringCredentials.class, r.jenkins, ACL.SYSTEM2, List.of())) {
            if (c.getId().equals(id)) {
                return c.getSecret().getPlainText();
            }
        }
        return null;
    }

    private List<String> emulatorKeys() {
        List<String> keys = new ArrayList<>();
        for (SharedAccessPolicy p : hub.policies()) {
            keys.add(p.primaryKey());
            keys.add(p.secondaryKey());
        }
        SimulatedIdentity device = hub.device("thermostat-7");
        keys.add(device.primaryKey());
        keys.add(device.secondaryKey());
        return keys;
    }

    private void assertLogShowsNoKeyAndNoStackTrace(Run<?, ?> run) throws Exception {
        for (String key : emulatorKeys()) {
            r.assertLogNotContains(key, run);
        }
        r.assertLogNotContains("\tat ", run);
    }

    @Test
    void pipelineRenewsAPolicyKeyAndALaterStepUsesTheNewValue() throws Exception {
        String before = hub.policy("service").primaryKey();
        WorkflowJob job = r.createProject(WorkflowJob.class, "rotate");
        job.setDefinition(new CpsFlowDefinition(
                "def renewed = iotHubRenewKey hub: '" + HUB + "', resourceGroup: '" + RG + "', policy: 'service', "
                        + "key: 'primary', azureCredentialsId: 'emu'\n"
                        + "echo \"renewed ${renewed.primaryCredentialsId} ${renewed.credentials[0].result} "
                        + "fingerprint ${renewed.credentials[0].fingerprint} verified ${renewed.verified}\"\n"
                        + "withCredentials([string(credentialsId: renewed.primaryCredentialsId, variable: 'CS')]) {\n"
                        + "    echo \"hash=${CS.hashCode()}\"\n"
                        + "}\n",
                true));

        WorkflowRun run = r.assertBuildStatusSuccess(job.scheduleBuild2(0));

        String renewed = hub.policy("service").primaryKey();
        assertNotEquals(before, renewed);
        String expected = "HostName=" + hub.hostName() + ";SharedAccessKeyName=service;SharedAccessKey=" + renewed;
        assertEquals(expected, storedSecret("iothub.hub-jenkins.policy.service.primary"));
        r.assertLogContains("renewed iothub.hub-jenkins.policy.service.primary created fingerprint "
                + KeyMaterial.of(renewed).fingerprint() + " verified true", run);
        r.assertLogContains("hash=" + expected.hashCode(), run);
        assertLogShowsNoKeyAndNoStackTrace(run);
        KeyRenewalAction action = run.getAction(KeyRenewalAction.class);
        assertNotNull(action);
        assertEquals("iothub.hub-jenkins.policy.service.primary",
                action.getRenewals().get(0).getCredentials().get(0).getCredentialsId());
    }

    @Test
    void systemBuildInAFolderWritesTheFolderCredentialsWhenTheAdministratorListedTheFolder() throws Exception {
        IotHubKeyRenewalConfiguration.get().setAllowSystemBuildsToWriteSystemStore(false);
        IotHubKeyRenewalConfiguration.get().setSystemWritableFolders("iot");
        Folder folder = r.createProject(Folder.class, "iot");
        WorkflowJob job = folder.createProject(WorkflowJob.class, "rotate");
        job.setDefinition(new CpsFlowDefinition(
                "def renewed = iotHubRenewKey hub: '" + HUB + "', policy: 'service', key: 'secondary', "
                        + "azureCredentialsId: 'emu', secondaryCredentialsId: 'service-cs'\n"
                        + "withCredentials([string(credentialsId: 'service-cs', variable: 'CS')]) {\n"
                        + "    echo \"hash=${CS.hashCode()}\"\n"
                        + "}\n",
                true));

        WorkflowRun run = r.assertBuildStatusSuccess(job.scheduleBuild2(0));

        String expected = "HostName=" + hub.hostName() + ";SharedAccessKeyName=service;SharedAccessKey="
                + hub.policy("service").secondaryKey();
        String inFolder = null;
        for (StringCredentials c : CredentialsProvider.lookupCredentialsInItemGroup(
                StringCredentials.class, folder, ACL.SYSTEM2, List.of())) {
            if (c.getId().equals("service-cs")) {
                inFolder = c.getSecret().getPlainText();
            }
        }
        assertEquals(expected, inFolder);
        assertEquals(null, storedSecret("service-cs"), "nothing in the system credentials");
        r.assertLogContains("Keys go to the credentials of folder 'iot', written as 'SYSTEM'.", run);
        r.assertLogContains("in credential 'service-cs' (created) in the credentials of folder 'iot'", run);
        r.assertLogContains("hash=" + expected.hashCode(), run);
        assertLogShowsNoKeyAndNoStackTrace(run);
    }

    @Test
    void freestyleBuildRenewsADeviceKey() throws Exception {
        RenewKeyConfig config = new RenewKeyConfig(HUB, "secondary");
        config.setDevice("thermostat-7");
        config.setResourceGroup(RG);
        config.setAzureCredentialsId("emu");
        config.setStore("key");
        FreeStyleProject project = r.createProject(FreeStyleProject.class, "rotate-device");
        project.getBuildersList().add(new IotHubRenewKeyBuilder(config));

        FreeStyleBuild build = r.buildAndAssertSuccess(project);

        assertEquals(hub.device("thermostat-7").secondaryKey(),
                storedSecret("iothub.hub-jenkins.device.thermostat-7.secondary"));
        r.assertLogContains("in credential 'iothub.hub-jenkins.device.thermostat-7.secondary' (created)", build);
        assertLogShowsNoKeyAndNoStackTrace(build);
    }

    @Test
    void azureRefusalFailsTheBuildWithOneLine() throws Exception {
        WorkflowJob job = r.createProject(WorkflowJob.class, "missing");
        job.setDefinition(new CpsFlowDefinition("iotHubRenewKey hub: 'hub-missing', policy: 'service', "
                + "key: 'primary', azureCredentialsId: 'emu'", true));

        WorkflowRun run = r.assertBuildStatus(hudson.model.Result.FAILURE, job.scheduleBuild2(0));

        r.assertLogContains("hub-missing", run);
        assertLogShowsNoKeyAndNoStackTrace(run);
    }

    /** Registers the emulator credential type for these tests only. */
    @TestExtension
    public static final class EmulatorCredentialsDescriptor extends EmulatorAzureCredentials.EmulatorDescriptor {}
}
