package io.jenkins.plugins.azure.iothub;

import static io.jenkins.plugins.azure.iothub.RenewKeyConfig.DATA_PLANE_KEY;
import static io.jenkins.plugins.azure.iothub.RenewKeyConfig.DATA_PLANE_LOGIN;
import static io.jenkins.plugins.azure.iothub.RenewKeyConfig.MAX_TIMEOUT_SECONDS;
import static io.jenkins.plugins.azure.iothub.RenewKeyConfig.MIN_TIMEOUT_SECONDS;
import static io.jenkins.plugins.azure.iothub.RenewKeyConfig.STORE_CONNECTION_STRING;
import static io.jenkins.plugins.azure.iothub.RenewKeyConfig.STORE_KEY;

import io.jenkins.plugins.azure.iothub.engine.IotHubKeyException;
import io.jenkins.plugins.azure.iothub.engine.KeyType;
import java.util.regex.Pattern;

/**
 * One rule per option of {@link RenewKeyConfig}, each answering null or one line naming the value and what to do.
 * {@link RenewKeyConfig#validate()} and the form checks both use these, so they always agree.
 */
final class ConfigChecks {

    // Same naming rules as the engine (which re-checks them): a typo fails here, before anything is sent.
    private static final Pattern HUB = Pattern.compile("(?![0-9]+$)(?!-)[a-zA-Z0-9-]{2,49}[a-zA-Z0-9]");
    private static final Pattern POLICY = Pattern.compile("[a-zA-Z0-9_\\-@.]{1,256}");
    private static final Pattern IDENTITY = Pattern.compile("[a-zA-Z0-9\\-._*!(),:=@$']{1,128}");
    private static final Pattern RESOURCE_GROUP = Pattern.compile("[\\p{L}\\p{N}._()-]{0,89}[\\p{L}\\p{N}_()-]");
    private static final Pattern SUBSCRIPTION =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern CREDENTIAL_ID = Pattern.compile("[A-Za-z0-9_.-]{1,128}");

    private ConfigChecks() {}

    static String hub(String hub) {
        if (hub == null) {
            return "hub is required (the IoT Hub name, e.g. 'my-hub')";
        }
        return HUB.matcher(hub).matches() ? null
                : "hub '" + hub + "' is not an IoT Hub name: use 3-50 letters, digits or hyphens, "
                        + "starting and ending with a letter or digit";
    }

    static String key(String key, String device) {
        if (key == null) {
            return "key is required: primary, secondary or swap" + (device != null ? " or both" : "");
        }
        KeyType type;
        try {
            type = KeyType.parse(key);
        } catch (IotHubKeyException e) {
            return "key '" + key + "' is not one of primary, secondary, swap, both";
        }
        if (type == KeyType.BOTH && device == null) {
            return "key 'both' applies only to device and module keys; for a policy use primary, secondary or swap";
        }
        return null;
    }

    static String policyOrDevice(String policy, String device) {
        if (policy == null && device == null) {
            return "set either policy (a shared access policy) or device (a device identity)";
        }
        if (policy != null && device != null) {
            return "set only one of policy or device, not both";
        }
        return null;
    }

    static String policy(String policy) {
        if (policy == null || POLICY.matcher(policy).matches()) {
            return null;
        }
        return "policy '" + policy + "' is not a policy name: use letters, digits, '-', '_', '.' or '@'";
    }

    static String identity(String field, String id) {
        if (id == null || IDENTITY.matcher(id).matches() && !id.matches("\\.+")) {
            return null;
        }
        return field + " '" + id + "' is not a usable " + field + " id: up to 128 ASCII letters, digits or"
                + " - . _ * ! ( ) , : = @ $ ' (not only dots; '?' and '%' cannot be renewed by this plugin)";
    }

    static String module(String module, String device) {
        if (module != null && device == null) {
            return "module '" + module + "' needs device: a module belongs to a device";
        }
        return identity("module", module);
    }

    static String resourceGroup(String resourceGroup) {
        if (resourceGroup == null || RESOURCE_GROUP.matcher(resourceGroup).matches()) {
            return null;
        }
        return "resourceGroup '" + resourceGroup + "' is not a resource group name: up to 90 letters, digits,"
                + " '.', '_', '-', '(' or ')', not ending with '.'";
    }

    static String subscriptionId(String subscriptionId) {
        if (subscriptionId == null || SUBSCRIPTION.matcher(subscriptionId).matches()) {
            return null;
        }
        return "subscriptionId '" + subscriptionId + "' is not a subscription id (a GUID)";
    }

    static String azureCredentialsId(String azureCredentialsId) {
        return azureCredentialsId != null ? null
                : "azureCredentialsId is required: the id of an 'Azure Service Principal' or "
                        + "'Azure Managed Identity' credential allowed to manage the hub";
    }

    static String dataPlaneAuth(String dataPlaneAuth) {
        return DATA_PLANE_KEY.equals(dataPlaneAuth) || DATA_PLANE_LOGIN.equals(dataPlaneAuth) ? null
                : "dataPlaneAuth '" + dataPlaneAuth + "' is not one of key, login";
    }

    static String store(String store) {
        return STORE_CONNECTION_STRING.equals(store) || STORE_KEY.equals(store) ? null
                : "store '" + store + "' is not one of connectionString, key";
    }

    static String credentialId(String field, String id) {
        if (id == null || CREDENTIAL_ID.matcher(id).matches()) {
            return null;
        }
        return field + " '" + id + "' is not usable as a credential id: use letters, digits, '_', '.' or '-'";
    }

    static String timeout(int seconds) {
        if (seconds >= MIN_TIMEOUT_SECONDS && seconds <= MAX_TIMEOUT_SECONDS) {
            return null;
        }
        return "timeoutSeconds " + seconds + " is out of range: use " + MIN_TIMEOUT_SECONDS + " to "
                + MAX_TIMEOUT_SECONDS;
    }
}
