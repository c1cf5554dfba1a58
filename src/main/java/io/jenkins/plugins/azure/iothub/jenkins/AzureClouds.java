package io.jenkins.plugins.azure.iothub.jenkins;

import com.azure.core.management.AzureEnvironment;
import io.jenkins.plugins.azure.iothub.engine.AzureCloud;

/** Maps the cloud an azure-credentials credential is configured for onto the engine's cloud. */
final class AzureClouds {

    /** Data-plane token scope of IoT Hub; the same in every cloud the service documents. */
    static final String IOT_HUB_SCOPE = "https://iothubs.azure.net/.default";

    private AzureClouds() {}

    static AzureCloud of(AzureEnvironment environment) {
        if (environment == null || sameArm(environment, AzureEnvironment.AZURE)) {
            return AzureCloud.PUBLIC;
        }
        if (sameArm(environment, AzureEnvironment.AZURE_CHINA)) {
            return AzureCloud.CHINA;
        }
        if (sameArm(environment, AzureEnvironment.AZURE_US_GOVERNMENT)) {
            return AzureCloud.US_GOVERNMENT;
        }
        // Azure Stack or a sovereign cloud configured by hand: take its endpoints as they are.
        return AzureCloud.custom(environment.getResourceManagerEndpoint(),
                managementScope(environment.getManagementEndpoint()), IOT_HUB_SCOPE);
    }

    /** ARM tokens are requested for the management endpoint; Azure keeps its legacy double slash. */
    static String managementScope(String managementEndpoint) {
        String endpoint = managementEndpoint.endsWith("/") ? managementEndpoint : managementEndpoint + "/";
        return endpoint + "/.default";
    }

    private static boolean sameArm(AzureEnvironment a, AzureEnvironment b) {
        return trimSlash(a.getResourceManagerEndpoint()).equalsIgnoreCase(trimSlash(b.getResourceManagerEndpoint()));
    }

    private static String trimSlash(String url) {
        if (url == null) {
            return "";
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
