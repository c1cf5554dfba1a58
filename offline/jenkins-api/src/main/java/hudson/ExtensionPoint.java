package hudson;

// Offline declaration: marker interface.
public interface ExtensionPoint {}
