package io.jenkins.plugins.azure.iothub.jenkins;

import com.azure.core.credential.TokenCredential;

/**
 * Implemented by an azure-credentials credential type that signs in by its own means (for example a plugin's own
 * workload identity, or the IoT Hub emulator in tests). Other types go through
 * {@code AzureCredentials.getTokenCredential}.
 */
public interface AzureTokenSource {

    TokenCredential tokenCredential();
}
