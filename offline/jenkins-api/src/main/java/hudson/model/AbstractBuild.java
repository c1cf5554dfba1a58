package hudson.model;

// Offline declaration.
public abstract class AbstractBuild<P extends AbstractProject<P, R>, R extends AbstractBuild<P, R>> extends Run<P, R>
        implements Queue.Executable {
    @Override
    public abstract void run();
}
