package io.jenkins.plugins.azure.iothub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.domains.Domain;
import hudson.model.Result;
import io.jenkins.plugins.azure.iothub.emulator.FaultRule;
import io.jenkins.plugins.azure.iothub.emulator.IotHubEmulator;
import io.jenkins.plugins.azure.iothub.emulator.SimulatedHub;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestExtension;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/**
 * A controller restart in the middle of {@code iotHubRotateKey}: during the body (the body resumes and the rotation
 * finishes) and during prepare (the prepare runs again from what the credential records). Consumers stay connected.
 */
class RotateKeyRestartJenkinsTest {

    private static final String SUBSCRIPTION = "00000000-0000-0000-0000-00000000c011";
    private static final String RG = "rg-rotate-restart";
    private static final String ID = "iothub-rotate-restart";

    @RegisterExtension
    private final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    private static IotHubEmulator emulator;

    /**
     * An emulator per test, closed when the test ends: the first session's rotation thread outlives that session
     * (same JVM, the steps' own thread pool) and, once Jenkins' Azure client gives up on the delayed
     * update after its 60 s response timeout, retries it; against a shared emulator that retry would renew and hand
     * over into whichever Jenkins runs then, with the same credential id.
     */
    @BeforeEach
    void startEmulator() {
        emulator = IotHubEmulator.start();
        emulator.lro().retryAfterSeconds(1).pollsUntilDone(1);
    }

    @AfterEach
    void stopEmulator() {
        emulator.close();
    }

    private static WorkflowRun start(JenkinsRule r, SimulatedHub hub, String body) throws Exception {
        IotHubKeyRenewalConfiguration.get().setAllowSystemBuildsToWriteSystemStore(true);
        CredentialsProvider.lookupStores(r.jenkins).iterator().next().addCredentials(Domain.global(),
                new EmulatorAzureCredentials("emu", emulator.armEndpoint(), SUBSCRIPTION, emulator.tokenCredential()));
        WorkflowJob job = r.createProject(WorkflowJob.class, "rotate");
        job.setDefinition(new CpsFlowDefinition("iotHubRotateKey(hub: '" + hub.name() + "', resourceGroup: '" + RG
                + "', policy: 'service', credentialsId: '" + ID + "', inUse: 'primary', azureCredentialsId: 'emu') {\n"
                + body + "\n}", true));
        return job.scheduleBuild2(0).waitForStart();
    }

    private static String original(SimulatedHub hub) {
        return "HostName=" + hub.hostName() + ";SharedAccessKeyName=service;SharedAccessKey="
                + hub.policy("service").primaryKey();
    }

    @Test
    void aRestartDuringTheBodyResumesTheBodyAndFinishesTheRotation() throws Throwable {
        SimulatedHub hub = emulator.addHub(SUBSCRIPTION, RG, "hub-restart-body");
        String original = original(hub);
        synchronized (ConsumerProbeStep.DEPLOYED) {
            ConsumerProbeStep.DEPLOYED.clear();
            ConsumerProbeStep.DEPLOYED.add(original);
        }
        sessions.then(r -> {
            WorkflowRun run = start(r, hub, "probeConsumers('" + ID + "')\necho 'deployed, waiting'\n"
                    + "sleep time: 15, unit: 'SECONDS'\nprobeConsumers('" + ID + "')");
            r.waitForMessage("deployed, waiting", run);
        });
        sessions.then(r -> {
            WorkflowRun run = r.jenkins.getItemByFullName("rotate", WorkflowJob.class).getBuildByNumber(1);
            r.waitForCompletion(run);
            r.assertBuildStatus(Result.SUCCESS, run);
            r.assertLogContains("rotation complete", run);
            r.assertLogNotContains("Resume after a restart not supported", run);
            assertFalse(JenkinsRule.getLog(run).contains(hub.policy("service").primaryKey()));
            assertFalse(JenkinsRule.getLog(run).contains(hub.policy("service").secondaryKey()));
            assertTrue(ConsumerProbe.accepted(ConsumerProbeStep.systemCredential(ID)));
            assertFalse(ConsumerProbe.accepted(original), "the key consumers left is revoked after the restart");
        });
    }

    @Test
    void aRestartDuringPrepareRunsPrepareAgainAndCompletes() throws Throwable {
        SimulatedHub hub = emulator.addHub(SUBSCRIPTION, RG, "hub-restart-prepare");
        String original = original(hub);
        synchronized (ConsumerProbeStep.DEPLOYED) {
            ConsumerProbeStep.DEPLOYED.clear();
            ConsumerProbeStep.DEPLOYED.add(original);
        }
        // The first hub update hangs past the first session; the one after the restart goes through.
        FaultRule slowUpdate = emulator.faults().on("PUT", ".*/IotHubs/" + hub.name()).atArm().delay(120_000)
                .times(1);
        sessions.then(r -> {
            WorkflowRun run = start(r, hub, "probeConsumers('" + ID + "')");
            r.waitForMessage("renewing the unused secondary key", run);
            assertEquals(1, JenkinsStores.awaitFired(slowUpdate), "the hub update is under way when Jenkins stops");
        });
        sessions.then(r -> {
            WorkflowRun run = r.jenkins.getItemByFullName("rotate", WorkflowJob.class).getBuildByNumber(1);
            r.waitForCompletion(run);
            r.assertBuildStatus(Result.SUCCESS, run);
            r.assertLogContains("Jenkins restarted during iotHubRotateKey: continuing the rotation of policy"
                    + " 'service' on hub '" + hub.name() + "'", run);
            r.assertLogContains("rotation complete", run);
            assertTrue(ConsumerProbe.accepted(ConsumerProbeStep.systemCredential(ID)));
            assertFalse(ConsumerProbe.accepted(original));
        });
    }

    @TestExtension
    public static final class EmulatorCredentialsDescriptor extends EmulatorAzureCredentials.EmulatorDescriptor {}

    @TestExtension
    public static final class ProbeDescriptor extends ConsumerProbeStep.Descriptor {}
}
