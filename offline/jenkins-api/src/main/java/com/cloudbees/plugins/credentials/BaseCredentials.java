package com.cloudbees.plugins.credentials;

import edu.umd.cs.findbugs.annotations.CheckForNull;

// Offline declaration (credentials plugin): keeps its scope.
public class BaseCredentials implements Credentials {
    private final CredentialsScope scope;

    protected BaseCredentials() {
        this(null);
    }

    public BaseCredentials(@CheckForNull CredentialsScope scope) {
        this.scope = scope;
    }

    @Override
    public CredentialsScope getScope() {
        return scope;
    }

    @Override
    public CredentialsDescriptor getDescriptor() {
        throw new UnsupportedOperationException("offline declaration");
    }
}
