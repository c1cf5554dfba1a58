package io.jenkins.plugins.azure.iothub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.model.AbstractProject;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.BuildTrigger;
import hudson.tasks.Builder;
import io.jenkins.plugins.azure.iothub.emulator.SharedAccessPolicy;
import io.jenkins.plugins.azure.iothub.emulator.SimulatedHub;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import jenkins.tasks.SimpleBuildStep;
import org.jenkinsci.plugins.credentialsbinding.impl.SecretBuildWrapper;
import org.jenkinsci.plugins.credentialsbinding.impl.StringBinding;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * The freestyle recipe of docs/rotation-playbook.md in real Jenkins against the emulator: an upstream job runs the
 * rotation step's Prepare phase and triggers ("Build other projects") a downstream job that binds the stable
 * credential with credentials-binding's "Use secret text(s) or file(s)", redeploys the consumers with the bound value
 * ({@link DeployConsumers} probes every consumer first) and ends with the Finish phase. The test probes after each
 * job, so a refused key at any moment fails it; logs and build records are scanned for every key.
 */
@WithJenkins
class RotateKeyFreestyleJenkinsTest {

    private static final String SUBSCRIPTION = "00000000-0000-0000-0000-00000000c012";
    private static final String RG = "rg-rotate-freestyle";
    private static final String ID = "iothub-freestyle-service";
    private static final String VARIABLE = "IOTHUB_CS";

    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension();

    private SimulatedHub hub;
    private JenkinsRule r;
    private final List<String> userVisible = new ArrayList<>();

    @BeforeEach
    void setUp(JenkinsRule r) throws Exception {
        this.r = r;
        IotHubKeyRenewalConfiguration.get().setAllowSystemBuildsToWriteSystemStore(true);
        JenkinsStores.addEmulatorCredential(r.jenkins, EMULATOR.get(), SUBSCRIPTION);
        synchronized (DeployConsumers.DEPLOYED) {
            DeployConsumers.DEPLOYED.clear();
            DeployConsumers.failNext = false;
        }
        DeployConsumers.gate = new CountDownLatch(0);
    }

    @AfterEach
    void noKeyInAnyLogOrBuildRecord() {
        DeployConsumers.gate.countDown(); // never leave a build waiting after a failed assertion
        for (SharedAccessPolicy p : hub.policies()) {
            for (String key : List.of(p.primaryKey(), p.secondaryKey())) {
                for (String text : userVisible) {
                    assertFalse(text.contains(key), "key material in a build log or build.xml");
                }
            }
        }
    }

    /** A hub of this test alone (the emulator outlives each test's Jenkins; nothing else touches this hub). */
    private void useHub(String name) {
        hub = JenkinsStores.hub(EMULATOR.get(), SUBSCRIPTION, RG, name);
    }

    private RotateKeyConfig rotation() {
        RotateKeyConfig config = new RotateKeyConfig(hub.name());
        config.setPolicy("service");
        config.setResourceGroup(RG);
        config.setCredentialsId(ID);
        config.setInUse("primary");
        config.setAzureCredentialsId(JenkinsStores.AZURE_CREDENTIAL);
        return config;
    }

    /** The two jobs of the playbook's freestyle recipe; returns the downstream job. */
    private FreeStyleProject deployJob() throws Exception {
        FreeStyleProject deploy = r.createFreeStyleProject("deploy-consumers");
        deploy.getBuildWrappersList().add(new SecretBuildWrapper(List.of(new StringBinding(VARIABLE, ID))));
        deploy.getBuildersList().add(new DeployConsumers(VARIABLE));
        deploy.getBuildersList().add(new IotHubRotateKeyBuilder(rotation(), IotHubRotateKeyBuilder.PHASE_FINISH));
        return deploy;
    }

    private FreeStyleProject prepareJob() throws Exception {
        FreeStyleProject upstream = r.createFreeStyleProject("rotate-service-key");
        upstream.getBuildersList().add(new IotHubRotateKeyBuilder(rotation(), IotHubRotateKeyBuilder.PHASE_PREPARE));
        upstream.getPublishersList().add(new BuildTrigger("deploy-consumers", Result.SUCCESS));
        r.jenkins.rebuildDependencyGraph(); // as Jenkins' own BuildTriggerTest does
        return upstream;
    }

