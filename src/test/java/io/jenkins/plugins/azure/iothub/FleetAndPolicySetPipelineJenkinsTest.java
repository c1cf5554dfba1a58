package io.jenkins.plugins.azure.iothub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Run;
import hudson.security.ACL;
import io.jenkins.plugins.azure.iothub.emulator.SharedAccessPolicy;
import io.jenkins.plugins.azure.iothub.emulator.SimulatedHub;
import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
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
 * Real builds of {@code iotHubRenewPolicyKeys} and {@code iotHubRenewFleetKeys} (and the policies' freestyle builder)
 * against the local IoT Hub emulator: the Pipeline DSL binds the arguments (a list of maps for the policies), the keys
 * land in the Jenkins credentials (secret texts, or one Secret file), and no key reaches the log. Needs a running
 * Jenkins (standard build only).
 */
@WithJenkins
class FleetAndPolicySetPipelineJenkinsTest {

    private static final String SUBSCRIPTION = "00000000-0000-0000-0000-00000000c011";
    private static final String RG = "rg-jenkins-fleet";

    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension();

    private JenkinsRule r;

    @BeforeEach
    void setUp(JenkinsRule r) throws Exception {
        this.r = r;
        // Builds here run as SYSTEM and the jobs are top level: the administrator switch lets them write the
        // system credentials (the refusal without it is in IotHubRenewKeySecurityJenkinsTest).
        IotHubKeyRenewalConfiguration.get().setAllowSystemBuildsToWriteSystemStore(true);
        JenkinsStores.addEmulatorCredential(r.jenkins, EMULATOR.get(), SUBSCRIPTION);
    }

    @TestExtension
    public static final class EmulatorCredentialsDescriptor extends EmulatorAzureCredentials.EmulatorDescriptor {}

    private String secretText(String id) {
        StringCredentials c = JenkinsStores.secretText(JenkinsStores.storeOf(r.jenkins), id);
        return c == null ? null : c.getSecret().getPlainText();
    }

    private JsonNode secretFile(String id) throws Exception {
        for (FileCredentials c : CredentialsProvider.lookupCredentialsInItemGroup(
                FileCredentials.class, r.jenkins, ACL.SYSTEM2, List.of())) {
            if (c.getId().equals(id)) {
                try (InputStream in = c.getContent()) {
                    return new ObjectMapper().readTree(in);
                }
            }
        }
        return null;
    }

    private static void assertNoKeyIn(JenkinsRule r, Run<?, ?> run, List<String> keys) throws Exception {
        for (String key : keys) {
            r.assertLogNotContains(key, run);
        }
        r.assertLogNotContains("\tat ", run);
        String buildXml = Files.readString(new File(run.getRootDir(), "build.xml").toPath(), StandardCharsets.UTF_8);
        String page = r.createWebClient().goTo(run.getUrl() + "iothub-keys/").asNormalizedText();
        for (String key : keys) {
            assertTrue(!buildXml.contains(key) && !page.contains(key), "key material in build.xml or the build page");
        }
    }

    private static List<String> policyKeys(SimulatedHub hub) {
        List<String> keys = new ArrayList<>();
        for (SharedAccessPolicy p : hub.policies()) {
            keys.add(p.primaryKey());
            keys.add(p.secondaryKey());
        }
        return keys;
    }

    @Test
    void pipelineRenewsSeveralPoliciesInOneHubUpdateAndALaterStepUsesOne() throws Exception {
        SimulatedHub hub = JenkinsStores.hub(EMULATOR.get(), SUBSCRIPTION, RG, "hub-jenkins-set");
        String oldReadPrimary = hub.policy("registryRead").primaryKey();
        WorkflowJob job = r.createProject(WorkflowJob.class, "policies");
        job.setDefinition(new CpsFlowDefinition(
                "def renewed = iotHubRenewPolicyKeys hub: 'hub-jenkins-set', resourceGroup: '" + RG + "',"
                        + " azureCredentialsId: 'emu',"
                        + " policies: [[policy: 'service', key: 'secondary'], [policy: 'registryRead', key: 'swap']]\n"
                        + "echo \"policies ${renewed.policies.size()} ${renewed.policies[0].secondaryCredentialsId}\"\n"
                        + "withCredentials([string(credentialsId: 'iothub.hub-jenkins-set.policy.service.secondary',"
                        + " variable: 'CS')]) {\n"
                        + "    echo \"hash=${CS.hashCode()}\"\n"
                        + "}\n",
                true));

        WorkflowRun run = r.assertBuildStatusSuccess(job.scheduleBuild2(0));

        assertEquals(1, EMULATOR.get().requests().count("PUT", ".*/IotHubs/hub-jenkins-set"), "one hub update");
        String service = "HostName=" + hub.hostName() + ";SharedAccessKeyName=service;SharedAccessKey="
                + hub.policy("service").secondaryKey();
        assertEquals(service, secretText("iothub.hub-jenkins-set.policy.service.secondary"));
        assertEquals(oldReadPrimary, hub.policy("registryRead").secondaryKey(), "swapped");
        assertEquals("HostName=" + hub.hostName() + ";SharedAccessKeyName=registryRead;SharedAccessKey="
                + hub.policy("registryRead").primaryKey(),
                secretText("iothub.hub-jenkins-set.policy.registryread.primary"));
        r.assertLogContains("policies 2 iothub.hub-jenkins-set.policy.service.secondary", run);
        r.assertLogContains("hash=" + service.hashCode(), run);
        assertNoKeyIn(r, run, policyKeys(hub));
        assertEquals(2, run.getAction(KeyRenewalAction.class).getRenewals().size());
    }

    @Test
    void freestyleBuilderRenewsSeveralPolicies() throws Exception {
        SimulatedHub hub = JenkinsStores.hub(EMULATOR.get(), SUBSCRIPTION, RG, "hub-jenkins-set-fs");
        RenewPolicyKeysConfig config = new RenewPolicyKeysConfig("hub-jenkins-set-fs", List.of(
                new PolicyKeyChoice("registryRead", "secondary"), new PolicyKeyChoice("registryReadWrite", "secondary")));
        config.setAzureCredentialsId("emu");
        FreeStyleProject project = r.createFreeStyleProject("policies-fs");
        project.getBuildersList().add(new IotHubRenewPolicyKeysBuilder(config));
        r.configRoundtrip(project); // the form binds the repeatable policies back to the same configuration
        assertEquals(config, ((IotHubRenewPolicyKeysBuilder) project.getBuildersList().get(0)).getRenewal());

        FreeStyleBuild build = r.assertBuildStatusSuccess(project.scheduleBuild2(0));

        assertEquals("HostName=" + hub.hostName() + ";SharedAccessKeyName=registryReadWrite;SharedAccessKey="
                + hub.policy("registryReadWrite").secondaryKey(),
                secretText("iothub.hub-jenkins-set-fs.policy.registryreadwrite.secondary"));
        assertNoKeyIn(r, build, policyKeys(hub));
    }

    @Test
    void pipelineRenewsAFleetMatchingAConditionIntoOneCredentialPerDevice() throws Exception {
        SimulatedHub hub = JenkinsStores.hub(EMULATOR.get(), SUBSCRIPTION, RG, "hub-jenkins-fleet");
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            hub.addDevice("node-" + i).setTag("ring", i < 120 ? "canary" : "main");
        }
        WorkflowJob job = r.createProject(WorkflowJob.class, "fleet");
        job.setDefinition(new CpsFlowDefinition(
                "def fleet = iotHubRenewFleetKeys hub: 'hub-jenkins-fleet', key: 'primary', azureCredentialsId: 'emu',"
                        + " where: \"tags.ring = 'canary'\", rotation: 'r1', operationsPerMinute: 600000\n"
                        + "echo \"renewed ${fleet.renewed} skipped ${fleet.skipped} failed ${fleet.failed}\"\n",
                true));

        WorkflowRun run = r.assertBuildStatusSuccess(job.scheduleBuild2(0));

        for (int i = 0; i < 150; i++) {
            String id = "node-" + i;
            keys.add(hub.device(id).primaryKey());
            keys.add(hub.device(id).secondaryKey());
            String stored = secretText("iothub.hub-jenkins-fleet.device." + id + ".primary");
            assertEquals(i < 120 ? "HostName=" + hub.hostName() + ";DeviceId=" + id + ";SharedAccessKey="
                    + hub.device(id).primaryKey() : null, stored, id);
        }
        r.assertLogContains("renewed 120 skipped 0 failed 0", run);
        KeyRenewalAction action = run.getAction(KeyRenewalAction.class);
        assertEquals(List.of(), action.getRenewals(), "no row per identity");
        assertEquals(1, action.getFleets().size());
        FleetReport summary = action.getFleets().get(0);
        assertEquals(120, summary.getRenewed());
        assertEquals("devices where tags.ring = 'canary'", summary.getSelection());
        assertEquals("r1", summary.getRotation());
        assertEquals("iothub.hub-jenkins-fleet.device.{device}[.module.{module}].{slot}", summary.getCredentialIds());
        String page = r.createWebClient().goTo(run.getUrl() + "iothub-keys/").asNormalizedText();
        assertTrue(page.contains("120 renewed") && page.contains("0 failed"), page);
        assertTrue(!page.contains("node-0"), "no row per identity");
        r.assertLogContains("Fleet renewal of devices where tags.ring = 'canary' on hub 'hub-jenkins-fleet': 120"
                + " renewed", run);
        assertNoKeyIn(r, run, keys);

        WorkflowRun rerun = r.assertBuildStatusSuccess(job.scheduleBuild2(0));
        r.assertLogContains("renewed 0 skipped 120 failed 0", rerun);
        assertEquals(120, rerun.getAction(KeyRenewalAction.class).getFleets().get(0).getSkipped());
        assertNoKeyIn(r, rerun, keys);
    }

    @Test
    void pipelineRenewsAFleetIntoOneSecretFile() throws Exception {
        SimulatedHub hub = JenkinsStores.hub(EMULATOR.get(), SUBSCRIPTION, RG, "hub-jenkins-file");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            hub.addDevice("cam-" + i);
            ids.add("cam-" + i);
        }
        hub.addModule("cam-0", "agent");
        WorkflowJob job = r.createProject(WorkflowJob.class, "fleet-file");
        job.setDefinition(new CpsFlowDefinition(
                "iotHubRenewFleetKeys hub: 'hub-jenkins-file', key: 'both', azureCredentialsId: 'emu',"
                        + " devices: '" + String.join(" ", ids) + " cam-0/agent', storeIn: 'file', store: 'key',"
                        + " operationsPerMinute: 600000\n",
                true));

        WorkflowRun run = r.assertBuildStatusSuccess(job.scheduleBuild2(0));

        JsonNode json = secretFile("iothub.hub-jenkins-file.fleet");
        assertNotNull(json);
        List<String> keys = new ArrayList<>();
        for (String id : ids) {
            assertEquals(hub.device(id).primaryKey(), json.get("keys").get(id).get("primary").asText(), id);
            assertEquals(hub.device(id).secondaryKey(), json.get("keys").get(id).get("secondary").asText(), id);
            keys.add(hub.device(id).primaryKey());
            keys.add(hub.device(id).secondaryKey());
        }
        assertEquals(hub.module("cam-0", "agent").primaryKey(),
                json.get("keys").get("cam-0/agent").get("primary").asText());
        assertNotEquals(null, json.get("selection"));
        FleetReport summary = run.getAction(KeyRenewalAction.class).getFleets().get(0);
        assertEquals(31, summary.getRenewed());
        assertTrue(summary.isFile());
        assertEquals("iothub.hub-jenkins-file.fleet", summary.getCredentialIds());
        assertNoKeyIn(r, run, keys);
    }
}
