package org.jenkinsci.plugins.credentialsbinding;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.io.IOException;

// Offline declaration (credentials-binding).
public abstract class Binding<C extends StandardCredentials> extends MultiBinding<C> {
    protected Binding(String variable, String credentialsId) {
        super(credentialsId);
    }

    public String getVariable() {
        throw new UnsupportedOperationException("offline declaration");
    }

    @Override
    public final MultiEnvironment bind(Run<?, ?> build, FilePath workspace, Launcher launcher,
            TaskListener listener) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("offline declaration");
    }
}
