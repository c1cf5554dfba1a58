package jenkins.security;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.util.DescribableList;
import jenkins.model.GlobalConfiguration;

// Offline declaration (Jenkins core).
public class QueueItemAuthenticatorConfiguration extends GlobalConfiguration {
    private QueueItemAuthenticatorConfiguration() {}

    public DescribableList<QueueItemAuthenticator, QueueItemAuthenticatorDescriptor> getAuthenticators() {
        throw new UnsupportedOperationException("offline declaration");
    }

    public static @NonNull QueueItemAuthenticatorConfiguration get() {
        throw new UnsupportedOperationException("offline declaration");
    }
}
