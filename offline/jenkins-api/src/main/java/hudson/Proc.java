package hudson;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

// Offline declaration: return type of Launcher.launch only.
public abstract class Proc {
    protected Proc() {}

    public abstract boolean isAlive() throws IOException, InterruptedException;

    public abstract void kill() throws IOException, InterruptedException;

    public abstract int join() throws IOException, InterruptedException;

    public abstract InputStream getStdout();

    public abstract InputStream getStderr();

    public abstract OutputStream getStdin();
}
