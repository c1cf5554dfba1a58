package hudson.model;

// Offline declaration.
public abstract class Cause {
    public abstract String getShortDescription();
}
