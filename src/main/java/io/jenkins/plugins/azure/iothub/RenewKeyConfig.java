package io.jenkins.plugins.azure.iothub;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.azure.iothub.engine.IotHubKeyException;
import io.jenkins.plugins.azure.iothub.engine.KeySlot;
import io.jenkins.plugins.azure.iothub.engine.KeyType;
import io.jenkins.plugins.azure.iothub.jenkins.AzureCredentialsAccess;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The one configuration object of a key renewal, shared by the Pipeline step and the freestyle builder.
 * Holds names and ids only; never a key.
 */
public final class RenewKeyConfig implements Describable<RenewKeyConfig>, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public static final String DATA_PLANE_KEY = "key";
    public static final String DATA_PLANE_LOGIN = "login";
    public static final String STORE_CONNECTION_STRING = "connectionString";
    public static final String STORE_KEY = "key";
    public static final int DEFAULT_TIMEOUT_SECONDS = 300;
    static final int MIN_TIMEOUT_SECONDS = 10;
    static final int MAX_TIMEOUT_SECONDS = 3600;

    // Same naming rules as the engine (which re-checks them): a typo fails here, before anything is sent.
    private static final Pattern HUB = Pattern.compile("(?![0-9]+$)(?!-)[a-zA-Z0-9-]{2,49}[a-zA-Z0-9]");
    private static final Pattern POLICY = Pattern.compile("[a-zA-Z0-9_\\-@.]{1,256}");
    private static final Pattern IDENTITY = Pattern.compile("[a-zA-Z0-9\\-._*!(),:=@$']{1,128}");
    private static final Pattern RESOURCE_GROUP = Pattern.compile("[\\p{L}\\p{N}._()-]{0,89}[\\p{L}\\p{N}_()-]");
    private static final Pattern SUBSCRIPTION =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern CREDENTIAL_ID = Pattern.compile("[A-Za-z0-9_.-]{1,128}");

    private final String hub;
    private final String key;
    private String policy;
    private String device;
    private String module;
    private String resourceGroup;
    private String subscriptionId;
    private String azureCredentialsId;
    private String dataPlaneAuth;
    private String primaryCredentialsId;
    private String secondaryCredentialsId;
    private String store;
    private boolean dryRun;
    private boolean verify = true;
    private int timeoutSeconds = DEFAULT_TIMEOUT_SECONDS;

    @DataBoundConstructor
    public RenewKeyConfig(String hub, String key) {
        this.hub = Util.fixEmptyAndTrim(hub);
        this.key = normalizeChoice(key);
    }

    public String getHub() {
        return hub;
    }

    public String getKey() {
        return key;
    }

    public String getPolicy() {
        return policy;
    }

    @DataBoundSetter
    public void setPolicy(String policy) {
        this.policy = Util.fixEmptyAndTrim(policy);
    }

    public String getDevice() {
        return device;
    }

    @DataBoundSetter
    public void setDevice(String device) {
        this.device = Util.fixEmptyAndTrim(device);
    }

    public String getModule() {
        return module;
    }

    @DataBoundSetter
    public void setModule(String module) {
        this.module = Util.fixEmptyAndTrim(module);
    }

    public String getResourceGroup() {
        return resourceGroup;
    }

    @DataBoundSetter
    public void setResourceGroup(String resourceGroup) {
        this.resourceGroup = Util.fixEmptyAndTrim(resourceGroup);
    }

    public String getSubscriptionId() {
        return subscriptionId;
    }

    @DataBoundSetter
    public void setSubscriptionId(String subscriptionId) {
        this.subscriptionId = Util.fixEmptyAndTrim(subscriptionId);
    }

    public String getAzureCredentialsId() {
        return azureCredentialsId;
    }

    @DataBoundSetter
    public void setAzureCredentialsId(String azureCredentialsId) {
        this.azureCredentialsId = Util.fixEmptyAndTrim(azureCredentialsId);
    }

    /** {@code key} (default) or {@code login}; only used for device and module keys. */
    public String getDataPlaneAuth() {
        return dataPlaneAuth == null ? DATA_PLANE_KEY : dataPlaneAuth;
    }

    @DataBoundSetter
    public void setDataPlaneAuth(String dataPlaneAuth) {
        this.dataPlaneAuth = normalizeChoice(dataPlaneAuth);
    }

    public String getPrimaryCredentialsId() {
        return primaryCredentialsId;
    }

    @DataBoundSetter
    public void setPrimaryCredentialsId(String primaryCredentialsId) {
        this.primaryCredentialsId = Util.fixEmptyAndTrim(primaryCredentialsId);
    }

    public String getSecondaryCredentialsId() {
        return secondaryCredentialsId;
    }

    @DataBoundSetter
    public void setSecondaryCredentialsId(String secondaryCredentialsId) {
        this.secondaryCredentialsId = Util.fixEmptyAndTrim(secondaryCredentialsId);
    }

    /** {@code connectionString} (default) or {@code key}. */
    public String getStore() {
        return store == null ? STORE_CONNECTION_STRING : store;
    }

    @DataBoundSetter
    public void setStore(String store) {
        String value = Util.fixEmptyAndTrim(store);
        // accept any casing for the documented value, keep the canonical spelling
        this.store = STORE_CONNECTION_STRING.equalsIgnoreCase(value) ? STORE_CONNECTION_STRING : normalizeChoice(value);
    }

    public boolean isDryRun() {
        return dryRun;
    }

    @DataBoundSetter
    public void setDryRun(boolean dryRun) {
        this.dryRun = dryRun;
    }

    public boolean isVerify() {
        return verify;
    }

    @DataBoundSetter
    public void setVerify(boolean verify) {
        this.verify = verify;
    }

    public int getTimeoutSeconds() {
        return timeoutSeconds;
    }

    @DataBoundSetter
    public void setTimeoutSeconds(int timeoutSeconds) {
        this.timeoutSeconds = timeoutSeconds;
    }

    /** Whether the renewal targets a device or module identity rather than a shared access policy. */
    public boolean isIdentity() {
        return device != null;
    }

    /** Human-readable name of what is renewed, e.g. {@code policy 'p' on hub 'h'}; safe for logs. */
    public String describeTarget() {
        if (policy != null) {
            return "policy '" + policy + "' on hub '" + hub + "'";
        }
        if (module != null) {
            return "module '" + module + "' of device '" + device + "' on hub '" + hub + "'";
        }
        return "device '" + device + "' on hub '" + hub + "'";
    }

    /** The key slots whose new values are stored: one for primary/secondary, both for swap/both. */
    public List<KeySlot> storedSlots() {
        KeyType type = KeyType.parse(key);
        return switch (type) {
            case PRIMARY -> List.of(KeySlot.PRIMARY);
            case SECONDARY -> List.of(KeySlot.SECONDARY);
            case SWAP, BOTH -> List.of(KeySlot.PRIMARY, KeySlot.SECONDARY);
        };
    }

    /** The credential id that receives the given slot: the configured one, else the documented default. */
    public String credentialIdFor(KeySlot slot) {
        String configured = slot == KeySlot.PRIMARY ? primaryCredentialsId : secondaryCredentialsId;
        return configured != null ? configured : CredentialIds.defaultId(hub, policy, device, module, slot);
    }

    /**
     * Every problem with this configuration, checked without any network access.
     *
     * @return an empty list when the configuration may be sent to Azure
     */
    @NonNull
    public List<String> validate() {
        List<String> problems = new ArrayList<>();
        addIfPresent(problems, Checks.hub(hub));
        addIfPresent(problems, Checks.key(key, device));
        addIfPresent(problems, Checks.policyOrDevice(policy, device));
        addIfPresent(problems, Checks.policy(policy));
        addIfPresent(problems, Checks.identity("device", device));
        addIfPresent(problems, Checks.module(module, device));
        addIfPresent(problems, Checks.resourceGroup(resourceGroup));
        addIfPresent(problems, Checks.subscriptionId(subscriptionId));
        addIfPresent(problems, Checks.azureCredentialsId(azureCredentialsId));
        addIfPresent(problems, Checks.dataPlaneAuth(getDataPlaneAuth()));
        addIfPresent(problems, Checks.store(getStore()));
        addIfPresent(problems, Checks.credentialId("primaryCredentialsId", primaryCredentialsId));
        addIfPresent(problems, Checks.credentialId("secondaryCredentialsId", secondaryCredentialsId));
        addIfPresent(problems, Checks.timeout(timeoutSeconds));
        if (problems.isEmpty()) {
            // The engine's own request checks are authoritative; they must agree with the rules above.
            try {
                if (isIdentity()) {
                    KeyRenewalService.identityRequest(this);
                } else {
                    KeyRenewalService.policyRequest(this);
                }
            } catch (IotHubKeyException e) {
                problems.add(e.getMessage());
            }
        }
        if (problems.isEmpty() && storedSlots().size() == 2
                && credentialIdFor(KeySlot.PRIMARY).equals(credentialIdFor(KeySlot.SECONDARY))) {
            problems.add("primaryCredentialsId and secondaryCredentialsId must differ: key '" + key
                    + "' stores both keys");
        }
        return problems;
    }

    private static void addIfPresent(List<String> problems, @CheckForNull String problem) {
        if (problem != null) {
            problems.add(problem);
        }
    }

    @CheckForNull
    private static String normalizeChoice(String value) {
        String v = Util.fixEmptyAndTrim(value);
        return v == null ? null : v.toLowerCase(Locale.ROOT);
    }

    // Stapler and the snippet generator compare beans field by field; equality keeps round trips testable.
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RenewKeyConfig other)) {
            return false;
        }
        return Objects.equals(hub, other.hub) && Objects.equals(key, other.key)
                && Objects.equals(policy, other.policy) && Objects.equals(device, other.device)
                && Objects.equals(module, other.module)
                && Objects.equals(resourceGroup, other.resourceGroup)
                && Objects.equals(subscriptionId, other.subscriptionId)
                && Objects.equals(azureCredentialsId, other.azureCredentialsId)
                && getDataPlaneAuth().equals(other.getDataPlaneAuth())
                && Objects.equals(primaryCredentialsId, other.primaryCredentialsId)
                && Objects.equals(secondaryCredentialsId, other.secondaryCredentialsId)
                && getStore().equals(other.getStore()) && dryRun == other.dryRun && verify == other.verify
                && timeoutSeconds == other.timeoutSeconds;
    }

    @Override
    public int hashCode() {
        return Objects.hash(hub, key, policy, device, module);
    }

    @Override
    public String toString() {
        return "RenewKeyConfig[" + (hub == null ? "?" : describeTarget()) + ", key=" + key + "]";
    }

    /** One rule per field; used by {@link #validate()} and by the form checks, so both always agree. */
    static final class Checks {
        private Checks() {}

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

    @Extension
    public static final class DescriptorImpl extends Descriptor<RenewKeyConfig> {

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.RenewKeyConfig_displayName();
        }

        public int getDefaultTimeoutSeconds() {
            return DEFAULT_TIMEOUT_SECONDS;
        }

        @POST
        public ListBoxModel doFillKeyItems(@AncestorInPath Item item) {
            ListBoxModel items = new ListBoxModel();
            items.add(Messages.key_primary(), "primary");
            items.add(Messages.key_secondary(), "secondary");
            items.add(Messages.key_swap(), "swap");
            items.add(Messages.key_both(), "both");
            return items;
        }

        @POST
        public ListBoxModel doFillDataPlaneAuthItems(@AncestorInPath Item item) {
            ListBoxModel items = new ListBoxModel();
            items.add(Messages.dataPlaneAuth_key(), DATA_PLANE_KEY);
            items.add(Messages.dataPlaneAuth_login(), DATA_PLANE_LOGIN);
            return items;
        }

        @POST
        public ListBoxModel doFillStoreItems(@AncestorInPath Item item) {
            ListBoxModel items = new ListBoxModel();
            items.add(Messages.store_connectionString(), STORE_CONNECTION_STRING);
            items.add(Messages.store_key(), STORE_KEY);
            return items;
        }

        @POST
        public ListBoxModel doFillAzureCredentialsIdItems(
                @AncestorInPath Item item, @QueryParameter String azureCredentialsId) {
            return AzureCredentialsAccess.listCredentials(item, azureCredentialsId, mayConfigure(item));
        }

        @POST
        public FormValidation doCheckHub(@AncestorInPath Item item, @QueryParameter String value) {
            return check(item, Checks.hub(Util.fixEmptyAndTrim(value)));
        }

        @POST
        public FormValidation doCheckKey(
                @AncestorInPath Item item, @QueryParameter String value, @QueryParameter String device) {
            return check(item, Checks.key(normalizeChoice(value), Util.fixEmptyAndTrim(device)));
        }

        @POST
        public FormValidation doCheckPolicy(
                @AncestorInPath Item item, @QueryParameter String value, @QueryParameter String device) {
            String policy = Util.fixEmptyAndTrim(value);
            String problem = Checks.policyOrDevice(policy, Util.fixEmptyAndTrim(device));
            return check(item, problem != null ? problem : Checks.policy(policy));
        }

        @POST
        public FormValidation doCheckDevice(
                @AncestorInPath Item item, @QueryParameter String value, @QueryParameter String policy) {
            String device = Util.fixEmptyAndTrim(value);
            String problem = Checks.policyOrDevice(Util.fixEmptyAndTrim(policy), device);
            return check(item, problem != null ? problem : Checks.identity("device", device));
        }

        @POST
        public FormValidation doCheckModule(
                @AncestorInPath Item item, @QueryParameter String value, @QueryParameter String device) {
            return check(item, Checks.module(Util.fixEmptyAndTrim(value), Util.fixEmptyAndTrim(device)));
        }

        @POST
        public FormValidation doCheckResourceGroup(@AncestorInPath Item item, @QueryParameter String value) {
            return check(item, Checks.resourceGroup(Util.fixEmptyAndTrim(value)));
        }

        @POST
        public FormValidation doCheckSubscriptionId(@AncestorInPath Item item, @QueryParameter String value) {
            return check(item, Checks.subscriptionId(Util.fixEmptyAndTrim(value)));
        }

        @POST
        public FormValidation doCheckAzureCredentialsId(@AncestorInPath Item item, @QueryParameter String value) {
            return check(item, Checks.azureCredentialsId(Util.fixEmptyAndTrim(value)));
        }

        @POST
        public FormValidation doCheckPrimaryCredentialsId(@AncestorInPath Item item, @QueryParameter String value) {
            return check(item, Checks.credentialId("primaryCredentialsId", Util.fixEmptyAndTrim(value)));
        }

        @POST
        public FormValidation doCheckSecondaryCredentialsId(
                @AncestorInPath Item item, @QueryParameter String value) {
            return check(item, Checks.credentialId("secondaryCredentialsId", Util.fixEmptyAndTrim(value)));
        }

        @POST
        public FormValidation doCheckTimeoutSeconds(@AncestorInPath Item item, @QueryParameter String value) {
            int seconds;
            try {
                seconds = Integer.parseInt(Util.fixNull(value).trim());
            } catch (NumberFormatException e) {
                return check(item, "timeoutSeconds must be a whole number of seconds");
            }
            return check(item, Checks.timeout(seconds));
        }

        /** Looks the hub up with the chosen Azure credential; read-only, changes nothing. */
        @POST
        public FormValidation doTestConnection(
                @AncestorInPath Item item,
                @QueryParameter String hub,
                @QueryParameter String resourceGroup,
                @QueryParameter String subscriptionId,
                @QueryParameter String azureCredentialsId) {
            // Throws (HTTP 403) rather than answering: this button makes Jenkins contact Azure with a stored secret.
            if (item == null) {
                Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            } else {
                item.checkPermission(Item.CONFIGURE);
            }
            String hubName = Util.fixEmptyAndTrim(hub);
            String rg = Util.fixEmptyAndTrim(resourceGroup);
            String sub = Util.fixEmptyAndTrim(subscriptionId);
            String credentialsId = Util.fixEmptyAndTrim(azureCredentialsId);
            for (String problem : new String[] {
                Checks.hub(hubName), Checks.resourceGroup(rg), Checks.subscriptionId(sub),
                Checks.azureCredentialsId(credentialsId)
            }) {
                if (problem != null) {
                    return FormValidation.error(problem);
                }
            }
            return AzureCredentialsAccess.testConnection(item, hubName, rg, sub, credentialsId);
        }

        /** Form checks only reveal anything to users who may configure the job (or administer Jenkins). */
        static boolean mayConfigure(@CheckForNull Item item) {
            return item == null ? Jenkins.get().hasPermission(Jenkins.ADMINISTER) : item.hasPermission(Item.CONFIGURE);
        }

        private static FormValidation check(@CheckForNull Item item, @CheckForNull String problem) {
            if (problem == null || !mayConfigure(item)) {
                return FormValidation.ok();
            }
            return FormValidation.error(problem);
        }
    }
}
