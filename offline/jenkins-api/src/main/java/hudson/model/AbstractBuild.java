package hudson.model;

import java.io.IOException;

// Offline declaration.
public abstract class AbstractBuild<P extends AbstractProject<P, R>, R extends AbstractBuild<P, R>> extends Run<P, R>
        implements Queue.Executable {
    protected AbstractBuild(P job) throws IOException {
        super(job);
    }

    @Override
    public abstract void run();
}
