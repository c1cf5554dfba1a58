package io.jenkins.plugins.azure.iothub;

import hudson.AbortException;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import java.io.Serial;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.steps.BodyExecutionCallback;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.springframework.security.core.Authentication;

/**
 * Runs {@code iotHubRotateKey}: prepare on a thread of its own, the body in the Pipeline, finish on a thread of its
 * own after the body succeeded. Restart-safe because every decision is taken from what the stable credential and
 * Azure hold, not from this object: after a restart, a half that was running is simply run again (prepare resumes at
 * the hand-over once the credential records it; finish never renews the key the credential holds), and a body that
 * was running resumes by itself and calls back here when it ends.
 *
 * <p>Stopped (abort, {@code timeout}) during a half, the half is interrupted and the step waits until it has said what
 * Azure and the credential hold, as {@link RenewalStepExecution} does for a renewal: {@code
 * GeneralNonBlockingStepExecution} would end the step at once and drop that message as a suppressed exception
 * (jenkinsci/workflow-step-api-plugin@710.v3e456cc85233:src/main/java/org/jenkinsci/plugins/workflow/steps/
 * GeneralNonBlockingStepExecution.java, {@code stop} and {@code run}).
 */
final class RotateKeyExecution extends StepExecution {

    @Serial
    private static final long serialVersionUID = 1L;

    /** What was running when the program state was last saved. */
    private enum Stage {
        PREPARING,
        IN_BODY,
        FINISHING
    }

    @FunctionalInterface
    private interface Half {
        void run() throws Exception;
    }

    private final RotateKeyConfig config;
    /** The build identity's user id, null for SYSTEM: restored after a restart as CpsFlowExecution restores it. */
    private final String user;
    private volatile Stage stage = Stage.PREPARING;
    private transient Authentication identity;
    private transient volatile Future<?> running;
    private transient volatile Throwable stopCause;
    private transient boolean ended;

    RotateKeyExecution(StepContext context, RotateKeyConfig config) {
        super(context);
        this.config = config;
        this.identity = Jenkins.getAuthentication2();
        this.user = ACL.SYSTEM2.equals(identity) ? null : identity.getName();
    }

    @Override
    public boolean start() throws Exception {
        inBackground(this::prepareThenBody);
        return false;
    }

    private void prepareThenBody() throws Exception {
        stage = Stage.PREPARING;
        RotationReport prepared = half(BuildRotation.Half.PREPARE);
        if (stopCause != null) {
            listener().getLogger().println("iotHubRotateKey had prepared when the build was stopped: credential '"
                    + config.stableCredentialId() + "' holds the new key and the old one stays valid. Run the build"
                    + " again: it resumes at the hand-over, renewing nothing before the body has run.");
            end(stopCause, null);
            return;
        }
        if (config.isDryRun()) {
            listener().getLogger().println("Dry run: the body was not run.");
            end(null, prepared.toMap());
            return;
        }
        stage = Stage.IN_BODY;
        getContext().saveState();
        getContext().newBodyInvoker().withCallback(new AfterBody()).start();
    }

    private void finish() throws Exception {
        stage = Stage.FINISHING;
        RotationReport finished = half(BuildRotation.Half.FINISH);
        if (stopCause != null) {
            listener().getLogger().println("iotHubRotateKey had finished when the build was stopped: the rotation"
                    + " of " + config.describeTarget() + " is complete.");
            end(stopCause, null);
            return;
        }
        end(null, finished.toMap());
    }

    private RotationReport half(BuildRotation.Half half) throws Exception {
        try (ACLContext ignored = ACL.as2(identity())) {
            return BuildRotation.perform(getContext().get(Run.class), listener(), config, Wording.PIPELINE, half);
        }
    }

