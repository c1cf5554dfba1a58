package io.jenkins.plugins.azure.iothub;

import static io.jenkins.plugins.azure.iothub.Wording.FORM;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Util;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.io.Serial;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The options of a renewal or rotation of one target ({@link RenewKeyConfig}, {@link RotateKeyConfig}): a shared
 * access policy, or a device or module identity with how to reach the registry, and whether to verify the new key.
 * The Pipeline steps take them as flat arguments; the freestyle forms as one choice ({@link TargetChoice}).
 */
public abstract class TargetConfig<T extends TargetConfig<T>> extends HubRenewalConfig<T> {

    @Serial
    private static final long serialVersionUID = 1L;

    private String policy;
    private String device;
    private String module;
    private String dataPlaneAuth;
    // An object, not a primitive: a configuration saved before this option existed loads it as null (XStream runs
    // no constructor or field initialiser), and readResolve gives it its documented default (as the base class
    // does for timeoutSeconds).
    private Boolean verify = Boolean.TRUE;

    protected TargetConfig(String hub) {
        super(hub);
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

    /**
     * The freestyle form's one choice of target ({@code f:hetero-radio}): sets policy, or device, module and registry
     * access, and a renewal's key. Not saved: the fields it sets are.
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
        return TargetChoice.of(policy, device, module, dataPlaneAuth, chosenKey());
    }

    /** The key the form's target choice shows; null where the step chooses its keys itself. */
    @CheckForNull
    abstract String chosenKey();

    /** Takes the key chosen with the form's target; ignored where the step chooses its keys itself. */
    abstract void chooseKey(@CheckForNull String key);

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
        return dataPlaneAuth == null ? RenewKeyConfig.DATA_PLANE_KEY : dataPlaneAuth;
    }

    @DataBoundSetter
    public void setDataPlaneAuth(String dataPlaneAuth) {
        this.dataPlaneAuth = lowerCase(dataPlaneAuth);
    }

    public boolean isVerify() {
        return verify == null || verify;
    }

    @DataBoundSetter
    public void setVerify(boolean verify) {
        this.verify = verify;
    }

    /** Whether the target is a device or module identity rather than a shared access policy. */
    public boolean isIdentity() {
        return device != null;
    }

    /** Human-readable name of the target, e.g. {@code policy 'p' on hub 'h'}; safe for logs. */
    public String describeTarget() {
        if (policy != null) {
            return "policy '" + policy + "' on hub '" + getHub() + "'";
        }
        if (module != null) {
            return "module '" + module + "' of device '" + device + "' on hub '" + getHub() + "'";
        }
        return "device '" + device + "' on hub '" + getHub() + "'";
    }

    /** Copies the target and its options into a renewal of it. */
    void copyTargetTo(RenewKeyConfig renewal) {
        renewal.setPolicy(policy);
        renewal.setDevice(device);
        renewal.setModule(module);
        renewal.setDataPlaneAuth(dataPlaneAuth);
        renewal.setVerify(isVerify());
    }

    /** Whether the shared options and the target are equal; part of each subclass's field-by-field equality. */
    boolean sameTarget(TargetConfig<?> other) {
        return sameSharedOptions(other) && Objects.equals(policy, other.policy)
                && Objects.equals(device, other.device) && Objects.equals(module, other.module)
                && getDataPlaneAuth().equals(other.getDataPlaneAuth()) && isVerify() == other.isVerify();
    }

    @CheckForNull
    static String lowerCase(String value) {
        String v = Util.fixEmptyAndTrim(value);
        return v == null ? null : v.toLowerCase(Locale.ROOT);
    }

    /** Form support for the target: the freestyle form's choice, and the flat fields of the Snippet Generator. */
    public abstract static class TargetDescriptor<T extends TargetConfig<T>> extends HubRenewalDescriptor<T> {

        /** The choices of the freestyle form's target, in the order shown. */
        public List<Descriptor<TargetChoice>> getTargetDescriptors() {
            return TargetChoice.descriptors();
        }

        @POST
        public ListBoxModel doFillDataPlaneAuthItems(@AncestorInPath Item item) {
            return dataPlaneAuthItems();
        }

        static ListBoxModel dataPlaneAuthItems() {
            ListBoxModel items = new ListBoxModel();
            items.add(Messages.dataPlaneAuth_key(), RenewKeyConfig.DATA_PLANE_KEY);
            items.add(Messages.dataPlaneAuth_login(), RenewKeyConfig.DATA_PLANE_LOGIN);
            return items;
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
    }
}
