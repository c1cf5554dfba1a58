package hudson;

import java.io.IOException;

// Offline declaration. Holds its message like the real one: the plugin's tests read it.
public class AbortException extends IOException {
    public AbortException() {}

    public AbortException(String message) {
        super(message);
    }
}
