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
 * One rule per option of {@link RenewKeyConfig}, each answering null or one line naming the value and what to do,
 * in the words of its reader ({@link Wording}). {@link RenewKeyConfig#validate} and the form checks both use these,
 * so they always agree.
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

    /** What a renewal targets, as the form's choice names it. */
    static final String TARGET_POLICY = "policy";
    static final String TARGET_DEVICE = "device";

    private ConfigChecks() {}

    /** {@link #TARGET_POLICY}, {@link #TARGET_DEVICE} (a device or module identity), or null unless exactly one is set. */
    static String target(String policy, String device) {
        if (policy != null && device == null) {
            return TARGET_POLICY;
        }
        return device != null && policy == null ? TARGET_DEVICE : null;
    }

    static String hub(Wording w, String hub) {
        if (hub == null) {
            return w.option("hub") + " is required: the name of the IoT hub, e.g. 'my-hub'";
        }
        return HUB.matcher(hub).matches() ? null
                : w.subject("hub", hub) + " is not an IoT Hub name: use 3-50 letters, digits or hyphens, "
                        + "starting and ending with a letter or digit";
    }

    /**
     * @param target {@link #TARGET_POLICY}, {@link #TARGET_DEVICE} (devices and modules) or null when not chosen yet
     */
    static String key(Wording w, String key, String target) {
        if (key == null) {
            return w.option("key") + " is required: " + keyChoices(target);
        }
        KeyType type;
        try {
            type = KeyType.parse(key);
        } catch (IotHubKeyException e) {
            return w.subject("key", key) + " is not one of " + keyChoices(target);
        }
        if (type == KeyType.BOTH && TARGET_POLICY.equals(target)) {
            return w.subject("key", "both")
                    + " applies only to device and module keys; for a policy use primary, secondary or swap";
        }
        return null;
    }

    /** Exactly the key choices valid for the target. */
    static String keyChoices(String target) {
        if (TARGET_POLICY.equals(target)) {
            return "primary, secondary or swap";
        }
        if (TARGET_DEVICE.equals(target)) {
            return "primary, secondary, both or swap";
        }
        return "primary, secondary or swap (and both, for devices and modules)";
    }

    static String policyOrDevice(Wording w, String policy, String device) {
        if (policy == null && device == null) {
            return w == Wording.FORM
                    ? "Choose what to renew: a shared access policy, or a device or module identity"
                    : "set either policy (a shared access policy) or device (a device identity)";
        }
        if (policy != null && device != null) {
            return "set only one of policy or device, not both";
        }
        return null;
    }

    static String policy(Wording w, String policy) {
        if (policy == null || POLICY.matcher(policy).matches()) {
            return null;
        }
        return w.subject("policy", policy) + " is not a policy name: use letters, digits, '-', '_', '.' or '@'";
    }

    static String identity(Wording w, String field, String id) {
        if (id == null || IDENTITY.matcher(id).matches() && !id.matches("\\.+")) {
            return null;
        }
        return w.subject(field, id) + " is not a usable " + field + " id: up to 128 ASCII letters, digits or"
                + " - . _ * ! ( ) , : = @ $ ' (not only dots; '?' and '%' cannot be renewed by this plugin)";
    }

    static String module(Wording w, String module, String device) {
        if (module != null && device == null) {
            return w.subject("module", module) + " needs " + w.option("device") + ": a module belongs to a device";
        }
        return identity(w, "module", module);
    }

    static String resourceGroup(Wording w, String resourceGroup) {
        if (resourceGroup == null || RESOURCE_GROUP.matcher(resourceGroup).matches()) {
            return null;
        }
        return w.subject("resourceGroup", resourceGroup) + " is not a resource group name: up to 90 letters, digits,"
                + " '.', '_', '-', '(' or ')', not ending with '.'";
    }

    static String subscriptionId(Wording w, String subscriptionId) {
        if (subscriptionId == null || SUBSCRIPTION.matcher(subscriptionId).matches()) {
            return null;
        }
        return w.subject("subscriptionId", subscriptionId) + " is not a subscription id (a GUID)";
    }

    /** When neither the step, an enclosing folder nor the global configuration names an Azure credential. */
    static String azureCredentialsIdRequired(Wording w) {
        return w.option("azureCredentialsId") + " is required: no folder of this job and not the global"
                + " configuration sets a default Azure credential; choose an 'Azure Service Principal' or"
                + " 'Azure Managed Identity' credential allowed to manage the hub";
    }

    static String dataPlaneAuth(Wording w, String dataPlaneAuth) {
        return DATA_PLANE_KEY.equals(dataPlaneAuth) || DATA_PLANE_LOGIN.equals(dataPlaneAuth) ? null
                : w.subject("dataPlaneAuth", dataPlaneAuth) + " is not one of key, login";
    }

    static String store(Wording w, String store) {
        return STORE_CONNECTION_STRING.equals(store) || STORE_KEY.equals(store) ? null
                : w.subject("store", store) + " is not one of connectionString, key";
    }

    static String credentialId(Wording w, String field, String id) {
        if (id == null || CREDENTIAL_ID.matcher(id).matches()) {
            return null;
        }
        return w.subject(field, id) + " is not usable as a credential id: use letters, digits, '_', '.' or '-'";
    }

    static String timeout(Wording w, int seconds) {
        if (seconds >= MIN_TIMEOUT_SECONDS && seconds <= MAX_TIMEOUT_SECONDS) {
            return null;
        }
        return w.subject("timeoutSeconds", String.valueOf(seconds)) + " is out of range: use " + MIN_TIMEOUT_SECONDS
                + " to " + MAX_TIMEOUT_SECONDS;
    }

    static String timeoutNotANumber(Wording w) {
        return w.option("timeoutSeconds") + " must be a whole number of seconds";
    }
}
