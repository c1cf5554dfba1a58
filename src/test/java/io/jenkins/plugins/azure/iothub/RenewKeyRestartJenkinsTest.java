package io.jenkins.plugins.azure.iothub;

import static org.junit.jupiter.api.Assertions.assertEquals;

import hudson.model.Result;
import io.jenkins.plugins.azure.iothub.emulator.FaultRule;
import io.jenkins.plugins.azure.iothub.emulator.IotHubEmulator;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.TestExtension;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/**
 * A controller that goes down while {@code iotHubRenewKey} waits for Azure: after the restart the step ends with
 * what to check and how to recover, instead of Pipeline's generic "resume not supported".
 */
class RenewKeyRestartJenkinsTest {

    private static final String SUBSCRIPTION = "00000000-0000-0000-0000-00000000c003";
    private static final String RG = "rg-restart";
    private static final String HUB = "hub-restart";

    @RegisterExtension
    private final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    private static IotHubEmulator emulator;

    @BeforeAll
    static void startEmulator() {
        emulator = IotHubEmulator.start();
        emulator.lro().retryAfterSeconds(1).pollsUntilDone(1);
        emulator.addHub(SUBSCRIPTION, RG, HUB);
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close(); // also ends the first session's renewal thread, still waiting for the slow update
    }

    @Test
    void aRestartDuringTheRenewalEndsTheStepWithTheRecoveryAdvice() throws Throwable {
        // The first session's renewal thread outlives that session (same JVM): it stays in this PUT until Jenkins'
        // Azure HTTP client gives up after its 60 s response timeout, which is longer than the second session takes;
        // afterwards it only retries against the emulator that stopEmulator closes.
        FaultRule slowUpdate = emulator.faults().on("PUT", ".*/IotHubs/" + HUB).atArm().delay(120_000);
        sessions.then(r -> {
            IotHubKeyRenewalConfiguration.get().setAllowSystemBuildsToWriteSystemStore(true);
            JenkinsStores.addEmulatorCredential(r.jenkins, emulator, SUBSCRIPTION);
            WorkflowJob job = r.createProject(WorkflowJob.class, "rotate");
            job.setDefinition(new CpsFlowDefinition("iotHubRenewKey hub: '" + HUB + "', resourceGroup: '" + RG
                    + "', policy: 'service', key: 'secondary', azureCredentialsId: 'emu'", true));
            WorkflowRun run = job.scheduleBuild2(0).waitForStart();
            r.waitForMessage("Renewing the secondary key of policy 'service'", run);
            assertEquals(1, JenkinsStores.awaitFired(slowUpdate), "the hub update is under way when Jenkins stops");
        });
        sessions.then(r -> {
            WorkflowRun run = r.jenkins.getItemByFullName("rotate", WorkflowJob.class).getBuildByNumber(1);
            r.waitForCompletion(run);
            r.assertBuildStatus(Result.FAILURE, run);
            r.assertLogContains("Jenkins restarted while iotHubRenewKey was renewing the secondary key of policy "
                    + "'service' on hub '" + HUB + "'. Azure may already hold a new secondary key for policy "
                    + "'service' on hub '" + HUB + "' that credential(s) 'iothub.hub-restart.policy.service.secondary'"
                    + " do not", run);
            r.assertLogContains("To recover, copy the current value from Azure", run);
            r.assertLogNotContains("Resume after a restart not supported", run);
            r.assertLogNotContains("\tat ", run);
        });
    }

    /** Registers the emulator credential type for this test only. */
    @TestExtension
    public static final class EmulatorCredentialsDescriptor extends EmulatorAzureCredentials.EmulatorDescriptor {}
}
