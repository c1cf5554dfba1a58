package org.jvnet.hudson.test.junit.jupiter;

import edu.umd.cs.findbugs.annotations.NonNull;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.jvnet.hudson.test.fixtures.JenkinsSessionFixture;

// Offline declaration (jenkins-test-harness): fails at once if a test uses it offline, like @WithJenkins.
public class JenkinsSessionExtension implements BeforeEachCallback, AfterEachCallback {
    public JenkinsSessionExtension() {}

    @Override
    public void beforeEach(@NonNull ExtensionContext context) {
        throw new UnsupportedOperationException("offline declaration: runs only in the standard build");
    }

    @Override
    public void afterEach(@NonNull ExtensionContext context) {
        throw new UnsupportedOperationException("offline declaration");
    }

    @FunctionalInterface
    public interface Step extends JenkinsSessionFixture.Step {}

    public void then(Step s) throws Throwable {
        throw new UnsupportedOperationException("offline declaration");
    }
}
