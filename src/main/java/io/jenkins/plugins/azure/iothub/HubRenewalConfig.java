package io.jenkins.plugins.azure.iothub;

import static io.jenkins.plugins.azure.iothub.Wording.FORM;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Util;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.azure.iothub.jenkins.AzureCredentialsAccess;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The options every renewal of one hub shares (single key, rotation, policy set, fleet): the hub, Azure access, where
 * the keys go, dry run and time budget. Same names, same checks, same help; each subclass adds its targets.
 */
public abstract class HubRenewalConfig<T extends HubRenewalConfig<T>>
        implements Describable<T>, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String hub;
    private String resourceGroup;
    private String subscriptionId;
    private String azureCredentialsId;
    private String credentialsFolder;
    private String store;
    private boolean dryRun;
    private Integer timeoutSeconds = RenewKeyConfig.DEFAULT_TIMEOUT_SECONDS;

    protected HubRenewalConfig(String hub) {
        this.hub = Util.fixEmptyAndTrim(hub);
    }

    public String getHub() {
        return hub;
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
        return store == null ? RenewKeyConfig.STORE_CONNECTION_STRING : store;
    }

    @DataBoundSetter
    public void setStore(String store) {
        String value = Util.fixEmptyAndTrim(store);
        // accept any casing for the documented value, keep the canonical spelling
        this.store = RenewKeyConfig.STORE_CONNECTION_STRING.equalsIgnoreCase(value)
                ? RenewKeyConfig.STORE_CONNECTION_STRING
                : value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    public boolean isDryRun() {
        return dryRun;
    }

    @DataBoundSetter
    public void setDryRun(boolean dryRun) {
        this.dryRun = dryRun;
    }

    public int getTimeoutSeconds() {
        return timeoutSeconds == null ? RenewKeyConfig.DEFAULT_TIMEOUT_SECONDS : timeoutSeconds;
    }

    @DataBoundSetter
    public void setTimeoutSeconds(int timeoutSeconds) {
        this.timeoutSeconds = timeoutSeconds;
    }

    /** Loading a job saved by an older version: a time budget it did not save gets its documented default. */
    @Serial
    protected Object readResolve() {
        if (timeoutSeconds == null) {
            timeoutSeconds = RenewKeyConfig.DEFAULT_TIMEOUT_SECONDS;
        }
        return this;
    }

    /** A single renewal with these options, for one member (its policy, device or module set by the caller). */
    RenewKeyConfig single(String key) {
        RenewKeyConfig config = new RenewKeyConfig(hub, key);
        config.setResourceGroup(resourceGroup);
        config.setSubscriptionId(subscriptionId);
        config.setAzureCredentialsId(azureCredentialsId);
        config.setCredentialsFolder(credentialsFolder);
        config.setStore(getStore());
        config.setDryRun(dryRun);
        config.setTimeoutSeconds(getTimeoutSeconds());
        return config;
    }

    /** Problems with the shared options, in the reader's words. */
    List<String> validateShared(Wording w) {
        List<String> problems = new ArrayList<>();
        add(problems, ConfigChecks.hub(w, hub));
        add(problems, ConfigChecks.resourceGroup(w, resourceGroup));
        add(problems, ConfigChecks.subscriptionId(w, subscriptionId));
        add(problems, ConfigChecks.store(w, getStore()));
        add(problems, ConfigChecks.timeout(w, getTimeoutSeconds()));
        return problems;
    }

    /** Whether the shared options are equal; part of each subclass's field-by-field equality. */
    boolean sameSharedOptions(HubRenewalConfig<?> other) {
        return Objects.equals(hub, other.hub) && Objects.equals(resourceGroup, other.resourceGroup)
                && Objects.equals(subscriptionId, other.subscriptionId)
                && Objects.equals(azureCredentialsId, other.azureCredentialsId)
                && Objects.equals(credentialsFolder, other.credentialsFolder)
                && getStore().equals(other.getStore()) && dryRun == other.dryRun
                && getTimeoutSeconds() == other.getTimeoutSeconds();
    }

    static void add(List<String> problems, @CheckForNull String problem) {
        if (problem != null) {
            problems.add(problem);
        }
    }

    /** Form support for the shared options; every method is @POST and shows nothing to who may not configure. */
    public abstract static class HubRenewalDescriptor<T extends HubRenewalConfig<T>> extends Descriptor<T> {

        public int getDefaultTimeoutSeconds() {
            return RenewKeyConfig.DEFAULT_TIMEOUT_SECONDS;
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
                    mayConfigure(item));
        }

        @POST
        public FormValidation doCheckHub(@AncestorInPath Item item, @QueryParameter String value) {
            return check(item, ConfigChecks.hub(FORM, Util.fixEmptyAndTrim(value)));
        }

        @POST
        public FormValidation doCheckResourceGroup(@AncestorInPath Item item, @QueryParameter String value) {
            return check(item, ConfigChecks.resourceGroup(FORM, Util.fixEmptyAndTrim(value)));
        }

        @POST
        public FormValidation doCheckSubscriptionId(@AncestorInPath Item item, @QueryParameter String value) {
            return check(item, ConfigChecks.subscriptionId(FORM, Util.fixEmptyAndTrim(value)));
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
