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
import io.jenkins.plugins.azure.iothub.engine.KeySlot;
import java.io.Serial;
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
public final class RotateKeyConfig extends HubRenewalConfig<RotateKeyConfig> {

    @Serial
    private static final long serialVersionUID = 1L;

    private String policy;
    private String device;
    private String module;
    private String dataPlaneAuth;
    private String credentialsId;
    private String inUse;
    private Boolean verify = Boolean.TRUE;

    @DataBoundConstructor
    public RotateKeyConfig(String hub) {
        super(hub);
    }

    @Serial
    @Override
    protected Object readResolve() {
        if (verify == null) {
            verify = Boolean.TRUE;
        }
        return super.readResolve();
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

    public boolean isVerify() {
        return verify == null || verify;
    }

    @DataBoundSetter
    public void setVerify(boolean verify) {
        this.verify = verify;
    }

    /** The configured id, or the documented default. */
    public String stableCredentialId() {
        return credentialsId != null ? credentialsId : CredentialIds.rotationId(getHub(), policy, device, module);
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
        RenewKeyConfig renewal = single(slot.name());
        renewal.setPolicy(policy);
        renewal.setDevice(device);
        renewal.setModule(module);
        renewal.setDataPlaneAuth(dataPlaneAuth);
        renewal.setVerify(isVerify());
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
        add(problems, ConfigChecks.credentialId(w, "credentialsId", credentialsId));
        if (inUse != null && inUseSlot() == null) {
            problems.add(w.subject("inUse", inUse) + " is not one of primary, secondary");
        }
        return problems;
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
        return sameSharedOptions(other) && Objects.equals(policy, other.policy)
                && Objects.equals(device, other.device) && Objects.equals(module, other.module)
                && getDataPlaneAuth().equals(other.getDataPlaneAuth())
                && Objects.equals(credentialsId, other.credentialsId)
                && Objects.equals(inUse, other.inUse) && isVerify() == other.isVerify();
    }

    @Override
    public int hashCode() {
        return Objects.hash(getHub(), policy, device, module, credentialsId);
    }

    @Override
    public String toString() {
        return "RotateKeyConfig[" + (getHub() == null ? "?" : describeTarget()) + "]";
    }

    @Extension
    public static final class DescriptorImpl extends HubRenewalDescriptor<RotateKeyConfig> {

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.RotateKeyConfig_displayName();
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
            return RenewKeyConfig.DescriptorImpl.dataPlaneAuthItems();
        }

        @POST
        public FormValidation doCheckCredentialsId(@AncestorInPath Item item, @QueryParameter String value) {
            return check(item, ConfigChecks.credentialId(FORM, "credentialsId", Util.fixEmptyAndTrim(value)));
        }
    }
}
