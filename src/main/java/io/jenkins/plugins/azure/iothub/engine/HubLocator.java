package io.jenkins.plugins.azure.iothub.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Finds a hub by resource group (one GET) or by name alone (subscription-wide listing, like the CLI). */
final class HubLocator {
    /** A located hub: its facts, and the hub document to base a PUT on. */
    static final class Located {
        final HubInfo info;
        final ObjectNode description;

        Located(HubInfo info, ObjectNode description) {
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
        ObjectNode description;
        String group = resourceGroup;
        if (resourceGroup != null) {
            try {
                description = retrier.read(() -> arm.getHub(resourceGroup, hubName, observer), action, advice);
            } catch (IotHubKeyException e) {
                if (e.reason() == IotHubKeyException.Reason.NOT_FOUND
                        && "ResourceGroupNotFound".equalsIgnoreCase(e.serviceCode())) {
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
            group = ArmGateway.resourceGroupOf(EngineJson.text(description, "id"));
        }
        return new Located(HubDocument.describe(description, group), description);
    }

    /** Re-reads a hub whose resource group is known (after a conflict). */
    ObjectNode reread(HubInfo hub, String action) {
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
}
