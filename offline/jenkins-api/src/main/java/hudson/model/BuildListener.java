package hudson.model;

// Offline declaration.
public interface BuildListener extends TaskListener {}
