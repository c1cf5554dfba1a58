package hudson;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.remoting.Channel;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

// Offline declaration: only a parameter type for the plugin; the abstract methods are here so that
// the declaration keeps the real class's obligations.
public abstract class Launcher {
    private Launcher() {}

    public abstract Proc launch(@NonNull ProcStarter starter) throws IOException;

    public abstract Channel launchChannel(
            @NonNull String[] cmd, @NonNull OutputStream out, FilePath workDir, Map<String, String> envVars)
            throws IOException, InterruptedException;

    public abstract void kill(Map<String, String> modelEnvVars) throws IOException, InterruptedException;

    public final class ProcStarter {}
}
