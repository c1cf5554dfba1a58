package hudson.model;

// Offline declaration.
public interface ModelObject {
    String getDisplayName();
}
