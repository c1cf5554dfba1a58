package io.jenkins.plugins.azure.iothub.engine;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The overall time budget of one engine call. Every wait and every blocking SDK call goes through it, so the
 * budget is never exceeded by much and a thread interrupt (a Jenkins abort) ends the call promptly even while an
 * SDK call is blocked in I/O that ignores interrupts.
 */
final class Deadline {
    /** Cached daemon threads that run the blocking SDK calls; idle ones go away after a while. */
    private static final ExecutorService IO = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS,
            new SynchronousQueue<>(), new IoThreads());

    private final Duration budget;
    private final long endNanos;

    private Deadline(Duration budget) {
        this.budget = budget;
        this.endNanos = System.nanoTime() + budget.toNanos();
    }

    static Deadline after(Duration budget) {
        return new Deadline(budget);
    }

    Duration budget() {
        return budget;
    }

    Duration remaining() {
        long left = endNanos - System.nanoTime();
        return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
    }

    boolean fits(Duration wait) {
        return wait.compareTo(remaining()) < 0;
    }

    /**
     * Sleeps, interruptibly.
     *
     * @param subject names hub and policy/device for the message if interrupted
     */
    void sleep(Duration wait, String subject, boolean keyMayHaveChanged) {
        if (wait.isZero() || wait.isNegative()) {
            checkInterrupt(subject, keyMayHaveChanged);
            return;
        }
        try {
            Thread.sleep(wait.toMillis(), (int) (wait.toNanos() % 1_000_000));
        } catch (InterruptedException e) {
            throw interrupted(subject, keyMayHaveChanged, e);
        }
    }

    void checkInterrupt(String subject, boolean keyMayHaveChanged) {
        if (Thread.currentThread().isInterrupted()) {
            throw interrupted(subject, keyMayHaveChanged, null);
        }
    }

    /**
     * Runs a blocking call on an I/O thread and waits for it at most until the deadline.
     *
     * @param keyMayHaveChanged whether giving up during this call leaves the key possibly changed
     * @throws Exception whatever the call threw (unwrapped), or IotHubKeyException TIMEOUT / INTERRUPTED
     */
    <T> T call(Callable<T> call, String subject, boolean keyMayHaveChanged) throws Exception {
        checkInterrupt(subject, keyMayHaveChanged);
        if (remaining().isZero()) {
            throw timedOut(subject, false, (Throwable) null); // nothing was sent
        }
        Future<T> future = IO.submit(call);
        try {
            return future.get(Math.max(1, remaining().toNanos()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            future.cancel(true);
            throw interrupted(subject, keyMayHaveChanged, e);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw timedOut(subject, keyMayHaveChanged, e);
        } catch (CancellationException e) {
            throw timedOut(subject, keyMayHaveChanged, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception) {
                throw (Exception) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw e;
        }
    }

    /** Like {@link #timedOut(String, boolean, Throwable)}, naming the last failure seen before the budget ran out. */
    IotHubKeyException timedOut(String subject, boolean keyMayHaveChanged, Failure last) {
        if (last == null) {
            return timedOut(subject, keyMayHaveChanged, (Throwable) null);
        }
        return new IotHubKeyException(IotHubKeyException.Reason.TIMEOUT, capitalize(subject) + " did not finish within"
                + " the time budget of " + Texts.seconds(budget) + "; the last problem was " + last.describe()
                + ". Run again later or allow more time." + (keyMayHaveChanged ? Problems.MAY_HAVE_CHANGED : ""),
                keyMayHaveChanged, last.cause);
    }

    IotHubKeyException timedOut(String subject, boolean keyMayHaveChanged, Throwable cause) {
        return new IotHubKeyException(IotHubKeyException.Reason.TIMEOUT, capitalize(subject) + " did not finish within"
                + " the time budget of " + Texts.seconds(budget) + "; Azure is slow or unreachable. Run again later or"
                + " allow more time." + (keyMayHaveChanged ? Problems.MAY_HAVE_CHANGED : ""), keyMayHaveChanged, cause);
    }

    private static IotHubKeyException interrupted(String subject, boolean keyMayHaveChanged, Throwable cause) {
        Thread.currentThread().interrupt();
        return new IotHubKeyException(IotHubKeyException.Reason.INTERRUPTED, capitalize(subject) + " was interrupted"
                + " (build aborted)." + (keyMayHaveChanged ? Problems.MAY_HAVE_CHANGED : ""), keyMayHaveChanged, cause);
    }

    static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static final class IoThreads implements java.util.concurrent.ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "iothub-keys-io-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
