package io.jenkins.plugins.azure.iothub.jenkins;

import com.azure.core.credential.TokenCredential;

/**
 * Implemented by an azure-credentials credential type that signs in by its own means (for example a plugin's own
 * workload identity, or the IoT Hub emulator in tests). Other types sign in through
 * {@link AzureSignIn}, as azure-credentials would.
 */
public interface AzureTokenSource {

    TokenCredential tokenCredential();
}
