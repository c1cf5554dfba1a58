package io.jenkins.plugins.azure.iothub;

import io.jenkins.plugins.azure.iothub.engine.KeySlot;
import java.util.Collection;

/** Last line of defence: a foreign exception message must not carry a key into the build log or the system log. */
final class Redaction {

    private static final int MAX_CAUSES = 10;

    private Redaction() {}

    static String redact(String message, RenewedKeys keys, Collection<KeySlot> slots) {
        String out = message;
        for (KeySlot slot : slots) {
            out = replace(out, keys.connectionString(slot).reveal());
            out = replace(out, keys.key(slot).reveal());
        }
        return out;
    }

    /**
     * A stand-in for a failure, to log with its stack trace: same class name, stack and causes, but every message
     * redacted. Suppressed exceptions are left out (they are not redacted).
     */
    static Throwable redactedCopy(Throwable failure, RenewedKeys keys, Collection<KeySlot> slots) {
        return copy(failure, keys, slots, MAX_CAUSES);
    }

    private static Throwable copy(Throwable failure, RenewedKeys keys, Collection<KeySlot> slots, int depth) {
        String message = failure.getMessage() == null ? null : redact(failure.getMessage(), keys, slots);
        Throwable cause = failure.getCause();
        Throwable causeCopy = cause != null && cause != failure && depth > 0
                ? copy(cause, keys, slots, depth - 1) : null;
        Throwable copy = new RedactedFailure(failure.getClass().getName(), message, causeCopy);
        copy.setStackTrace(failure.getStackTrace());
        return copy;
    }

    private static String replace(String message, String secret) {
        return secret == null || secret.isEmpty() ? message : message.replace(secret, "****");
    }

    /** Prints like the original exception would ({@code class: message}). */
    private static final class RedactedFailure extends Exception {
        private static final long serialVersionUID = 1L;
        private final String originalClass;

        RedactedFailure(String originalClass, String message, Throwable cause) {
            super(message, cause, false, true);
            this.originalClass = originalClass;
        }

        @Override
        public String toString() {
            return getMessage() == null ? originalClass : originalClass + ": " + getMessage();
        }
    }
}
