package hudson.tasks;

import hudson.model.Describable;

// Offline declaration: a type name in AbstractProject's signatures only.
public abstract class Publisher extends BuildStepCompatibilityLayer implements Describable<Publisher> {
    protected Publisher() {}
}
