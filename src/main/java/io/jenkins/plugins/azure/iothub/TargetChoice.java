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
import io.jenkins.plugins.azure.iothub.HubRenewalConfig.HubRenewalDescriptor;
import java.util.List;
import java.util.Locale;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * What the freestyle forms renew or rotate, as one choice ({@code f:hetero-radio} in {@code RenewKeyConfig/config.jelly}
 * and {@code RotateKeyConfig/config.jelly}): a shared access policy, or a device or module identity, each showing
 * only its own fields and, for a renewal, its own key list (a rotation sets {@code targetWithoutKey}: it chooses its
 * keys itself). Only the forms use it: {@code setTarget} copies it into the configuration's flat fields (the Pipeline
 * steps' arguments), so nothing of this class is saved.
 */
public abstract class TargetChoice implements Describable<TargetChoice> {

    private final String key;

    TargetChoice(String key) {
        String k = Util.fixEmptyAndTrim(key);
        this.key = k == null ? null : k.toLowerCase(Locale.ROOT);
    }

    public String getKey() {
        return key;
    }

    /** Sets the configuration's target fields to this choice, clearing those of the other kind. */
    abstract void applyTo(TargetConfig<?> config);

    /** A shared access policy of the hub: {@code policy:}. */
    public static final class Policy extends TargetChoice {

        private final String policy;

        @DataBoundConstructor
        public Policy(String policy, String key) {
            super(key);
            this.policy = Util.fixEmptyAndTrim(policy);
        }

        public String getPolicy() {
            return policy;
        }

        @Override
        void applyTo(TargetConfig<?> config) {
            config.setPolicy(policy);
            config.setDevice(null);
            config.setModule(null);
            config.chooseKey(getKey());
        }

        @Extension
        public static final class DescriptorImpl extends Descriptor<TargetChoice> {

            @NonNull
            @Override
            public String getDisplayName() {
                return Messages.target_policy();
            }

            /** No 'both' for a policy; starts on "choose" (preselecting invites renewing the key clients use). */
            @POST
            public ListBoxModel doFillKeyItems(@AncestorInPath Item item) {
                return keyItems(false);
            }

            /** Quiet until a policy is entered (a new step shows no error); then fails until a key is chosen. */
            @POST
            public FormValidation doCheckKey(
                    @AncestorInPath Item item, @QueryParameter String value, @QueryParameter String policy) {
                return checkKey(item, value, policy, ConfigChecks.TARGET_POLICY);
            }

            @POST
            public FormValidation doCheckPolicy(@AncestorInPath Item item, @QueryParameter String value) {
                return HubRenewalDescriptor.check(item, ConfigChecks.policy(FORM, Util.fixEmptyAndTrim(value)));
            }
        }
    }

    /** A device identity, or a module identity of it: {@code device:} [+ {@code module:}]. */
    public static final class Identity extends TargetChoice {

        private final String device;
        private String module;
        private String dataPlaneAuth;

        @DataBoundConstructor
        public Identity(String device, String key) {
            super(key);
            this.device = Util.fixEmptyAndTrim(device);
        }

        public String getDevice() {
            return device;
        }

        public String getModule() {
            return module;
        }

        @DataBoundSetter
        public void setModule(String module) {
            this.module = Util.fixEmptyAndTrim(module);
        }

        /** Null: the configuration's default ({@code key}). */
        public String getDataPlaneAuth() {
            return dataPlaneAuth;
        }

        @DataBoundSetter
        public void setDataPlaneAuth(String dataPlaneAuth) {
            this.dataPlaneAuth = Util.fixEmptyAndTrim(dataPlaneAuth);
        }

        @Override
        void applyTo(TargetConfig<?> config) {
            config.setPolicy(null);
            config.setDevice(device);
            config.setModule(module);
            config.setDataPlaneAuth(dataPlaneAuth);
            config.chooseKey(getKey());
        }

        @Extension
        public static final class DescriptorImpl extends Descriptor<TargetChoice> {

            @NonNull
            @Override
            public String getDisplayName() {
                return Messages.target_identity();
            }

            @POST
            public ListBoxModel doFillKeyItems(@AncestorInPath Item item) {
                return keyItems(true);
            }

            /** Quiet until a device is entered (a new step shows no error); then fails until a key is chosen. */
            @POST
            public FormValidation doCheckKey(
                    @AncestorInPath Item item, @QueryParameter String value, @QueryParameter String device) {
                return checkKey(item, value, device, ConfigChecks.TARGET_DEVICE);
            }

            @POST
            public FormValidation doCheckDevice(@AncestorInPath Item item, @QueryParameter String value) {
                return HubRenewalDescriptor.check(item,
                        ConfigChecks.identity(FORM, "device", Util.fixEmptyAndTrim(value)));
            }

            @POST
            public FormValidation doCheckModule(
                    @AncestorInPath Item item, @QueryParameter String value, @QueryParameter String device) {
                return HubRenewalDescriptor.check(item,
                        ConfigChecks.module(FORM, Util.fixEmptyAndTrim(value), Util.fixEmptyAndTrim(device)));
            }

            @POST
            public ListBoxModel doFillDataPlaneAuthItems(@AncestorInPath Item item) {
                return TargetConfig.TargetDescriptor.dataPlaneAuthItems();
            }
        }
    }

    /** Policy first, as the forms show them. */
    static List<Descriptor<TargetChoice>> descriptors() {
        Jenkins jenkins = Jenkins.get();
        return List.of(jenkins.getDescriptorByType(Policy.DescriptorImpl.class),
                jenkins.getDescriptorByType(Identity.DescriptorImpl.class));
    }

    /** The form's current choice from a configuration's flat fields; null unless exactly one kind is set. */
    @CheckForNull
    static TargetChoice of(@CheckForNull String policy, @CheckForNull String device, @CheckForNull String module,
            @CheckForNull String dataPlaneAuth, @CheckForNull String key) {
        if (policy != null && device == null) {
            return new Policy(policy, key);
        }
        if (device != null && policy == null) {
            Identity identity = new Identity(device, key);
            identity.setModule(module);
            identity.setDataPlaneAuth(dataPlaneAuth);
            return identity;
        }
        return null;
    }

    static ListBoxModel keyItems(boolean identity) {
        ListBoxModel items = new ListBoxModel();
        items.add(Messages.key_choose(), "");
        items.add(Messages.key_primary(), "primary");
        items.add(Messages.key_secondary(), "secondary");
        items.add(Messages.key_swap(), "swap");
        if (identity) {
            items.add(Messages.key_both(), "both");
        }
        return items;
    }

    private static FormValidation checkKey(
            @CheckForNull Item item, String value, String targetName, String target) {
        String key = Util.fixEmptyAndTrim(value);
        boolean quiet = key == null && Util.fixEmptyAndTrim(targetName) == null;
        return HubRenewalDescriptor.check(item,
                quiet ? null : ConfigChecks.key(FORM, key == null ? null : key.toLowerCase(Locale.ROOT), target));
    }
}
