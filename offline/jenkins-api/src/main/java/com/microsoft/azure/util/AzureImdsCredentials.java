package com.microsoft.azure.util;

import com.cloudbees.plugins.credentials.CredentialsScope;

// Offline declaration (azure-credentials plugin): managed identity.
public class AzureImdsCredentials extends AbstractManagedIdentitiesCredentials {
    public AzureImdsCredentials(CredentialsScope scope, String id, String description) {
        super(scope, id, description);
    }

    public AzureImdsCredentials(CredentialsScope scope, String id, String description, String azureEnvName) {
        super(scope, id, description);
    }

    @Override
    public String getSubscriptionId() {
        throw new UnsupportedOperationException("offline declaration");
    }

    public String getClientId() {
        throw new UnsupportedOperationException("offline declaration");
    }
}