    /** Runs a half on a thread of its own, as the build's identity; its failure fails the step. */
    private void inBackground(Half half) {
        if (stopCause != null) {
            return;
        }
        Authentication as = identity();
        running = RenewalStepExecution.RENEWALS.submit(() -> {
            try (ACLContext ignored = ACL.as2(as)) {
                half.run();
                Throwable stop = stopCause;
                if (stop != null) {
                    end(stop, null); // stopped as the half handed over to the body: nothing more to explain
                }
            } catch (Throwable failure) {
                Throwable stop = stopCause;
                if (stop == null) {
                    end(failure, null);
                } else {
                    explainStopped(failure);
                    end(stop, null);
                }
            } finally {
                running = null;
            }
        });
    }

    /** Pipeline prints only the interruption: say here what the half did before it stopped. */
    private void explainStopped(Throwable failure) {
        try {
            listener().getLogger().println(failure instanceof AbortException ? failure.getMessage() : mayHaveChanged());
        } catch (Exception e) {
            failure.addSuppressed(e);
        }
    }

    private String mayHaveChanged() {
        return "The build stopped while iotHubRotateKey was " + getStatus() + ": Azure may hold a new key of "
                + config.describeTarget() + " that credential '" + config.stableCredentialId() + "' does not"
                + " record. Consumers are unaffected: only a key they do not use is renewed. Run the build again: the"
                + " rotation continues from what the credential and Azure hold.";
    }

    @Override
    public void stop(Throwable cause) throws Exception {
        stopCause = cause;
        Future<?> half = running;
        if (half == null || half.isDone()) {
            end(cause, null); // in the body (Pipeline stops it) or between the steps of a half
            return;
        }
        half.cancel(true);
        TaskListener listener = listener();
        RenewalStepExecution.GRACE.schedule(() -> {
            if (!hasEnded()) {
                listener.getLogger().println("iotHubRotateKey did not stop within "
                        + RenewalStepExecution.STOP_GRACE_SECONDS + " s. " + mayHaveChanged());
                end(cause, null);
            }
        }, RenewalStepExecution.STOP_GRACE_SECONDS, TimeUnit.SECONDS);
    }

    /** A half, the grace timer, a stop in the body or the body's end: the first of them ends the step. */
    private void end(Throwable failure, Object result) {
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
        }
        if (failure == null) {
            getContext().onSuccess(result);
        } else {
            getContext().onFailure(failure);
        }
    }

    private synchronized boolean hasEnded() {
        return ended;
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
        // A half that a restart cut off is simply run again.
        switch (stage) {
            case PREPARING -> resumed(this::prepareThenBody);
            case FINISHING -> resumed(this::finish);
            case IN_BODY -> { } // the body resumes by itself and calls AfterBody when it ends
        }
    }

    private void resumed(Half half) {
        try {
            listener().getLogger().println("Jenkins restarted during iotHubRotateKey: continuing the rotation of "
                    + config.describeTarget() + " from what credential '" + config.stableCredentialId()
                    + "' and Azure hold now.");
        } catch (Exception e) {
            end(e, null);
            return;
        }
        inBackground(half);
    }

    @Override
    public String getStatus() {
        return switch (stage) {
            case PREPARING -> "renewing the unused key of " + config.describeTarget() + " and handing it over";
            case IN_BODY -> "running the body: consumers move to credential '" + config.stableCredentialId() + "'";
            case FINISHING -> "renewing the key consumers left of " + config.describeTarget();
        };
    }

    @Override
    public boolean blocksRestart() {
        // A safe restart waits for a half rather than interrupting it between Azure and the credential.
        Future<?> half = running;
        return half != null && !half.isDone();
    }

    /** Finishes the rotation after a successful body; after a failed one, leaves the hand-over open and says so. */
    private final class AfterBody extends BodyExecutionCallback {

        @Serial
        private static final long serialVersionUID = 1L;

        @Override
        public void onSuccess(StepContext context, Object result) {
            inBackground(RotateKeyExecution.this::finish);
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
            end(t, null);
        }
    }
}
