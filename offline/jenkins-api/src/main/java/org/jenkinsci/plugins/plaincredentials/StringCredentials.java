package org.jenkinsci.plugins.plaincredentials;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.util.Secret;

// Offline declaration (plain-credentials plugin).
public interface StringCredentials extends StandardCredentials {
    @NonNull
    Secret getSecret();
}
