package io.jenkins.plugins.azure.iothub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.domains.Domain;
import hudson.model.Result;
import io.jenkins.plugins.azure.iothub.emulator.FaultRule;
import io.jenkins.plugins.azure.iothub.emulator.SharedAccessPolicy;
import io.jenkins.plugins.azure.iothub.emulator.SimulatedHub;
import io.jenkins.plugins.azure.iothub.emulator.SimulatedIdentity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * {@code iotHubRotateKey} in real Pipelines against the emulator: consumers probe the hub in the body
 * ({@code probeConsumers}) and the test probes after each build, so a refused key at any moment fails the test.
 */
@WithJenkins
class RotateKeyPipelineJenkinsTest {

    private static final String SUBSCRIPTION = "00000000-0000-0000-0000-00000000c010";
    private static final String RG = "rg-rotate";
    private static final String ID = "iothub-rotate-service";

    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension();

    private static int hubs;
    private SimulatedHub hub;
    private JenkinsRule r;
    private final List<String> logs = new ArrayList<>();

    @BeforeEach
    void setUp(JenkinsRule r) throws Exception {
        this.r = r;
        hub = EMULATOR.get().addHub(SUBSCRIPTION, RG, "hub-rotate-" + (++hubs)); // a fresh hub per test
        hub.addDevice("thermostat-7");
        IotHubKeyRenewalConfiguration.get().setAllowSystemBuildsToWriteSystemStore(true);
        CredentialsProvider.lookupStores(r.jenkins).iterator().next().addCredentials(Domain.global(),
                new EmulatorAzureCredentials("emu", EMULATOR.get().armEndpoint(), SUBSCRIPTION, EMULATOR.get().tokenCredential()));
        synchronized (ConsumerProbeStep.DEPLOYED) {
            ConsumerProbeStep.DEPLOYED.clear();
        }
    }

    @AfterEach
    void noKeyInAnyLog() {
        List<String> keys = new ArrayList<>();
        for (SharedAccessPolicy p : hub.policies()) {
            keys.add(p.primaryKey());
            keys.add(p.secondaryKey());
        }
        SimulatedIdentity device = hub.device("thermostat-7");
        keys.add(device.primaryKey());
        keys.add(device.secondaryKey());
        for (String log : logs) {
            for (String key : keys) {
                assertFalse(log.contains(key), "key material in a build log or build.xml");
            }
        }
    }

    private void deployed(String value) {
        synchronized (ConsumerProbeStep.DEPLOYED) {
            ConsumerProbeStep.DEPLOYED.clear();
            ConsumerProbeStep.DEPLOYED.add(value);
        }
    }

    private String deployed() {
        synchronized (ConsumerProbeStep.DEPLOYED) {
            return ConsumerProbeStep.DEPLOYED.get(0);
        }
    }

    private WorkflowJob job(String target, String id, String body) throws Exception {
        WorkflowJob job = r.createProject(WorkflowJob.class, "rotate");
        job.setDefinition(new CpsFlowDefinition("def rotation = iotHubRotateKey(hub: '" + hub.name() + "',"
                + " resourceGroup: '" + RG + "', " + target + ", credentialsId: '" + id + "', inUse: 'primary',"
                + " azureCredentialsId: 'emu') {\n" + body + "\n}\necho \"phase=${rotation.phase}"
                + " inUse=${rotation.keyInUse}\"", true));
        return job;
    }

    private WorkflowRun build(WorkflowJob job, Result expected) throws Exception {
        WorkflowRun run = r.assertBuildStatus(expected, job.scheduleBuild2(0));
        logs.add(JenkinsRule.getLog(run));
        logs.add(Files.readString(run.getRootDir().toPath().resolve("build.xml"), StandardCharsets.UTF_8));
        return run;
    }

    private String connectionString(String identityPart, String key) {
        return "HostName=" + hub.hostName() + ";" + identityPart + ";SharedAccessKey=" + key;
    }

    /**
     * Aborted while prepare waits for the hub update: the step waits until the half has said what Azure and the
     * credential hold, then ends aborted; consumers keep working, and the next build completes the rotation. (Only
     * that first update is delayed; it carries the etag it read, so when the emulator processes it after the delay it
     * is refused and changes nothing.)
     */
    @Test
    void anAbortDuringPrepareSaysWhatAzureAndTheCredentialHoldAndARerunCompletes() throws Exception {
        String original = connectionString("SharedAccessKeyName=service", hub.policy("service").primaryKey());
        deployed(original);
        FaultRule slowUpdate = EMULATOR.get().faults().on("PUT", ".*/IotHubs/" + hub.name()).atArm().delay(30_000)
                .times(1);
        WorkflowJob job = job("policy: 'service'", ID, "probeConsumers('" + ID + "')");

        WorkflowRun aborted = job.scheduleBuild2(0).waitForStart();
        r.waitForMessage("renewing the unused secondary key", aborted);
        assertEquals(1, JenkinsStores.awaitFired(slowUpdate), "the hub update is under way");
        aborted.doStop();
        r.waitForCompletion(aborted);

        r.assertBuildStatus(Result.ABORTED, aborted);
        r.assertLogContains("Consumers are unaffected: credential '" + ID + "'", aborted);
        r.assertLogContains("Run it again.", aborted);
        r.assertLogNotContains("\tat ", aborted);
        logs.add(JenkinsRule.getLog(aborted));
        assertTrue(ConsumerProbe.accepted(original), "consumers keep the key they use");

        WorkflowRun rerun = build(job, Result.SUCCESS);
        r.assertLogContains("rotation complete", rerun);
        assertTrue(ConsumerProbe.accepted(deployed()), "consumers use the rotated credential");
        assertFalse(ConsumerProbe.accepted(original), "the key they left is revoked");
    }

