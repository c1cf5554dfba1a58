package org.jenkinsci.plugins.plaincredentials.impl;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.impl.BaseStandardCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.util.Secret;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

// Offline declaration (plain-credentials plugin): holds its secret, as offline credential-writing tests read it.
public final class StringCredentialsImpl extends BaseStandardCredentials implements StringCredentials {
    private final Secret secret;

    public StringCredentialsImpl(
            @CheckForNull CredentialsScope scope,
            @CheckForNull String id,
            @CheckForNull String description,
            @NonNull Secret secret) {
        super(scope, id, description);
        this.secret = secret;
    }

    @NonNull
    @Override
    public Secret getSecret() {
        return secret;
    }
}
