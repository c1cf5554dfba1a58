package org.jenkinsci.plugins.workflow.cps;

import hudson.model.Describable;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jvnet.hudson.test.JenkinsRule;

// Offline declaration (workflow-cps, tests classifier).
public class SnippetizerTester {
    public SnippetizerTester(JenkinsRule r) {}

    public void assertRoundTrip(Step step, String expected) throws Exception {
        throw new UnsupportedOperationException("offline declaration");
    }

    public void assertParseStep(Step expectedStep, String script) throws Exception {
        throw new UnsupportedOperationException("offline declaration");
    }

    public static void assertDocGeneration(Class<? extends Describable> describableClass) throws Exception {
        throw new UnsupportedOperationException("offline declaration");
    }
}