    /** The downstream build the upstream job triggered, once everything has run. */
    private FreeStyleBuild triggered(FreeStyleProject deploy, int number) throws Exception {
        r.waitUntilNoActivity();
        FreeStyleBuild build = deploy.getBuildByNumber(number);
        assertNotNull(build, "the upstream job did not trigger downstream build #" + number);
        return seen(build);
    }

    private <R extends Run<?, ?>> R seen(R run) throws Exception {
        userVisible.add(JenkinsRule.getLog(run));
        userVisible.add(Files.readString(run.getRootDir().toPath().resolve("build.xml"), StandardCharsets.UTF_8));
        return run;
    }

    /** A page of this Jenkins as a browser gets it (security is off: anonymous may read). */
    private String page(String relative) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(r.getURL().toURI().resolve(relative)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), relative);
        userVisible.add(response.body());
        return response.body();
    }

    private StringCredentials stable() {
        return JenkinsStores.secretText(JenkinsStores.storeOf(r.jenkins), ID);
    }

    private String connectionString(String key) {
        return "HostName=" + hub.hostName() + ";SharedAccessKeyName=service;SharedAccessKey=" + key;
    }

    private static void deployed(String value) {
        synchronized (DeployConsumers.DEPLOYED) {
            DeployConsumers.DEPLOYED.clear();
            DeployConsumers.DEPLOYED.add(value);
        }
    }

    private static String deployed() {
        synchronized (DeployConsumers.DEPLOYED) {
            return DeployConsumers.DEPLOYED.get(0);
        }
    }

    private static RotationReport onlyRotation(Run<?, ?> run) {
        List<RotationReport> rotations = run.getAction(KeyRenewalAction.class).getRotations();
        assertEquals(1, rotations.size(), "one rotation half per build");
        return rotations.get(0);
    }

    @Test
    void upstreamPreparesAndTheDownstreamJobBindsDeploysAndFinishesTwice() throws Exception {
        useHub("hub-freestyle-recipe");
        String original = connectionString(hub.policy("service").primaryKey());
        deployed(original);
        FreeStyleProject deploy = deployJob();
        FreeStyleProject upstream = prepareJob();

        for (int cycle = 1; cycle <= 2; cycle++) {
            String before = deployed();
            DeployConsumers.gate = new CountDownLatch(1);
            FreeStyleBuild prepared = seen(r.buildAndAssertSuccess(upstream));

            r.assertLogContains("Handed over: credential '" + ID + "'", prepared);
            String handedOver = stable().getSecret().getPlainText();
            assertNotEquals(before, handedOver);
            assertTrue(ConsumerProbe.accepted(before), "consumers keep working after prepare, cycle " + cycle);
            assertTrue(ConsumerProbe.accepted(handedOver), "the handed-over key works, cycle " + cycle);
            RotationReport half = onlyRotation(prepared);
            assertEquals("prepare", half.getHalf());
            assertEquals("handing over", half.getPhase());
            assertEquals(cycle == 1 ? "no credential yet" : "complete", half.getPhaseBefore());
            DeployConsumers.gate.countDown();

            FreeStyleBuild finished = triggered(deploy, cycle);

            r.assertBuildStatusSuccess(finished);
            r.assertLogContains("Consumers redeployed with the bound credential.", finished);
            r.assertLogContains("rotation complete", finished);
            assertEquals(handedOver, deployed(), "the downstream build bound the key prepare handed over");
            assertTrue(ConsumerProbe.accepted(deployed()), "consumers work after finish, cycle " + cycle);
            assertFalse(ConsumerProbe.accepted(before), "the key consumers left is revoked, cycle " + cycle);
            assertTrue(stable().getDescription().contains("(rotation: complete)"), stable().getDescription());
            half = onlyRotation(finished);
            assertEquals("finish", half.getHalf());
            assertEquals("handing over", half.getPhaseBefore());
            assertEquals("complete", half.getPhase());
            String rows = page(finished.getUrl() + "iothub-keys/");
            assertTrue(rows.contains("Rotations") && rows.contains(ID) && rows.contains("finish")
                    && rows.contains(half.getPrimaryFingerprint()) && rows.contains(half.getSecondaryFingerprint()),
                    rows);
            assertTrue(page(prepared.getUrl()).contains("rotation prepare"), "the build's summary lists the half");
        }
    }

    @Test
    void aFailedDeploymentLeavesTheOldKeyValidAndRunningTheUpstreamJobAgainRenewsNothing() throws Exception {
        useHub("hub-freestyle-rerun");
        String original = connectionString(hub.policy("service").primaryKey());
        deployed(original);
        FreeStyleProject deploy = deployJob();
        FreeStyleProject upstream = prepareJob();
        synchronized (DeployConsumers.DEPLOYED) {
            DeployConsumers.failNext = true;
        }
        DeployConsumers.gate = new CountDownLatch(1);

        seen(r.buildAndAssertSuccess(upstream));
        assertTrue(ConsumerProbe.accepted(original), "consumers keep working after prepare");
        assertTrue(ConsumerProbe.accepted(stable().getSecret().getPlainText()));
        DeployConsumers.gate.countDown();
        FreeStyleBuild failed = triggered(deploy, 1);

        r.assertBuildStatus(Result.FAILURE, failed);
        r.assertLogContains("deployment failed", failed);
        r.assertLogNotContains("rotation complete", failed);
        String handedOver = stable().getSecret().getPlainText();
        assertTrue(ConsumerProbe.accepted(original), "the old key stays valid after a failed deployment");
        assertTrue(ConsumerProbe.accepted(handedOver));
        String secondary = hub.policy("service").secondaryKey();

        FreeStyleBuild rerun = seen(r.buildAndAssertSuccess(upstream));

        r.assertLogContains("resuming at the hand-over, nothing is renewed now", rerun);
        assertEquals(secondary, hub.policy("service").secondaryKey(), "the rerun renewed nothing");
        FreeStyleBuild finished = triggered(deploy, 2);
        r.assertBuildStatusSuccess(finished);
        r.assertLogContains("rotation complete", finished);
        assertEquals(secondary, hub.policy("service").secondaryKey(), "the key in use was never renewed");
        assertEquals(handedOver, deployed());
        assertTrue(ConsumerProbe.accepted(handedOver));
        assertFalse(ConsumerProbe.accepted(original));
    }

    /**
     * The deployment build step of the downstream job: every consumer still deployed, and the value the build bound,
     * must be accepted; then the consumers run with the bound value. Fails once when {@link #failNext} is set.
     */
    public static final class DeployConsumers extends Builder implements SimpleBuildStep {

        /** Values consumers run with, across builds of one test. */
        static final List<String> DEPLOYED = new ArrayList<>();
        static boolean failNext;
        /** Holds the deployment until the test has probed the state prepare left (the trigger starts it at once). */
        static volatile CountDownLatch gate = new CountDownLatch(0);

        private final String variable;

        @DataBoundConstructor
        public DeployConsumers(String variable) {
            this.variable = variable;
        }

        public String getVariable() {
            return variable;
        }

        @Override
        public boolean requiresWorkspace() {
            return false;
        }

        @Override
        public void perform(@NonNull Run<?, ?> run, @NonNull EnvVars env, @NonNull TaskListener listener)
                throws AbortException, InterruptedException {
            if (!gate.await(60, TimeUnit.SECONDS)) {
                throw new AbortException("the test never let the deployment run");
            }
            String bound = env.get(variable);
            synchronized (DEPLOYED) {
                if (bound == null || !ConsumerProbe.accepted(bound)) {
                    throw new AbortException("the bound stable credential is refused");
                }
                for (String value : DEPLOYED) {
                    if (!ConsumerProbe.accepted(value)) {
                        throw new AbortException("a consumer not yet redeployed is refused");
                    }
                }
                if (failNext) {
                    failNext = false;
                    throw new AbortException("deployment failed");
                }
                DEPLOYED.clear();
                DEPLOYED.add(bound);
            }
            listener.getLogger().println("Consumers redeployed with the bound credential.");
        }
    }

    @TestExtension
    public static final class DeployDescriptor extends BuildStepDescriptor<Builder> {
        public DeployDescriptor() {
            super(DeployConsumers.class);
        }

        @Override
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
        }
    }

    @TestExtension
    public static final class EmulatorCredentialsDescriptor extends EmulatorAzureCredentials.EmulatorDescriptor {}
}
