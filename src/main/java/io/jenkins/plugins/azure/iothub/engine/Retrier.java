package io.jenkins.plugins.azure.iothub.engine;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Bounded retries inside the call's {@link Deadline}: honours Retry-After when Azure sends it, otherwise backs off
 * exponentially with jitter. The SDKs' own retry policies are switched off so that this is the only one in charge.
 */
final class Retrier {
    private static final Logger LOGGER = Logger.getLogger(Retrier.class.getName());
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final int maxAttempts;
    private final Duration baseDelay;
    private final Deadline deadline;

    Retrier(int maxAttempts, Duration baseDelay, Deadline deadline) {
        this.maxAttempts = maxAttempts;
        this.baseDelay = baseDelay;
        this.deadline = deadline;
    }

    Deadline deadline() {
        return deadline;
    }

    int maxAttempts() {
        return maxAttempts;
    }

    /** Runs a call that changes nothing in Azure, retrying transient failures. */
    <T> T read(Callable<T> call, String action, Problems.Advice advice) {
        for (int attempt = 1;; attempt++) {
            try {
                return deadline.call(call, action, false);
            } catch (IotHubKeyException e) {
                throw e;
            } catch (Exception e) {
                Failure failure = Failure.of(e);
                pauseOrThrow(failure, failure.isTransient(), attempt, action, false, advice);
            }
        }
    }

    /**
     * Decides after a failed write (a PUT that changes keys): an engine error such as the end of the time budget
     * ends the call, saying so when an earlier attempt may have changed the key; any other failure is retried when
     * transient or a 412 (the caller re-reads everything first), and otherwise ends the call.
     *
     * @return whether Azure may now hold a new key
     */
    boolean afterFailedWrite(Exception e, int attempt, String action, boolean keyMayHaveChanged,
            Problems.Advice advice) {
        if (e instanceof IotHubKeyException) {
            throw Problems.marked((IotHubKeyException) e, keyMayHaveChanged);
        }
        Failure failure = Failure.of(e);
        boolean mayHaveChanged = keyMayHaveChanged || failure.mayHaveBeenApplied();
        pauseOrThrow(failure, failure.isTransient() || failure.status == 412, attempt, action, mayHaveChanged, advice);
        return mayHaveChanged;
    }

    /**
     * Decides after a failed attempt: sleeps before the next one, or throws the final, user-facing error.
     *
     * @param retryable whether this failure is worth another attempt at all
     */
    void pauseOrThrow(Failure failure, boolean retryable, int attempt, String action, boolean keyMayHaveChanged,
            Problems.Advice advice) {
        if (!retryable || attempt >= maxAttempts) {
            throw Problems.fail(failure, action, attempt, keyMayHaveChanged, advice);
        }
        Duration wait = failure.retryAfter != null ? failure.retryAfter : backoff(attempt);
        if (!deadline.fits(wait)) {
            if (failure.retryAfter != null) {
                throw Problems.fail(failure, action, attempt, keyMayHaveChanged, advice);
            }
            // the budget ends the attempts, but the user needs the cause that kept them going (e.g. endless 412s)
            throw Problems.fail(failure, action, attempt, keyMayHaveChanged, advice, deadline.budget());
        }
        if (LOGGER.isLoggable(Level.FINE)) {
            LOGGER.fine(Deadline.capitalize(action) + ": attempt " + attempt + " failed (" + failure.describe()
                    + "), retrying in " + wait.toMillis() + " ms");
        }
        deadline.sleep(wait, action, keyMayHaveChanged);
    }

    /** The wait before attempt {@code attempt + 1} when Azure gave no Retry-After. */
    Duration backoff(int attempt) {
        long base = baseDelay.toMillis() << Math.min(attempt - 1, 16);
        long capped = Math.min(base, MAX_BACKOFF.toMillis());
        // jitter keeps concurrent renewals of one hub from retrying in lockstep
        long jittered = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
        return Duration.ofMillis(jittered);
    }
}
