package io.jenkins.plugins.azure.iothub;

import hudson.AbortException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One half of a rotation at a time per stable credential, across every build of this Jenkins. Two rotations that
 * both read "complete" and both renewed the unused slot would each hand over a key the other revokes; holding this
 * lock from the first read to the last write makes the second one read what the first wrote (and resume instead).
 * Per controller ({@code scope}, the Jenkins instance): a restart leaves nothing held, and the recorded phase carries
 * the state. (A test that restarts Jenkins in one JVM may leave the old instance's thread running; it holds the old
 * instance's lock, not the new one's.)
 */
final class RotationLocks {

    /** A held lock; closing it releases it. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /** Per scope, one entry per stable credential ever rotated there: a handful, never removed. */
    private static final Map<Object, ConcurrentMap<String, ReentrantLock>> LOCKS =
            Collections.synchronizedMap(new WeakHashMap<>());

    private RotationLocks() {}

    /**
     * Waits up to {@code wait} for any other half rotating this credential, then holds the lock.
     *
     * @param scope the controller whose builds must not overlap, compared by identity
     * @param store the store's description ({@link CredentialTarget#describe()}), unique per store
     * @param target what is rotated, for the messages
     * @throws AbortException one line, when the wait ends or the build is aborted while waiting; nothing was changed
     */
    static Held hold(Object scope, String store, String credentialsId, String target, Duration wait,
            PrintStream log) throws AbortException {
        ReentrantLock lock = LOCKS.computeIfAbsent(scope, s -> new ConcurrentHashMap<>())
                .computeIfAbsent(store + '\n' + credentialsId, k -> new ReentrantLock(true));
        if (!lock.tryLock()) {
            log.println("Another rotation of credential '" + credentialsId + "' in " + store + " is running a"
                    + " half in this Jenkins; waiting up to " + shown(wait) + " for it before reading "
                    + target + ".");
            try {
                if (!lock.tryLock(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new AbortException("Another rotation of credential '" + credentialsId + "' in " + store
                            + " (" + target + ") was still running after " + shown(wait) + ", so this one"
                            + " stopped before reading anything; nothing was changed. Run one rotation per"
                            + " credential at a time (disableConcurrentBuilds()), and run this one again when the"
                            + " other has ended.");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AbortException("Aborted while waiting for another rotation of credential '"
                        + credentialsId + "' in " + store + " (" + target + "); nothing was changed.");
            }
        }
        return lock::unlock;
    }

    private static String shown(Duration wait) {
        return wait.toSeconds() > 0 ? wait.toSeconds() + " s" : wait.toMillis() + " ms";
    }
}
