package io.jenkins.plugins.azure.iothub;

import static io.jenkins.plugins.azure.iothub.Wording.FORM;

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

    private final String hub;
    private String key;
    private String policy;
    private String device;
    private String module;
    private String resourceGroup;
    private String subscriptionId;
    private String azureCredentialsId;
    private String dataPlaneAuth;
    private String primaryCredentialsId;
    private String secondaryCredentialsId;
    private String credentialsFolder;
    private String store;
    private boolean dryRun;
    // Objects, not primitives: a configuration saved before these options existed loads them as null (XStream runs
    // no constructor or field initialiser), and readResolve gives them their documented defaults.
    private Boolean verify = Boolean.TRUE;
    private Integer timeoutSeconds = DEFAULT_TIMEOUT_SECONDS;

    @DataBoundConstructor
    public RenewKeyConfig(String hub, String key) {
        this.hub = Util.fixEmptyAndTrim(hub);
        this.key = normalizeChoice(key);
    }

    /** Loading a job saved by an older version: options it did not save get their documented defaults. */
    @Serial
    Object readResolve() {
        if (verify == null) {
            verify = Boolean.TRUE;
        }
        if (timeoutSeconds == null) {
            timeoutSeconds = DEFAULT_TIMEOUT_SECONDS;
        }
        return this;
    }

    public String getHub() {
        return hub;
    }

    public String getKey() {
        return key;
    }

    /** The freestyle form's choice sets the key with its target ({@link TargetChoice}). */
    void setKey(String key) {
        this.key = normalizeChoice(key);
    }

    /**
     * The freestyle form's one choice of target ({@code f:hetero-radio}): sets policy, or device, module and
     * registry access, and the key. Not saved: the fields it sets are.
     */
    @DataBoundSetter
    public void setTarget(@CheckForNull TargetChoice target) {
        if (target != null) {
            target.applyTo(this);
        }
    }

    /** The target as the form shows it; null while none is chosen (or both, which only a Pipeline can set). */
    @CheckForNull
    public TargetChoice getTarget() {
        return TargetChoice.of(policy, device, module, dataPlaneAuth, key);
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

    /** Null: the job's own folder (the system credentials for a top-level job); a folder's full name; or {@code /}. */
    public String getCredentialsFolder() {
        return credentialsFolder;
    }

    @DataBoundSetter
    public void setCredentialsFolder(String credentialsFolder) {
        this.credentialsFolder = Util.fixEmptyAndTrim(credentialsFolder);
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
        return verify == null || verify;
    }

    @DataBoundSetter
    public void setVerify(boolean verify) {
        this.verify = verify;
    }

    public int getTimeoutSeconds() {
        return timeoutSeconds == null ? DEFAULT_TIMEOUT_SECONDS : timeoutSeconds;
    }

    @DataBoundSetter
    public void setTimeoutSeconds(int timeoutSeconds) {
        this.timeoutSeconds = timeoutSeconds;
    }

    /** Whether the renewal targets a device or module identity rather than a shared access policy. */
    public boolean isIdentity() {
        return device != null;
    }

    @CheckForNull
    String target() {
        return ConfigChecks.target(policy, device);
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
     * Every problem with this configuration, in Pipeline words, checked without any network access.
     *
     * @return an empty list when the configuration may be sent to Azure
     */
    @NonNull
    public List<String> validate() {
        return validate(Wording.PIPELINE);
    }

    /** Every problem with this configuration, in the words of its reader: Pipeline arguments or form labels. */
    @NonNull
    List<String> validate(Wording w) {
        List<String> problems = new ArrayList<>();
        addIfPresent(problems, ConfigChecks.hub(w, hub));
        addIfPresent(problems, ConfigChecks.key(w, key, target()));
        addIfPresent(problems, ConfigChecks.policyOrDevice(w, policy, device));
        addIfPresent(problems, ConfigChecks.policy(w, policy));
        addIfPresent(problems, ConfigChecks.identity(w, "device", device));
        addIfPresent(problems, ConfigChecks.module(w, module, device));
        addIfPresent(problems, ConfigChecks.resourceGroup(w, resourceGroup));
        addIfPresent(problems, ConfigChecks.subscriptionId(w, subscriptionId));
        addIfPresent(problems, ConfigChecks.dataPlaneAuth(w, getDataPlaneAuth()));
        addIfPresent(problems, ConfigChecks.store(w, getStore()));
        addIfPresent(problems, ConfigChecks.credentialId(w, "primaryCredentialsId", primaryCredentialsId));
        addIfPresent(problems, ConfigChecks.credentialId(w, "secondaryCredentialsId", secondaryCredentialsId));
        addIfPresent(problems, ConfigChecks.timeout(w, getTimeoutSeconds()));
        if (problems.isEmpty()) {
            // The engine's own request checks are authoritative; they must agree with the rules above.
            try {
                RenewalTarget.of(this).checkRequest();
            } catch (IotHubKeyException e) {
                problems.add(e.getMessage());
            }
        }
        if (problems.isEmpty() && storedSlots().size() == 2
                && credentialIdFor(KeySlot.PRIMARY).equals(credentialIdFor(KeySlot.SECONDARY))) {
            problems.add(w.option("primaryCredentialsId") + " and " + w.option("secondaryCredentialsId")
                    + " must differ: " + w.subject("key", key) + " stores both keys");
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
                && Objects.equals(credentialsFolder, other.credentialsFolder)
                && getStore().equals(other.getStore()) && dryRun == other.dryRun && isVerify() == other.isVerify()
                && getTimeoutSeconds() == other.getTimeoutSeconds();
    }

    @Override
    public int hashCode() {
        return Objects.hash(hub, key, policy, device, module);
    }

    @Override
    public String toString() {
        return "RenewKeyConfig[" + (hub == null ? "?" : describeTarget()) + ", key=" + key + "]";
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

        /** Starts on "choose": preselecting a key invites renewing the one clients use. */
        @POST
        public ListBoxModel doFillKeyItems(@AncestorInPath Item item) {
            return TargetChoice.keyItems(true);
        }

        /** The choices of the freestyle form's "what to renew", in the order shown. */
        public List<Descriptor<TargetChoice>> getTargetDescriptors() {
            return TargetChoice.descriptors();
        }

        @POST
        public ListBoxModel doFillDataPlaneAuthItems(@AncestorInPath Item item) {
            return dataPlaneAuthItems();
        }

        static ListBoxModel dataPlaneAuthItems() {
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
            return check(item, ConfigChecks.hub(FORM, Util.fixEmptyAndTrim(value)));
        }

        /**
         * Quiet until a policy or device is entered (a new step shows no error); then fails until a key is chosen,
         * listing the choices of that target. Jenkins re-runs it when policy or device change (checkDependsOn).
         */
        @POST
        public FormValidation doCheckKey(
                @AncestorInPath Item item, @QueryParameter String value, @QueryParameter String policy,
                @QueryParameter String device) {
            String target = ConfigChecks.target(Util.fixEmptyAndTrim(policy), Util.fixEmptyAndTrim(device));
            String key = normalizeChoice(value);
            return check(item, key == null && target == null ? null : ConfigChecks.key(FORM, key, target));
        }

        /** Quiet while neither policy nor device is entered: a new step shows no error before a target is chosen. */
        @POST
        public FormValidation doCheckPolicy(
                @AncestorInPath Item item, @QueryParameter String value, @QueryParameter String device) {
            String policy = Util.fixEmptyAndTrim(value);
            String problem = ConfigChecks.policyOrDevice(FORM, policy, Util.fixEmptyAndTrim(device));
            return check(item, problem != null && policy != null ? problem : ConfigChecks.policy(FORM, policy));
        }

        @POST
        public FormValidation doCheckDevice(
                @AncestorInPath Item item, @QueryParameter String value, @QueryParameter String policy) {
            String device = Util.fixEmptyAndTrim(value);
            String problem = ConfigChecks.policyOrDevice(FORM, Util.fixEmptyAndTrim(policy), device);
            return check(item, problem != null && device != null ? problem
                    : ConfigChecks.identity(FORM, "device", device));
        }

        @POST
        public FormValidation doCheckModule(
                @AncestorInPath Item item, @QueryParameter String value, @QueryParameter String device) {
            return check(item,
                    ConfigChecks.module(FORM, Util.fixEmptyAndTrim(value), Util.fixEmptyAndTrim(device)));
        }

        @POST
        public FormValidation doCheckResourceGroup(@AncestorInPath Item item, @QueryParameter String value) {
            return check(item, ConfigChecks.resourceGroup(FORM, Util.fixEmptyAndTrim(value)));
        }

        @POST
        public FormValidation doCheckSubscriptionId(@AncestorInPath Item item, @QueryParameter String value) {
            return check(item, ConfigChecks.subscriptionId(FORM, Util.fixEmptyAndTrim(value)));
        }

        /** Empty is fine where a folder or the global configuration names a default; the form says which. */
        @POST
        public FormValidation doCheckAzureCredentialsId(@AncestorInPath Item item, @QueryParameter String value) {
            if (Util.fixEmptyAndTrim(value) != null || !mayConfigure(item)) {
                return FormValidation.ok();
            }
            DefaultAzureCredential fallback = DefaultAzureCredential.nearest(item);
            return fallback == null ? FormValidation.error(ConfigChecks.azureCredentialsIdRequired(FORM))
                    : FormValidation.ok(fallback.describeUse());
        }

        @POST
        public FormValidation doCheckPrimaryCredentialsId(@AncestorInPath Item item, @QueryParameter String value) {
            return check(item,
                    ConfigChecks.credentialId(FORM, "primaryCredentialsId", Util.fixEmptyAndTrim(value)));
        }

        @POST
        public FormValidation doCheckSecondaryCredentialsId(
                @AncestorInPath Item item, @QueryParameter String value) {
            return check(item,
                    ConfigChecks.credentialId(FORM, "secondaryCredentialsId", Util.fixEmptyAndTrim(value)));
        }

        @POST
        public FormValidation doCheckTimeoutSeconds(@AncestorInPath Item item, @QueryParameter String value) {
            int seconds;
            try {
                seconds = Integer.parseInt(Util.fixNull(value).trim());
            } catch (NumberFormatException e) {
                return check(item, ConfigChecks.timeoutNotANumber(FORM));
            }
            return check(item, ConfigChecks.timeout(FORM, seconds));
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
            if (credentialsId == null) {
                DefaultAzureCredential fallback = DefaultAzureCredential.nearest(item);
                if (fallback == null) {
                    return FormValidation.error(ConfigChecks.azureCredentialsIdRequired(FORM));
                }
                credentialsId = fallback.id();
            }
            for (String problem : new String[] {
                ConfigChecks.hub(FORM, hubName), ConfigChecks.resourceGroup(FORM, rg),
                ConfigChecks.subscriptionId(FORM, sub)
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

        static FormValidation check(@CheckForNull Item item, @CheckForNull String problem) {
            if (problem == null || !mayConfigure(item)) {
                return FormValidation.ok();
            }
            return FormValidation.error(problem);
        }
    }
}
