package com.microsoft.azure.util;

import com.azure.core.management.AzureEnvironment;
import com.cloudbees.plugins.credentials.CredentialsScope;

// Offline declaration (azure-credentials plugin).
public abstract class AbstractManagedIdentitiesCredentials extends AzureBaseCredentials {
    public AbstractManagedIdentitiesCredentials(CredentialsScope scope, String id, String description) {
        super(scope, id, description);
    }

    @Override
    public AzureEnvironment getAzureEnvironment() {
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
}
