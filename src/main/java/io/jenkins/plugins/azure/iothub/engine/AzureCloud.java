package io.jenkins.plugins.azure.iothub.engine;

import java.net.URI;
import java.util.Objects;

/**
 * Where Azure Resource Manager lives and which token scopes to ask for. The data-plane scope is what Entra ID
 * issues IoT Hub service tokens for; {@code https://iothubs.azure.net} is documented for the public cloud, and
 * the same audience is assumed for the sovereign clouds (use {@link #custom} if a cloud needs another).
 */
public final class AzureCloud {
    public static final AzureCloud PUBLIC = new AzureCloud("AzureCloud", "https://management.azure.com/",
            "https://management.core.windows.net//.default", "https://iothubs.azure.net/.default");
    public static final AzureCloud CHINA = new AzureCloud("AzureChinaCloud", "https://management.chinacloudapi.cn/",
            "https://management.core.chinacloudapi.cn//.default", "https://iothubs.azure.net/.default");
    public static final AzureCloud US_GOVERNMENT = new AzureCloud("AzureUSGovernment",
            "https://management.usgovcloudapi.net/", "https://management.core.usgovcloudapi.net//.default",
            "https://iothubs.azure.net/.default");

    private final String name;
    private final String resourceManagerEndpoint;
    private final String managementScope;
    private final String iotHubScope;

    private AzureCloud(String name, String resourceManagerEndpoint, String managementScope, String iotHubScope) {
        this.name = name;
        this.resourceManagerEndpoint = resourceManagerEndpoint;
        this.managementScope = managementScope;
        this.iotHubScope = iotHubScope;
    }

    /**
     * A cloud not listed above, or a local test endpoint.
     *
     * @param resourceManagerEndpoint e.g. {@code https://management.example/}; must be https
     * @param managementScope         the ARM token scope, e.g. {@code https://management.example//.default}
     * @param iotHubScope             the IoT Hub data-plane token scope
     */
    public static AzureCloud custom(String resourceManagerEndpoint, String managementScope, String iotHubScope) {
        Objects.requireNonNull(resourceManagerEndpoint, "resourceManagerEndpoint");
        Objects.requireNonNull(managementScope, "managementScope");
        Objects.requireNonNull(iotHubScope, "iotHubScope");
        URI uri = URI.create(resourceManagerEndpoint);
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("resourceManagerEndpoint must be an https URL: "
                    + resourceManagerEndpoint);
        }
        return new AzureCloud("custom", resourceManagerEndpoint, managementScope, iotHubScope);
    }

    public String name() {
        return name;
    }

    public String resourceManagerEndpoint() {
        return resourceManagerEndpoint;
    }

    public String managementScope() {
        return managementScope;
    }

    public String iotHubScope() {
        return iotHubScope;
    }

    @Override
    public String toString() {
        return "AzureCloud[" + name + ", " + resourceManagerEndpoint + "]";
    }
}
