package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.ExtensionPoint;
import hudson.security.ACL;
import hudson.security.AccessControlled;
import java.io.File;
import java.io.IOException;

// Offline declaration.
public abstract class Run<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends Actionable
        implements ExtensionPoint, Comparable<RunT>, AccessControlled {
    protected Run(@NonNull JobT job) throws IOException {}

    public @NonNull JobT getParent() {
        throw new UnsupportedOperationException("offline declaration");
    }

    public int getNumber() {
        throw new UnsupportedOperationException("offline declaration");
    }

    public @NonNull String getExternalizableId() {
        throw new UnsupportedOperationException("offline declaration");
    }

    public String getFullDisplayName() {
        throw new UnsupportedOperationException("offline declaration");
    }

    public String getDisplayName() {
        throw new UnsupportedOperationException("offline declaration");
    }

    public @NonNull String getId() {
        throw new UnsupportedOperationException("offline declaration");
    }

    public @NonNull String getUrl() {
        throw new UnsupportedOperationException("offline declaration");
    }

    public @CheckForNull Result getResult() {
        throw new UnsupportedOperationException("offline declaration");
    }

    public void setResult(@NonNull Result r) {
        throw new UnsupportedOperationException("offline declaration");
    }

    /** Where the build record ({@code build.xml}) and log live; tests read the record. */
    public @NonNull File getRootDir() {
        throw new UnsupportedOperationException("offline declaration");
    }

    public @NonNull EnvVars getEnvironment(@NonNull TaskListener listener) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("offline declaration");
    }

    @Override
    public @NonNull ACL getACL() {
        throw new UnsupportedOperationException("offline declaration");
    }

    @Override
    public int compareTo(@NonNull RunT that) {
        throw new UnsupportedOperationException("offline declaration");
    }
}
