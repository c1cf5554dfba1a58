package hudson.tasks;

import hudson.ExtensionPoint;
import hudson.model.Describable;
import hudson.model.Descriptor;

// Offline declaration (Jenkins core): the type of a freestyle project's build wrappers.
public abstract class BuildWrapper implements Describable<BuildWrapper>, ExtensionPoint {
    public BuildWrapper() {}

    @Override
    public Descriptor<BuildWrapper> getDescriptor() {
        throw new UnsupportedOperationException("offline declaration");
    }
}
