package io.jenkins.plugins.azure.iothub;

import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import java.io.Serial;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.steps.BodyExecutionCallback;
import org.jenkinsci.plugins.workflow.steps.GeneralNonBlockingStepExecution;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.springframework.security.core.Authentication;

/**
 * Runs {@code iotHubRotateKey}: prepare on a background thread, the body in the Pipeline, finish on a background
 * thread after the body succeeded. Restart-safe because every decision is taken from what the stable credential and
 * Azure hold, not from this object: after a restart, a half that was running is simply run again (prepare resumes at
 * the hand-over once the credential records it; finish never renews the key the credential holds), and a body that
 * was running resumes by itself and calls back here when it ends.
 */
final class RotateKeyExecution extends GeneralNonBlockingStepExecution {

    @Serial
    private static final long serialVersionUID = 1L;

    /** What was running when the program state was last saved. */
    private enum Stage {
        PREPARING,
        IN_BODY,
        FINISHING
    }

    private final RotateKeyConfig config;
    /** The build identity's user id, null for SYSTEM: restored after a restart as CpsFlowExecution restores it. */
    private final String user;
    private volatile Stage stage = Stage.PREPARING;
    private transient Authentication identity;

    RotateKeyExecution(StepContext context, RotateKeyConfig config) {
        super(context);
        this.config = config;
        this.identity = Jenkins.getAuthentication2();
        this.user = ACL.SYSTEM2.equals(identity) ? null : identity.getName();
    }

    @Override
    public boolean start() throws Exception {
        run(this::prepareThenBody);
        return false;
    }

    private void prepareThenBody() throws Exception {
        stage = Stage.PREPARING;
        RotationReport prepared = half(BuildRotation.Half.PREPARE);
        if (config.isDryRun()) {
            listener().getLogger().println("Dry run: the body was not run.");
            getContext().onSuccess(prepared.toMap());
            return;
        }
        stage = Stage.IN_BODY;
        getContext().saveState();
        getContext().newBodyInvoker().withCallback(new AfterBody()).start();
    }

    private void finish() throws Exception {
        stage = Stage.FINISHING;
        getContext().onSuccess(half(BuildRotation.Half.FINISH).toMap());
    }

    private RotationReport half(BuildRotation.Half half) throws Exception {
        try (ACLContext ignored = ACL.as2(identity())) {
            return BuildRotation.perform(getContext().get(Run.class), listener(), config, Wording.PIPELINE, half);
        }
    }

    private TaskListener listener() throws Exception {
        return getContext().get(TaskListener.class);
    }

    private Authentication identity() {
        if (identity == null) {
            User u = user == null ? null : User.getById(user, true);
            identity = user == null ? ACL.SYSTEM2 : u == null ? Jenkins.ANONYMOUS2 : u.impersonate2();
        }
        return identity;
    }

    @Override
    public void onResume() {
        // The base class fails a step whose background work a restart cut off; here that work is simply redone.
        switch (stage) {
            case PREPARING -> resumed(this::prepareThenBody);
            case FINISHING -> resumed(this::finish);
            case IN_BODY -> { } // the body resumes by itself and calls AfterBody when it ends
        }
    }

    private void resumed(Block block) {
        try {
            listener().getLogger().println("Jenkins restarted during iotHubRotateKey: continuing the rotation of "
                    + config.describeTarget() + " from what credential '" + config.stableCredentialId()
                    + "' and Azure hold now.");
        } catch (Exception e) {
            getContext().onFailure(e);
            return;
        }
        run(block);
    }

    @Override
    public String getStatus() {
        return switch (stage) {
            case PREPARING -> "renewing the unused key of " + config.describeTarget() + " and handing it over";
            case IN_BODY -> "running the body: consumers move to credential '" + config.stableCredentialId() + "'";
            case FINISHING -> "renewing the key consumers left of " + config.describeTarget();
        };
    }

    /** Finishes the rotation after a successful body; after a failed one, leaves the hand-over open and says so. */
    private final class AfterBody extends BodyExecutionCallback {

        @Serial
        private static final long serialVersionUID = 1L;

        @Override
        public void onSuccess(StepContext context, Object result) {
            run(RotateKeyExecution.this::finish);
        }

        @Override
        public void onFailure(StepContext context, Throwable t) {
            try {
                listener().getLogger().println("The body of iotHubRotateKey failed, so the rotation of "
                        + config.describeTarget() + " stops at the hand-over: credential '"
                        + config.stableCredentialId() + "' holds the new key and the old key stays valid for"
                        + " consumers not moved yet. Run the build again: it resumes at the hand-over, renewing"
                        + " nothing before the body has run.");
            } catch (Exception e) {
                t.addSuppressed(e);
            }
            getContext().onFailure(t);
        }
    }
}
