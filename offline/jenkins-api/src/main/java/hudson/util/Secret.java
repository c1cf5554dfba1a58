package hudson.util;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;

// Offline declaration: holds and returns its value (offline tests write credentials through it). Nothing is
// encrypted.
public final class Secret implements Serializable {
    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    @NonNull
    public String getPlainText() {
        return value;
    }

    public String getEncryptedValue() {
        throw new UnsupportedOperationException("offline declaration");
    }

    // The real toString() returns the plain text (and logs a warning). Offline it fails, so that a secret
    // concatenated into a message or log line breaks the test that reaches it instead of passing unnoticed.
    @Override
    @Deprecated
    public String toString() {
        throw new UnsupportedOperationException("Secret.toString() would reveal the secret; use getPlainText()");
    }

    @NonNull
    public static Secret fromString(@CheckForNull String data) {
        return new Secret(data == null ? "" : data);
    }

    @NonNull
    public static String toString(@CheckForNull Secret s) {
        return s == null ? "" : s.value;
    }

    @Override
    public boolean equals(Object that) {
        return that instanceof Secret && ((Secret) that).value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
