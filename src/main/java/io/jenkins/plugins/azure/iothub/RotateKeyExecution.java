package io.jenkins.plugins.azure.iothub;

import hudson.AbortException;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import java.io.Serial;
import java.util.concurrent.TimeUnit;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.steps.BodyExecution;
import org.jenkinsci.plugins.workflow.steps.BodyExecutionCallback;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

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
    /** The body, once launched: a stop that arrives while it is being launched cancels it. */
    private BodyExecution body;
    private transient Authentication identity;
    // Guarded by this: whether a half runs and on which thread, why the step was stopped, whether it has ended.
    private transient boolean halfAlive;
    private transient Thread worker;
    private transient Throwable stopCause;
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
        if (config.isDryRun()) {
            listener().getLogger().println("Dry run: the body was not run.");
            Throwable stop = stopped();
            end(stop, stop == null ? prepared.toMap() : null);
            return;
        }
        boolean launched;
        synchronized (this) { // a stop from now on finds the body and cancels it (see stop)
            launched = stopCause == null;
            if (launched) { // IN_BODY once the body has started (AfterBody.onStart), not while it is only queued
                body = getContext().newBodyInvoker().withCallback(new AfterBody()).start();
            }
        }
        if (!launched) {
            listener().getLogger().println("iotHubRotateKey had prepared when the build was stopped: credential '"
                    + config.stableCredentialId() + "' holds the new key and the old one stays valid. Run the build"
                    + " again: it resumes at the hand-over, renewing nothing before the body has run.");
            end(stopped(), null);
            return;
        }
        getContext().saveState();
    }

    private void finish() throws Exception {
        RotationReport finished = half(BuildRotation.Half.FINISH);
        if (stopped() != null) {
            listener().getLogger().println("iotHubRotateKey had finished when the build was stopped: the rotation"
                    + " of " + config.describeTarget() + " is complete.");
            end(stopped(), null);
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
        Authentication as = identity();
        synchronized (this) {
            if (stopCause != null || ended) {
                return;
            }
            halfAlive = true;
            RenewalStepExecution.RENEWALS.submit(() -> runHalf(half, as));
        }
    }

    private void runHalf(Half half, Authentication as) {
        Throwable stoppedBefore;
        synchronized (this) {
            stoppedBefore = stopCause;
            if (stoppedBefore == null) {
                worker = Thread.currentThread(); // from now on a stop interrupts this thread
            } else {
                halfAlive = false;
            }
        }
        if (stoppedBefore != null) { // stopped before the half began: after a restart it may have been cut off
            explainStopped(null);
            end(stoppedBefore, null);
            return;
        }
        try (ACLContext ignored = ACL.as2(as)) {
            half.run(); // a half that returns has ended the step or launched the body (see stop)
        } catch (Throwable failure) {
            Throwable stop = stopped();
            if (stop == null) {
                end(failure, null);
            } else {
                explainStopped(failure);
                end(stop, null);
            }
        } finally {
            synchronized (this) {
                halfAlive = false;
                worker = null;
                Thread.interrupted(); // the pool thread goes back uninterrupted
            }
        }
    }

    private synchronized Throwable stopped() {
        return stopCause;
    }

    /** Pipeline prints only the interruption: say here what the half did (or, null, might have done) first. */
    private void explainStopped(Throwable failure) {
        try {
            listener().getLogger().println(failure instanceof AbortException ? failure.getMessage()
                    : stage == Stage.FINISHING ? standsAtHandOver("The build was stopped") : mayHaveChanged());
        } catch (Exception e) {
            if (failure != null) {
                failure.addSuppressed(e);
            }
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
        boolean first;
        boolean halfRunning;
        BodyExecution launched;
        synchronized (this) {
            first = stopCause == null;
            if (first) {
                stopCause = cause;
            }
            halfRunning = halfAlive;
            launched = body;
        }
        if (launched != null && stage != Stage.FINISHING) {
            if (launched.cancel(cause)) {
                return; // the body ends failed, and AfterBody says where the rotation stands
            }
            if (!hasEnded()) { // the body has just ended; finish will not start
                listener().getLogger().println(standsAtHandOver("The build was stopped"));
            }
        } else if (halfRunning) {
            if (first) { // a later stop (another Abort, a timeout) finds the half interrupted and timed already
                interruptHalf(cause);
            }
            return;
        } else if (!hasEnded()) { // after a restart, before the half that it cut off runs again
            explainStopped(null);
        }
        end(cause, null);
    }

    /** Interrupts the running half and gives it {@link RenewalStepExecution#STOP_GRACE_SECONDS} to explain itself. */
    private void interruptHalf(Throwable cause) {
        TaskListener log;
        try {
            log = listener();
        } catch (Exception e) {
            log = null;
        }
        synchronized (this) {
            if (worker != null) {
                worker.interrupt();
            } // else the half has not begun: runHalf sees the stop and explains it
        }
        TaskListener listener = log;
        RenewalStepExecution.GRACE.schedule(() -> {
            if (!hasEnded()) {
                if (listener != null) {
                    listener.getLogger().println("iotHubRotateKey did not stop within "
                            + RenewalStepExecution.STOP_GRACE_SECONDS + " s. " + mayHaveChanged());
                }
                end(cause, null);
            }
        }, RenewalStepExecution.STOP_GRACE_SECONDS, TimeUnit.SECONDS);
    }

    /** Where a rotation stands when it ends between prepare and finish. */
    private String standsAtHandOver(String what) {
        return what + ", so the rotation of " + config.describeTarget() + " stops at the hand-over: credential '"
                + config.stableCredentialId() + "' holds the new key and the old key stays valid for consumers not"
                + " moved yet. Run the build again: it resumes at the hand-over, renewing nothing before the body has"
                + " run.";
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

    /** As CpsFlowExecution restores a build's identity after a restart: an unknown user becomes anonymous. */
    private Authentication identity() {
        if (identity == null) {
            if (user == null) {
                identity = ACL.SYSTEM2;
            } else {
                try {
                    identity = User.getById(user, true).impersonate2();
                } catch (UsernameNotFoundException e) {
                    identity = Jenkins.ANONYMOUS2;
                }
            }
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
        if (stopped() != null || hasEnded()) {
            return; // a stop came first, and said where the rotation stands
        }
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
    public synchronized boolean blocksRestart() {
        // A safe restart waits for a half rather than interrupting it between Azure and the credential.
        return halfAlive;
    }

    /** Finishes the rotation after a successful body; after a failed one, leaves the hand-over open and says so. */
    private final class AfterBody extends BodyExecutionCallback {

        @Serial
        private static final long serialVersionUID = 1L;

        @Override
        public void onStart(StepContext context) {
            stage = Stage.IN_BODY; // on the CPS thread as the body starts: a program saved from now on resumes it
        }

        @Override
        public void onSuccess(StepContext context, Object result) {
            stage = Stage.FINISHING; // on the CPS thread, so the program saved after the body records it
            inBackground(RotateKeyExecution.this::finish);
            if (stopped() != null && !hasEnded()) { // stopped as the body ended: finish does not start
                try {
                    listener().getLogger().println(standsAtHandOver("The build was stopped"));
                } catch (Exception e) {
                    stopped().addSuppressed(e);
                }
                end(stopped(), null);
            }
        }

        @Override
        public void onFailure(StepContext context, Throwable t) {
            try {
                listener().getLogger().println(standsAtHandOver(stopped() != null ? "The build was stopped"
                        : "The body of iotHubRotateKey failed"));
            } catch (Exception e) {
                t.addSuppressed(e);
            }
            end(t, null);
        }
    }
}
