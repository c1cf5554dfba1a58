package io.jenkins.plugins.azure.iothub;

import static io.jenkins.plugins.azure.iothub.Wording.FORM;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.azure.iothub.engine.KeySlot;
import java.io.Serial;
import java.util.ArrayList;
import java.util.List;
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
public final class RotateKeyConfig extends TargetConfig<RotateKeyConfig> {

    @Serial
    private static final long serialVersionUID = 1L;

    private String credentialsId;
    private String inUse;

    @DataBoundConstructor
    public RotateKeyConfig(String hub) {
        super(hub);
    }

    /** A rotation chooses its keys itself: the form's targets show no key list. */
    @Override
    String chosenKey() {
        return null;
    }

    @Override
    void chooseKey(String key) {}

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
        this.inUse = lowerCase(inUse);
    }

    /** The configured id, or the documented default. */
    public String stableCredentialId() {
        return credentialsId != null ? credentialsId
                : CredentialIds.rotationId(getHub(), getPolicy(), getDevice(), getModule());
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
        copyTargetTo(renewal);
        return renewal;
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

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RotateKeyConfig other)) {
            return false;
        }
        return sameTarget(other) && Objects.equals(credentialsId, other.credentialsId)
                && Objects.equals(inUse, other.inUse);
    }

    @Override
    public int hashCode() {
        return Objects.hash(getHub(), getPolicy(), getDevice(), getModule(), credentialsId);
    }

    @Override
    public String toString() {
        return "RotateKeyConfig[" + (getHub() == null ? "?" : describeTarget()) + "]";
    }

    @Extension
    public static final class DescriptorImpl extends TargetDescriptor<RotateKeyConfig> {

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.RotateKeyConfig_displayName();
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
        public FormValidation doCheckCredentialsId(@AncestorInPath Item item, @QueryParameter String value) {
            return check(item, ConfigChecks.credentialId(FORM, "credentialsId", Util.fixEmptyAndTrim(value)));
        }
    }
}
