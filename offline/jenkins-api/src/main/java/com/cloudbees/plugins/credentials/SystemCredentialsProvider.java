package com.cloudbees.plugins.credentials;

import hudson.model.AbstractDescribableImpl;

// Offline declaration (credentials plugin).
public class SystemCredentialsProvider extends AbstractDescribableImpl<SystemCredentialsProvider> {
    public SystemCredentialsProvider() {}

    public static SystemCredentialsProvider getInstance() {
        throw new UnsupportedOperationException("offline declaration");
    }

    public static class ProviderImpl extends CredentialsProvider {
        public ProviderImpl() {}
    }
}
