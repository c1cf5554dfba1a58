package com.cloudbees.plugins.credentials;

import hudson.model.Descriptor;

// Offline declaration (credentials plugin).
public abstract class CredentialsDescriptor extends Descriptor<Credentials> {
    protected CredentialsDescriptor(Class<? extends Credentials> clazz) {
        super(clazz);
    }

    protected CredentialsDescriptor() {}
}
