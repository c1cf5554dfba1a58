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
import io.jenkins.plugins.azure.iothub.engine.KeySlot;
import io.jenkins.plugins.azure.iothub.jenkins.AzureCredentialsAccess;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The one configuration object of a zero-downtime rotation, shared by {@code iotHubRotateKey} and the freestyle
 * rotation step (which adds the phase to run). A rotation keeps one stable credential ({@code credentialsId}) on the key consumers should use; each
 * renewal it makes is a {@link RenewKeyConfig} for one slot ({@link #renewal}), so names, checks and Azure access are
 * the renewal's. Holds names and ids only; never a key.
 */
public final class RotateKeyConfig implements Describable<RotateKeyConfig>, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String hub;
    private String policy;
    private String device;
    private String module;
    private String resourceGroup;
    private String subscriptionId;
    private String azureCredentialsId;
    private String dataPlaneAuth;
    private String credentialsId;
    private String credentialsFolder;
    private String store;
    private String inUse;
    private boolean dryRun;
    private Boolean verify = Boolean.TRUE;
    private Integer timeoutSeconds = RenewKeyConfig.DEFAULT_TIMEOUT_SECONDS;

    @DataBoundConstructor
    public RotateKeyConfig(String hub) {
        this.hub = Util.fixEmptyAndTrim(hub);
    }

    @Serial
    Object readResolve() {
        if (verify == null) {
            verify = Boolean.TRUE;
        }
        if (timeoutSeconds == null) {
            timeoutSeconds = RenewKeyConfig.DEFAULT_TIMEOUT_SECONDS;
        }
        return this;
    }

    public String getHub() {
        return hub;
    }

    /**
     * The freestyle form's one choice of target ({@code f:hetero-radio}, {@link TargetChoice} without its key list):
     * sets policy, or device, module and registry access. Not saved: the fields it sets are.
     */
    @DataBoundSetter
    public void setTarget(@CheckForNull TargetChoice target) {
        if (target != null) {
            target.applyTo(this);
        }
    }

    /** The target as the form shows it; null while none is chosen. */
    @CheckForNull
    public TargetChoice getTarget() {
        return TargetChoice.of(policy, device, module, dataPlaneAuth, null);
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

    public String getDataPlaneAuth() {
        return dataPlaneAuth == null ? RenewKeyConfig.DATA_PLANE_KEY : dataPlaneAuth;
    }

    @DataBoundSetter
    public void setDataPlaneAuth(String dataPlaneAuth) {
        this.dataPlaneAuth = lower(dataPlaneAuth);
    }

    /** The stable credential consumers bind; null means {@code iothub.<hub>.policy.<policy>.current} (or device...). */
    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = Util.fixEmptyAndTrim(credentialsId);
    }

    public String getCredentialsFolder() {
        return credentialsFolder;
    }

    @DataBoundSetter
    public void setCredentialsFolder(String credentialsFolder) {
        this.credentialsFolder = Util.fixEmptyAndTrim(credentialsFolder);
    }

    public String getStore() {
        return store == null ? RenewKeyConfig.STORE_CONNECTION_STRING : store;
    }

    @DataBoundSetter
    public void setStore(String store) {
        String value = Util.fixEmptyAndTrim(store);
        this.store = RenewKeyConfig.STORE_CONNECTION_STRING.equalsIgnoreCase(value)
                ? RenewKeyConfig.STORE_CONNECTION_STRING : lower(value);
    }

    /**
     * The key consumers use before the first rotation ({@code primary} or {@code secondary}); read only while the
     * stable credential does not exist yet. Afterwards the credential itself says which key is in use.
     */
    public String getInUse() {
        return inUse;
    }

    @DataBoundSetter
    public void setInUse(String inUse) {
        this.inUse = lower(inUse);
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
        return timeoutSeconds == null ? RenewKeyConfig.DEFAULT_TIMEOUT_SECONDS : timeoutSeconds;
    }

    @DataBoundSetter
    public void setTimeoutSeconds(int timeoutSeconds) {
        this.timeoutSeconds = timeoutSeconds;
    }

    /** The configured id, or the documented default. */
    public String stableCredentialId() {
        return credentialsId != null ? credentialsId : CredentialIds.rotationId(hub, policy, device, module);
    }

    /** The slot {@link #getInUse()} names, or null. */
    @CheckForNull
    KeySlot inUseSlot() {
        return KeySlot.PRIMARY.name().equalsIgnoreCase(inUse) ? KeySlot.PRIMARY
                : KeySlot.SECONDARY.name().equalsIgnoreCase(inUse) ? KeySlot.SECONDARY : null;
    }

    /** The renewal of one slot that a rotation performs, storing into the stable credential. */
    RenewKeyConfig renewal(KeySlot slot) {
        RenewKeyConfig renewal = renewalWithoutCredential(slot);
        renewal.setPrimaryCredentialsId(stableCredentialId());
        renewal.setSecondaryCredentialsId(stableCredentialId());
        return renewal;
    }

    private RenewKeyConfig renewalWithoutCredential(KeySlot slot) {
        RenewKeyConfig renewal = new RenewKeyConfig(hub, slot.name());
        renewal.setPolicy(policy);
        renewal.setDevice(device);
        renewal.setModule(module);
        renewal.setResourceGroup(resourceGroup);
        renewal.setSubscriptionId(subscriptionId);
        renewal.setAzureCredentialsId(azureCredentialsId);
        renewal.setDataPlaneAuth(dataPlaneAuth);
        renewal.setCredentialsFolder(credentialsFolder);
        renewal.setStore(store);
        renewal.setVerify(isVerify());
        renewal.setTimeoutSeconds(getTimeoutSeconds());
        return renewal;
    }

    public boolean isIdentity() {
        return device != null;
    }

    /** e.g. {@code policy 'p' on hub 'h'}; safe for logs. */
    public String describeTarget() {
        return renewalWithoutCredential(KeySlot.PRIMARY).describeTarget();
    }

    @NonNull
    public List<String> validate() {
        return validate(Wording.PIPELINE);
    }

    /** Every problem, without network access; the renewal's own rules first, then the rotation's. */
    @NonNull
    List<String> validate(Wording w) {
        List<String> problems = new ArrayList<>(renewalWithoutCredential(KeySlot.PRIMARY).validate(w));
        addIfPresent(problems, ConfigChecks.credentialId(w, "credentialsId", credentialsId));
        if (inUse != null && inUseSlot() == null) {
            problems.add(w.subject("inUse", inUse) + " is not one of primary, secondary");
        }
        return problems;
    }

    private static void addIfPresent(List<String> problems, @CheckForNull String problem) {
        if (problem != null) {
            problems.add(problem);
        }
    }

    @CheckForNull
    private static String lower(String value) {
        String v = Util.fixEmptyAndTrim(value);
        return v == null ? null : v.toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RotateKeyConfig other)) {
            return false;
        }
        return Objects.equals(hub, other.hub) && Objects.equals(policy, other.policy)
                && Objects.equals(device, other.device) && Objects.equals(module, other.module)
                && Objects.equals(resourceGroup, other.resourceGroup)
                && Objects.equals(subscriptionId, other.subscriptionId)
                && Objects.equals(azureCredentialsId, other.azureCredentialsId)
                && getDataPlaneAuth().equals(other.getDataPlaneAuth())
                && Objects.equals(credentialsId, other.credentialsId)
                && Objects.equals(credentialsFolder, other.credentialsFolder)
                && getStore().equals(other.getStore()) && Objects.equals(inUse, other.inUse)
                && dryRun == other.dryRun && isVerify() == other.isVerify()
                && getTimeoutSeconds() == other.getTimeoutSeconds();
    }

    @Override
    public int hashCode() {
        return Objects.hash(hub, policy, device, module, credentialsId);
    }

    @Override
    public String toString() {
        return "RotateKeyConfig[" + (hub == null ? "?" : describeTarget()) + "]";
    }

    @Extension
    public static final class DescriptorImpl extends Descriptor<RotateKeyConfig> {

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.RotateKeyConfig_displayName();
        }

        public int getDefaultTimeoutSeconds() {
            return RenewKeyConfig.DEFAULT_TIMEOUT_SECONDS;
        }

        /** The choices of the freestyle form's "what to rotate", in the order shown. */
        public List<Descriptor<TargetChoice>> getTargetDescriptors() {
            return TargetChoice.descriptors();
        }

        @POST
        public ListBoxModel doFillInUseItems(@AncestorInPath Item item) {
            ListBoxModel items = new ListBoxModel();
            items.add(Messages.inUse_unset(), "");
            items.add(Messages.inUse_primary(), "primary");
            items.add(Messages.inUse_secondary(), "secondary");
            return items;
        }

        @POST
        public ListBoxModel doFillDataPlaneAuthItems(@AncestorInPath Item item) {
            ListBoxModel items = new ListBoxModel();
            items.add(Messages.dataPlaneAuth_key(), RenewKeyConfig.DATA_PLANE_KEY);
            items.add(Messages.dataPlaneAuth_login(), RenewKeyConfig.DATA_PLANE_LOGIN);
            return items;
        }

        @POST
        public ListBoxModel doFillStoreItems(@AncestorInPath Item item) {
            ListBoxModel items = new ListBoxModel();
            items.add(Messages.store_connectionString(), RenewKeyConfig.STORE_CONNECTION_STRING);
            items.add(Messages.store_key(), RenewKeyConfig.STORE_KEY);
            return items;
        }

        @POST
        public ListBoxModel doFillAzureCredentialsIdItems(
                @AncestorInPath Item item, @QueryParameter String azureCredentialsId) {
            return AzureCredentialsAccess.listCredentials(item, azureCredentialsId,
                    RenewKeyConfig.DescriptorImpl.mayConfigure(item));
        }

        @POST
        public FormValidation doCheckHub(@AncestorInPath Item item, @QueryParameter String value) {
            return check(item, ConfigChecks.hub(FORM, Util.fixEmptyAndTrim(value)));
        }

        @POST
        public FormValidation doCheckCredentialsId(@AncestorInPath Item item, @QueryParameter String value) {
            return check(item, ConfigChecks.credentialId(FORM, "credentialsId", Util.fixEmptyAndTrim(value)));
        }

        private static FormValidation check(@CheckForNull Item item, @CheckForNull String problem) {
            if (problem == null || !RenewKeyConfig.DescriptorImpl.mayConfigure(item)) {
                return FormValidation.ok();
            }
            return FormValidation.error(problem);
        }
    }
}
