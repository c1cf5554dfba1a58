package org.jvnet.hudson.test;

import jenkins.security.QueueItemAuthenticator;
import org.springframework.security.core.Authentication;

// Offline declaration (jenkins-test-harness).
public final class MockQueueItemAuthenticator extends QueueItemAuthenticator {
    public MockQueueItemAuthenticator() {}

    public MockQueueItemAuthenticator authenticate(String jobFullName, Authentication authentication) {
        throw new UnsupportedOperationException("offline declaration");
    }
}
