package hudson.remoting;

// Offline declaration (remoting library): a type name only.
public class Channel {
    private Channel() {}
}