    @Test
    void twoPolicyRotationsKeepEveryConsumerConnectedAndRevokeTheKeysTheyLeft() throws Exception {
        String original = connectionString("SharedAccessKeyName=service", hub.policy("service").primaryKey());
        deployed(original);
        WorkflowJob job = job("policy: 'service'", ID, "probeConsumers('" + ID + "')");

        WorkflowRun first = build(job, Result.SUCCESS);

        r.assertLogContains("Handed over: credential '" + ID + "'", first);
        r.assertLogContains("rotation complete", first);
        r.assertLogContains("phase=complete inUse=secondary", first);
        List<RotationReport> halves = first.getAction(KeyRenewalAction.class).getRotations();
        assertEquals(List.of("prepare", "finish"), halves.stream().map(RotationReport::getHalf).toList());
        assertEquals(List.of("no credential yet", "handing over"),
                halves.stream().map(RotationReport::getPhaseBefore).toList());
        assertEquals(List.of("secondary", "primary"), halves.stream().map(RotationReport::getRenewed).toList());
        assertTrue(ConsumerProbe.accepted(deployed()), "consumers run with the credential after the rotation");
        assertFalse(ConsumerProbe.accepted(original), "the key consumers left is revoked");

        String afterFirst = deployed();
        WorkflowRun second = build(job, Result.SUCCESS);

        r.assertLogContains("phase=complete inUse=primary", second);
        assertTrue(ConsumerProbe.accepted(deployed()));
        assertFalse(ConsumerProbe.accepted(afterFirst));
        assertEquals(ConsumerProbeStep.systemCredential(ID), deployed());
    }

    @Test
    void aDeviceRotationKeepsTheDeviceConnected() throws Exception {
        String id = "iothub." + hub.name() + ".device.thermostat-7.current";
        String original = connectionString("DeviceId=thermostat-7", hub.device("thermostat-7").primaryKey());
        deployed(original);
        WorkflowJob job = job("device: 'thermostat-7'", id, "probeConsumers('" + id + "')");

        WorkflowRun run = build(job, Result.SUCCESS);

        r.assertLogContains("rotation complete", run);
        assertTrue(ConsumerProbe.accepted(deployed()));
        assertFalse(ConsumerProbe.accepted(original));
    }

    @Test
    void aFailedBodyKeepsTheOldKeyAndTheRerunResumesWithoutRenewingTheKeyInUse() throws Exception {
        String original = connectionString("SharedAccessKeyName=service", hub.policy("service").primaryKey());
        deployed(original);
        WorkflowJob job = job("policy: 'service'", ID, "if (currentBuild.number == 1) { error 'deployment failed' }\n"
                + "probeConsumers('" + ID + "')");

        WorkflowRun failed = build(job, Result.FAILURE);

        r.assertLogContains("The body of iotHubRotateKey failed, so the rotation of policy 'service' on hub '"
                + hub.name() + "' stops at the hand-over", failed);
        r.assertLogNotContains("rotation complete", failed);
        String handedOver = ConsumerProbeStep.systemCredential(ID);
        assertNotEquals(original, handedOver);
        assertTrue(ConsumerProbe.accepted(original), "the old key stays valid after a failed body");
        assertTrue(ConsumerProbe.accepted(handedOver), "the credential holds the new key");
        String secondary = hub.policy("service").secondaryKey();

        WorkflowRun rerun = build(job, Result.SUCCESS);

        r.assertLogContains("resuming at the hand-over, nothing is renewed now", rerun);
        r.assertLogContains("rotation complete", rerun);
        assertEquals(secondary, hub.policy("service").secondaryKey(), "the key in use was never renewed");
        assertEquals(handedOver, ConsumerProbeStep.systemCredential(ID));
        assertFalse(ConsumerProbe.accepted(original));
    }

    @Test
    void aDryRunChangesNothingAndSkipsTheBody() throws Exception {
        String primary = hub.policy("service").primaryKey();
        String secondary = hub.policy("service").secondaryKey();
        WorkflowJob job = r.createProject(WorkflowJob.class, "dry");
        job.setDefinition(new CpsFlowDefinition("iotHubRotateKey(hub: '" + hub.name() + "', resourceGroup: '" + RG
                + "', policy: 'service', inUse: 'primary', azureCredentialsId: 'emu', dryRun: true) {\n"
                + "error 'the body must not run'\n}", true));

        WorkflowRun run = build(job, Result.SUCCESS);

        r.assertLogContains("phase: complete", run);
        r.assertLogContains("Dry run: the body was not run.", run);
        assertEquals(primary, hub.policy("service").primaryKey());
        assertEquals(secondary, hub.policy("service").secondaryKey());
    }

    @TestExtension
    public static final class EmulatorCredentialsDescriptor extends EmulatorAzureCredentials.EmulatorDescriptor {}

    @TestExtension
    public static final class ProbeDescriptor extends ConsumerProbeStep.Descriptor {}
}
