package io.jenkins.plugins.casc.misc.junit.jupiter;

import org.jvnet.hudson.test.JenkinsRule;

// Offline declaration (configuration-as-code test-harness). The real class is @WithJenkins and holds the
// @Test roundTripTest(JenkinsRule); a subclass run offline by mistake finds no test here instead of passing.
public abstract class AbstractRoundTripTest {
    protected abstract void assertConfiguredAsExpected(JenkinsRule j, String configContent);

    protected String configResource() {
        throw new UnsupportedOperationException("offline declaration");
    }

    protected abstract String stringInLogExpected();
}
