package org.jenkinsci.plugins.credentialsbinding;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.ExtensionPoint;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.AbstractDescribableImpl;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.io.IOException;
import java.io.Serializable;

// Offline declaration (credentials-binding).
public abstract class MultiBinding<C extends StandardCredentials> extends AbstractDescribableImpl<MultiBinding<C>>
        implements ExtensionPoint {
    protected MultiBinding(String credentialsId) {
        throw new UnsupportedOperationException("offline declaration");
    }

    protected abstract Class<C> type();

    public final String getCredentialsId() {
        throw new UnsupportedOperationException("offline declaration");
    }

    public abstract MultiEnvironment bind(Run<?, ?> build, FilePath workspace, Launcher launcher,
            TaskListener listener) throws IOException, InterruptedException;

    /** A type name in {@link #bind}'s signature only. */
    public static final class MultiEnvironment implements Serializable {
        private MultiEnvironment() {}
    }
}
