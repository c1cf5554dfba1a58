package io.jenkins.plugins.azure.iothub;

import static io.jenkins.plugins.azure.iothub.Wording.FORM;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
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
public final class RenewKeyConfig extends TargetConfig<RenewKeyConfig> {

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
    private String primaryCredentialsId;
    private String secondaryCredentialsId;

    @DataBoundConstructor
    public RenewKeyConfig(String hub, String key) {
        super(hub);
        this.key = lowerCase(key);
    }

    public String getKey() {
        return key;
    }

    @Override
    String chosenKey() {
        return key;
    }

    /** The freestyle form's choice sets the key with its target ({@link TargetChoice}). */
    @Override
    void chooseKey(String key) {
        this.key = lowerCase(key);
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

    @CheckForNull
    String target() {
        return ConfigChecks.target(getPolicy(), getDevice());
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
        return configured != null ? configured : CredentialIds.defaultId(getHub(), getPolicy(), getDevice(), getModule(), slot);
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
        add(problems, ConfigChecks.policyOrDevice(w, getPolicy(), getDevice()));
        add(problems, ConfigChecks.policy(w, getPolicy()));
        add(problems, ConfigChecks.identity(w, "device", getDevice()));
        add(problems, ConfigChecks.module(w, getModule(), getDevice()));
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

    // Stapler and the snippet generator compare beans field by field; equality keeps round trips testable.
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RenewKeyConfig other)) {
            return false;
        }
        return sameTarget(other) && Objects.equals(key, other.key)
                && Objects.equals(primaryCredentialsId, other.primaryCredentialsId)
                && Objects.equals(secondaryCredentialsId, other.secondaryCredentialsId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(getHub(), key, getPolicy(), getDevice(), getModule());
    }

    @Override
    public String toString() {
        return "RenewKeyConfig[" + (getHub() == null ? "?" : describeTarget()) + ", key=" + key + "]";
    }

    @Extension
    public static final class DescriptorImpl extends TargetDescriptor<RenewKeyConfig> {

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

        /**
         * Quiet until a policy or device is entered (a new step shows no error); then fails until a key is chosen,
         * listing the choices of that target. Jenkins re-runs it when policy or device change (checkDependsOn).
         */
        @POST
        public FormValidation doCheckKey(
                @AncestorInPath Item item, @QueryParameter String value, @QueryParameter String policy,
                @QueryParameter String device) {
            String target = ConfigChecks.target(Util.fixEmptyAndTrim(policy), Util.fixEmptyAndTrim(device));
            String key = lowerCase(value);
            return check(item, key == null && target == null ? null : ConfigChecks.key(FORM, key, target));
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
