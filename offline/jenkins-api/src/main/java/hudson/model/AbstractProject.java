package hudson.model;

import hudson.tasks.Publisher;
import java.io.IOException;
import hudson.util.DescribableList;
import jenkins.model.ParameterizedJobMixIn;

// Offline declaration.
@SuppressWarnings("rawtypes")
public abstract class AbstractProject<P extends AbstractProject<P, R>, R extends AbstractBuild<P, R>> extends Job<P, R>
        implements BuildableItem, ParameterizedJobMixIn.ParameterizedJob<P, R> {
    protected AbstractProject(ItemGroup parent, String name) {
        super(parent, name);
    }

    public abstract DescribableList<Publisher, Descriptor<Publisher>> getPublishersList();

    protected abstract Class<R> getBuildClass();

    public abstract boolean isFingerprintConfigured();

    @Override
    public RunMap<R> _getRuns() {
        throw new UnsupportedOperationException("offline declaration");
    }

    @Override
    public void removeRun(R run) {
        throw new UnsupportedOperationException("offline declaration");
    }

    @Override
    public R createExecutable() throws IOException {
        throw new UnsupportedOperationException("offline declaration");
    }

    @Override
    public BuildAuthorizationToken getAuthToken() {
        throw new UnsupportedOperationException("offline declaration");
    }

    public abstract static class AbstractProjectDescriptor extends TopLevelItemDescriptor {
        public AbstractProjectDescriptor() {}
    }
}
