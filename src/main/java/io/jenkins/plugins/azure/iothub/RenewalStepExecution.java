package io.jenkins.plugins.azure.iothub;

import hudson.AbortException;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.security.ACL;
import hudson.security.ACLContext;
import java.io.PrintStream;
import java.io.Serial;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.springframework.security.core.Authentication;

/**
 * Runs a renewal step on a thread of its own, like {@code SynchronousNonBlockingStepExecution}, with two
 * differences that keep "what does Azure hold now" in the build log: when the build is aborted or a
 * {@code timeout} fires, the renewal is interrupted and the step waits until the renewal has stored the keys or said
 * how to recover, prints that, and only then ends with the interruption (the base class would print only the
 * interruption); after a controller restart, the step says what to check instead of a generic "resume not supported".
 */
abstract class RenewalStepExecution extends StepExecution {

    @Serial
    private static final long serialVersionUID = 1L;

    /** How long a stopped renewal may take to store the key or explain itself before the step ends anyway. */
    static final long STOP_GRACE_SECONDS = 30;

    private static final ThreadFactory DAEMONS = runnable -> {
        Thread thread = new Thread(runnable, "iot-hub-keys-step");
        thread.setDaemon(true);
        return thread;
    };
    /** The steps' own threads (also {@link RotateKeyExecution}'s halves). */
    static final ExecutorService RENEWALS = Executors.newCachedThreadPool(DAEMONS);
    /** Ends a stopped step whose work did not explain itself within {@link #STOP_GRACE_SECONDS}. */
    static final ScheduledExecutorService GRACE = Executors.newSingleThreadScheduledExecutor(DAEMONS);

    private transient volatile Future<?> task;
    private transient volatile Throwable stopCause;
    private transient volatile boolean running;
    private transient AtomicBoolean completed;

    RenewalStepExecution(StepContext context) {
        super(context);
    }

    /** The renewal, on the build's identity; returns the step's result map. */
    abstract Map<String, Object> perform(Run<?, ?> run, TaskListener listener) throws AbortException;

    /** The step's name, e.g. {@code iotHubRenewKey}. */
    abstract String stepName();

    /** E.g. {@code the new key(s) of policy 'p' on hub 'h'}. */
    abstract String renewedKeys();

    /** What Azure may hold that the credentials do not, and how to recover, after the build {@code what}. */
    abstract String mayHaveChanged(String what);

    /** E.g. {@code renewing the primary key of policy 'p' on hub 'h'}. */
    abstract String activity();

    @Override
    public boolean start() throws Exception {
        Run<?, ?> run = getContext().get(Run.class);
        TaskListener listener = getContext().get(TaskListener.class);
        // The build's identity decides which credentials may be written: carry it to the renewal thread.
        Authentication identity = Jenkins.getAuthentication2();
        completed = new AtomicBoolean();
        task = RENEWALS.submit(() -> renew(run, listener, identity));
        return false;
    }

    private void renew(Run<?, ?> run, TaskListener listener, Authentication identity) {
        running = true;
        Map<String, Object> result = null;
        Throwable failure = null;
        try (ACLContext ignored = ACL.as2(identity)) {
            result = perform(run, listener);
        } catch (Throwable t) {
            failure = t;
        } finally {
            running = false;
        }
        Throwable stop = stopCause;
        if (stop == null) {
            complete(failure, result);
            return;
        }
        // Pipeline prints only the interruption: say here what the renewal did before it stopped.
        PrintStream log = listener.getLogger();
        if (failure == null) {
            log.println(stepName() + " had finished when the build was stopped: " + renewedKeys() + " are stored.");
        } else if (failure instanceof AbortException) {
            log.println(failure.getMessage());
        } else {
            log.println(mayHaveChanged("stopped"));
        }
        complete(stop, null);
    }

    @Override
    public void stop(Throwable cause) throws Exception {
        stopCause = cause;
        Future<?> running = task;
        if (running == null) {
            getContext().onFailure(cause);
            return;
        }
        running.cancel(true);
        TaskListener listener = getContext().get(TaskListener.class);
        GRACE.schedule(() -> {
            if (!completed.get()) {
                listener.getLogger().println(stepName() + " did not stop within " + STOP_GRACE_SECONDS + " s. "
                        + mayHaveChanged("stopped"));
                complete(cause, null);
            }
        }, STOP_GRACE_SECONDS, TimeUnit.SECONDS);
    }

    /** Either the renewal thread or the grace timer ends the step, never both. */
    private void complete(Throwable failure, Map<String, Object> result) {
        if (!completed.compareAndSet(false, true)) {
            return;
        }
        if (failure == null) {
            getContext().onSuccess(result);
        } else {
            getContext().onFailure(failure);
        }
    }

    @Override
    public void onResume() {
        getContext().onFailure(new AbortException("Jenkins restarted while " + stepName() + " was " + activity()
                + ". " + mayHaveChanged("restarted")));
    }

    @Override
    public String getStatus() {
        return running ? activity() : null;
    }

    @Override
    public boolean blocksRestart() {
        // A safe restart waits for the renewal rather than interrupting it between Azure and the credential.
        return running;
    }
}
