package hudson.tasks;

import hudson.ExtensionPoint;

// Offline declaration (Jenkins core).
public abstract class Recorder extends Publisher implements ExtensionPoint {
    protected Recorder() {}

    @Override
    public BuildStepDescriptor getDescriptor() {
        throw new UnsupportedOperationException("offline declaration");
    }
}
