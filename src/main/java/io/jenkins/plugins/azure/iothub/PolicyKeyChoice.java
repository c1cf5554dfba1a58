package io.jenkins.plugins.azure.iothub;

import static io.jenkins.plugins.azure.iothub.Wording.FORM;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.io.Serial;
import java.io.Serializable;
import java.util.Locale;
import java.util.Objects;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** One policy of a {@link RenewPolicyKeysConfig} and its key choice: {@code [policy: 'service', key: 'swap']}. */
public final class PolicyKeyChoice implements Describable<PolicyKeyChoice>, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String policy;
    private final String key;
    private String primaryCredentialsId;
    private String secondaryCredentialsId;

    @DataBoundConstructor
    public PolicyKeyChoice(String policy, String key) {
        this.policy = Util.fixEmptyAndTrim(policy);
        String k = Util.fixEmptyAndTrim(key);
        this.key = k == null ? null : k.toLowerCase(Locale.ROOT);
    }

    public String getPolicy() {
        return policy;
    }

    public String getKey() {
        return key;
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

    @Override
    public boolean equals(Object o) {
        return o instanceof PolicyKeyChoice other && Objects.equals(policy, other.policy)
                && Objects.equals(key, other.key) && Objects.equals(primaryCredentialsId, other.primaryCredentialsId)
                && Objects.equals(secondaryCredentialsId, other.secondaryCredentialsId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(policy, key);
    }

    @Override
    public String toString() {
        return "PolicyKeyChoice[" + policy + ", " + key + "]";
    }

    @Extension
    public static final class DescriptorImpl extends Descriptor<PolicyKeyChoice> {

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.PolicyKeyChoice_displayName();
        }

        /** Starts on "choose", as the single renewal's form does. */
        @POST
        public ListBoxModel doFillKeyItems(@AncestorInPath Item item) {
            ListBoxModel items = new ListBoxModel();
            items.add(Messages.key_choose(), "");
            items.add(Messages.key_primary(), "primary");
            items.add(Messages.key_secondary(), "secondary");
            items.add(Messages.key_swap(), "swap");
            return items;
        }

        @POST
        public FormValidation doCheckPolicy(@AncestorInPath Item item, @QueryParameter String value) {
            return HubRenewalConfig.HubRenewalDescriptor.check(item,
                    ConfigChecks.policy(FORM, Util.fixEmptyAndTrim(value)));
        }

        @POST
        public FormValidation doCheckPrimaryCredentialsId(@AncestorInPath Item item, @QueryParameter String value) {
            return HubRenewalConfig.HubRenewalDescriptor.check(item,
                    ConfigChecks.credentialId(FORM, "primaryCredentialsId", Util.fixEmptyAndTrim(value)));
        }

        @POST
        public FormValidation doCheckSecondaryCredentialsId(
                @AncestorInPath Item item, @QueryParameter String value) {
            return HubRenewalConfig.HubRenewalDescriptor.check(item,
                    ConfigChecks.credentialId(FORM, "secondaryCredentialsId", Util.fixEmptyAndTrim(value)));
        }
    }
}
