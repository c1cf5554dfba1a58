package io.jenkins.plugins.azure.iothub.engine;

import com.azure.resourcemanager.iothub.fluent.models.IotHubDescriptionInner;
import com.azure.resourcemanager.iothub.models.IotHubProperties;

/** Finds a hub by resource group (one GET) or by name alone (subscription-wide listing, like the CLI). */
final class HubLocator {
    /** A located hub: its facts, and the description to base a PUT on. */
    static final class Located {
        final HubInfo info;
        final IotHubDescriptionInner description;

        Located(HubInfo info, IotHubDescriptionInner description) {
            this.info = info;
            this.description = description;
        }
    }

    private final ArmGateway arm;
    private final Retrier retrier;
    private final CallObserver observer;

    HubLocator(ArmGateway arm, Retrier retrier, CallObserver observer) {
        this.arm = arm;
        this.retrier = retrier;
        this.observer = observer;
    }

    Located locate(String hubName, String resourceGroup, String action) {
        Problems.Advice advice = advice(hubName, resourceGroup, arm.subscriptionId());
        IotHubDescriptionInner description;
        String group = resourceGroup;
        if (resourceGroup != null) {
            try {
                description = retrier.read(() -> arm.getHub(resourceGroup, hubName, observer), action, advice);
            } catch (IotHubKeyException e) {
                if (e.reason() == IotHubKeyException.Reason.NOT_FOUND && "ResourceGroupNotFound".equalsIgnoreCase(e.serviceCode())) {
                    throw new IotHubKeyException(IotHubKeyException.Reason.NOT_FOUND, "Resource group '"
                            + resourceGroup + "' was not found in subscription '" + arm.subscriptionId()
                            + "' while looking for IoT hub '" + hubName + "'. Check the resource group name, or leave"
                            + " it empty to search the whole subscription.", false, e.getCause());
                }
                throw e;
            }
        } else {
            description = retrier.read(() -> arm.findHubByName(hubName, observer), action, advice);
            if (description == null) {
                throw new IotHubKeyException(IotHubKeyException.Reason.NOT_FOUND, advice.notFound, false, null);
            }
            group = ArmGateway.resourceGroupOf(description.id());
        }
        return new Located(describe(description, group), description);
    }

    /** Re-reads a hub whose resource group is known (after a conflict). */
    IotHubDescriptionInner reread(HubInfo hub, String action) {
        return retrier.read(() -> arm.getHub(hub.resourceGroup(), hub.name(), observer), action,
                advice(hub.name(), hub.resourceGroup(), arm.subscriptionId()));
    }

    static Problems.Advice advice(String hubName, String resourceGroup, String subscriptionId) {
        String notFound = resourceGroup != null
                ? "IoT hub '" + hubName + "' was not found in resource group '" + resourceGroup + "' of subscription '"
                        + subscriptionId + "'. Check the hub name and resource group, or leave the resource group"
                        + " empty to search the whole subscription."
                : "IoT hub '" + hubName + "' was not found in subscription '" + subscriptionId + "'. Check the hub"
                        + " name and that the Azure credential uses the hub's subscription.";
        return new Problems.Advice(notFound, Problems.ARM_RIGHTS);
    }

    private static HubInfo describe(IotHubDescriptionInner description, String resourceGroup) {
        IotHubProperties properties = description.properties();
        String hostName = properties == null ? null : properties.hostname();
        boolean localAuthDisabled = properties != null && Boolean.TRUE.equals(properties.disableLocalAuth());
        String subscription = subscriptionOf(description.id());
        return new HubInfo(description.name(), resourceGroup, subscription, hostName, description.location(),
                localAuthDisabled);
    }

    private static String subscriptionOf(String resourceId) {
        if (resourceId == null) {
            return null;
        }
        String[] parts = resourceId.split("/");
        for (int i = 0; i + 1 < parts.length; i++) {
            if ("subscriptions".equalsIgnoreCase(parts[i])) {
                return parts[i + 1];
            }
        }
        return null;
    }
}
