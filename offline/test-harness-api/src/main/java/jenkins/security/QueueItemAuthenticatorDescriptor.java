package jenkins.security;

import hudson.model.Descriptor;

// Offline declaration (Jenkins core).
public abstract class QueueItemAuthenticatorDescriptor extends Descriptor<QueueItemAuthenticator> {}
