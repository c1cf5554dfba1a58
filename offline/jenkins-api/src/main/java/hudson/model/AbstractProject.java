package hudson.model;

import hudson.tasks.Publisher;
import hudson.util.DescribableList;
import jenkins.model.ParameterizedJobMixIn;

// Offline declaration.
@SuppressWarnings("rawtypes")
public abstract class AbstractProject<P extends AbstractProject<P, R>, R extends AbstractBuild<P, R>> extends Job<P, R>
        implements BuildableItem, ParameterizedJobMixIn.ParameterizedJob<P, R> {
    public abstract DescribableList<Publisher, Descriptor<Publisher>> getPublishersList();

    protected abstract Class<R> getBuildClass();

    public abstract boolean isFingerprintConfigured();

    @Override
    public BuildAuthorizationToken getAuthToken() {
        throw new UnsupportedOperationException("offline declaration");
    }

    public abstract static class AbstractProjectDescriptor extends TopLevelItemDescriptor {
        protected AbstractProjectDescriptor(Class<? extends TopLevelItem> clazz) {
            super(clazz);
        }

        protected AbstractProjectDescriptor() {}
    }
}
