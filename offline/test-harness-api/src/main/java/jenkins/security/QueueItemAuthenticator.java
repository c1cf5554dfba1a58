package jenkins.security;

import hudson.ExtensionPoint;
import hudson.model.Describable;

// Offline declaration (Jenkins core).
public abstract class QueueItemAuthenticator implements Describable<QueueItemAuthenticator>, ExtensionPoint {
    @Override
    public QueueItemAuthenticatorDescriptor getDescriptor() {
        throw new UnsupportedOperationException("offline declaration");
    }
}
