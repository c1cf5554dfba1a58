package io.jenkins.plugins.azure.iothub;

import hudson.AbortException;
import io.jenkins.plugins.azure.iothub.engine.IotHubKeyClient;

/** Turns a configuration into an authenticated engine client. Builds the client only; sends nothing to Azure. */
public interface AzureAccess {

    /**
     * @throws AbortException with one actionable line when the Azure credential cannot be used
     */
    IotHubKeyClient clientFor(RenewKeyConfig config) throws AbortException;
}
