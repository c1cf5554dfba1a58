package com.microsoft.azure.util;

import com.azure.core.credential.TokenCredential;
import com.azure.core.management.AzureEnvironment;
import com.cloudbees.plugins.credentials.CredentialsScope;
import hudson.model.Item;
import hudson.util.Secret;
import org.kohsuke.stapler.DataBoundSetter;

// Offline declaration (azure-credentials plugin): a service principal. Token acquisition needs the real plugin.
public class AzureCredentials extends AzureBaseCredentials {
    public AzureCredentials(
            CredentialsScope scope,
            String id,
            String description,
            String subscriptionId,
            String clientId,
            Secret clientSecret) {
        super(scope, id, description);
    }

    public static TokenCredential getTokenCredential(AzureBaseCredentials credentials) {
        throw new UnsupportedOperationException("offline declaration");
    }

    public static TokenCredential getCredentialById(Item owner, String credentialId) {
        throw new UnsupportedOperationException("offline declaration");
    }

    @Override
    public String getSubscriptionId() {
        throw new UnsupportedOperationException("offline declaration");
    }

    public String getClientId() {
        throw new UnsupportedOperationException("offline declaration");
    }

    public String getPlainClientSecret() {
        throw new UnsupportedOperationException("offline declaration");
    }

    @DataBoundSetter
    public void setCertificateId(String certificateId) {
        throw new UnsupportedOperationException("offline declaration");
    }

    public String getCertificateId() {
        throw new UnsupportedOperationException("offline declaration");
    }

    public String getTenant() {
        throw new UnsupportedOperationException("offline declaration");
    }

    @DataBoundSetter
    public void setTenant(String tenant) {
        throw new UnsupportedOperationException("offline declaration");
    }

    @Override
    public String getAzureEnvironmentName() {
        throw new UnsupportedOperationException("offline declaration");
    }

    @Override
    public String getManagementEndpoint() {
        throw new UnsupportedOperationException("offline declaration");
    }

    @Override
    public String getActiveDirectoryEndpoint() {
        throw new UnsupportedOperationException("offline declaration");
    }

    @Override
    public String getResourceManagerEndpoint() {
        throw new UnsupportedOperationException("offline declaration");
    }

    @Override
    public String getGraphEndpoint() {
        throw new UnsupportedOperationException("offline declaration");
    }

    @Override
    public AzureEnvironment getAzureEnvironment() {
        throw new UnsupportedOperationException("offline declaration");
    }
}
