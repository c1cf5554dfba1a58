package io.jenkins.plugins.casc.misc;

import org.jvnet.hudson.test.JenkinsRule;

// Offline declaration (configuration-as-code test-harness).
public class JenkinsConfiguredRule extends JenkinsRule {
    public String exportToString(boolean strict) throws Exception {
        throw new UnsupportedOperationException("offline declaration");
    }
}
