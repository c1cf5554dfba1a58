package io.jenkins.plugins.azure.iothub;

import static io.jenkins.plugins.azure.iothub.Wording.FORM;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.azure.iothub.engine.IotHubKeyException;
import io.jenkins.plugins.azure.iothub.engine.KeySlot;
import io.jenkins.plugins.azure.iothub.engine.KeyType;
import io.jenkins.plugins.azure.iothub.jenkins.AzureCredentialsAccess;
import java.io.Serial;
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
public final class RenewKeyConfig extends HubRenewalConfig<RenewKeyConfig> {

    @Serial
    private static final long serialVersionUID = 1L;

    public static final String DATA_PLANE_KEY = "key";
    public static final String DATA_PLANE_LOGIN = "login";
    public static final String STORE_CONNECTION_STRING = "connectionString";
    public static final String STORE_KEY = "key";
    public static final int DEFAULT_TIMEOUT_SECONDS = 300;
    static final int MIN_TIMEOUT_SECONDS = 10;
    static final int MAX_TIMEOUT_SECONDS = 3600;

    private String key;
    private String policy;
    private String device;
    private String module;
    private String dataPlaneAuth;
    private String primaryCredentialsId;
    private String secondaryCredentialsId;
    // An object, not a primitive: a configuration saved before this option existed loads it as null (XStream runs
    // no constructor or field initialiser), and readResolve gives it its documented default (as the base class
    // does for timeoutSeconds).
    private Boolean verify = Boolean.TRUE;

    @DataBoundConstructor
    public RenewKeyConfig(String hub, String key) {
        super(hub);
        this.key = normalizeChoice(key);
    }

    /** Loading a job saved by an older version: options it did not save get their documented defaults. */
    @Serial
    @Override
    protected Object readResolve() {
        if (verify == null) {
            verify = Boolean.TRUE;
        }
        return super.readResolve();
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

    public boolean isVerify() {
        return verify == null || verify;
    }

    @DataBoundSetter
    public void setVerify(boolean verify) {
        this.verify = verify;
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
            return "policy '" + policy + "' on hub '" + getHub() + "'";
        }
        if (module != null) {
            return "module '" + module + "' of device '" + device + "' on hub '" + getHub() + "'";
        }
        return "device '" + device + "' on hub '" + getHub() + "'";
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
        return configured != null ? configured : CredentialIds.defaultId(getHub(), policy, device, module, slot);
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
        add(problems, ConfigChecks.hub(w, getHub()));
        add(problems, ConfigChecks.key(w, key, target()));
        add(problems, ConfigChecks.policyOrDevice(w, policy, device));
        add(problems, ConfigChecks.policy(w, policy));
        add(problems, ConfigChecks.identity(w, "device", device));
        add(problems, ConfigChecks.module(w, module, device));
        add(problems, ConfigChecks.resourceGroup(w, getResourceGroup()));
        add(problems, ConfigChecks.subscriptionId(w, getSubscriptionId()));
        add(problems, ConfigChecks.dataPlaneAuth(w, getDataPlaneAuth()));
        add(problems, ConfigChecks.store(w, getStore()));
        add(problems, ConfigChecks.credentialId(w, "primaryCredentialsId", primaryCredentialsId));
        add(problems, ConfigChecks.credentialId(w, "secondaryCredentialsId", secondaryCredentialsId));
        add(problems, ConfigChecks.timeout(w, getTimeoutSeconds()));
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
        return sameSharedOptions(other) && Objects.equals(key, other.key)
                && Objects.equals(policy, other.policy) && Objects.equals(device, other.device)
                && Objects.equals(module, other.module)
                && getDataPlaneAuth().equals(other.getDataPlaneAuth())
                && Objects.equals(primaryCredentialsId, other.primaryCredentialsId)
                && Objects.equals(secondaryCredentialsId, other.secondaryCredentialsId)
                && isVerify() == other.isVerify();
    }

    @Override
    public int hashCode() {
        return Objects.hash(getHub(), key, policy, device, module);
    }

    @Override
    public String toString() {
        return "RenewKeyConfig[" + (getHub() == null ? "?" : describeTarget()) + ", key=" + key + "]";
    }

    @Extension
    public static final class DescriptorImpl extends HubRenewalDescriptor<RenewKeyConfig> {

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.RenewKeyConfig_displayName();
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
        }    }
}
