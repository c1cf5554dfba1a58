package io.jenkins.plugins.azure.iothub.engine;

import java.util.regex.Pattern;

/**
 * Input checks done before anything is sent to Azure. Device and module ids follow the registry's id rules, minus
 * the characters that would change a registry request URL (see
 * {@link #checkIdentityId}).
 */
final class Names {
    /** ARM's rule for IoT hub names. */
    private static final Pattern HUB = Pattern.compile("(?![0-9]+$)(?!-)[a-zA-Z0-9-]{2,49}[a-zA-Z0-9]");
    /** ARM's rule for resource group names (ASCII subset; Azure also allows other Unicode letters). */
    private static final Pattern RESOURCE_GROUP = Pattern.compile("[\\p{L}\\p{N}._()-]{0,89}[\\p{L}\\p{N}_()-]");
    /** Policy names the service SDKs accept in connection strings. */
    private static final Pattern POLICY = Pattern.compile("[a-zA-Z0-9_\\-@.]{1,256}");
    /** The registry's id alphabet: ASCII letters, digits and - . % _ * ? ! ( ) , : = @ $ ' */
    private static final Pattern REGISTRY_ID = Pattern.compile("[a-zA-Z0-9\\-.%_*?!(),:=@$']{1,128}");
    private static final Pattern ONLY_DOTS = Pattern.compile("\\.+");

    private Names() {
    }

    static String checkHub(String hub) {
        if (hub == null || !HUB.matcher(hub).matches()) {
            throw invalid("IoT hub name '" + Texts.shorten(hub) + "' is not valid: use 3-50 letters, digits or"
                    + " hyphens, starting and ending with a letter or digit.");
        }
        return hub;
    }

    static String checkResourceGroup(String resourceGroup, String hub) {
        if (resourceGroup == null || resourceGroup.isBlank()) {
            return null;
        }
        if (!RESOURCE_GROUP.matcher(resourceGroup).matches()) {
            throw invalid("Resource group '" + Texts.shorten(resourceGroup) + "' given for IoT hub '" + hub
                    + "' is not a valid resource group name: use up to 90 letters, digits, '.', '_', '-', '(' or ')',"
                    + " not ending with '.'.");
        }
        return resourceGroup;
    }

    static String checkPolicy(String policy, String hub) {
        if (policy == null || !POLICY.matcher(policy).matches()) {
            throw invalid("Shared access policy name '" + Texts.shorten(policy) + "' for IoT hub '" + hub
                    + "' is not valid: use letters, digits, '-', '_', '.' or '@'.");
        }
        return policy;
    }

    /**
     * Checks a device or module id. Ids are refused when they would not reach the intended path in every client the
     * plugin has used: RegistryClient 2.1.9 put ids into URLs unencoded ('?' cuts the path into a query, '%' is
     * decoded by the server into another id, even '/'), and an id of only dots is a relative path segment that URL
     * normalisation removes even when encoded. Every other allowed character is a plain path character.
     */
    static String checkIdentityId(String id, String what, String hub) {
        if (id == null || id.isEmpty()) {
            throw invalid("A " + what + " id is required for IoT hub '" + hub + "'.");
        }
        if (!REGISTRY_ID.matcher(id).matches()) {
            throw invalid(capitalized(what) + " id '" + Texts.shorten(id) + "' for IoT hub '" + hub
                    + "' is not valid: use 1 to 128 ASCII letters, digits or - . _ * ! ( ) , : = @ $ '"
                    + " (no '/', '#', spaces or other characters).");
        }
        if (id.indexOf('?') >= 0 || id.indexOf('%') >= 0 || ONLY_DOTS.matcher(id).matches()) {
            throw invalid(capitalized(what) + " id '" + id + "' on IoT hub '" + hub
                    + "' cannot be renewed by this plugin: ids containing '?' or '%', or made only of dots, would"
                    + " change the request URL. Renew it with the Azure CLI or portal instead.");
        }
        return id;
    }

    private static String capitalized(String what) {
        return Character.toUpperCase(what.charAt(0)) + what.substring(1);
    }

    private static IotHubKeyException invalid(String message) {
        return new IotHubKeyException(IotHubKeyException.Reason.INVALID_ARGUMENT, message, false, null);
    }
}
