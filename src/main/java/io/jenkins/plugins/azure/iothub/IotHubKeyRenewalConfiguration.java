package io.jenkins.plugins.azure.iothub;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.Util;
import hudson.security.Permission;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.azure.iothub.jenkins.AzureCredentialsAccess;
import io.jenkins.plugins.azure.iothub.jenkins.CredentialsLocation;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Administrator choices of the plugin. JCasC: {@code unclassified: iotHubKeyRenewal:
 * allowSystemBuildsToWriteSystemStore: true, systemWritableFolders: "team-a\nteam-b/iot",
 * defaultAzureCredentialsId: azure-sp}.
 */
@Extension
@Symbol("iotHubKeyRenewal")
public class IotHubKeyRenewalConfiguration extends GlobalConfiguration {

    /** Off by default: a build running as SYSTEM could otherwise plant credentials visible to every job. */
    private boolean allowSystemBuildsToWriteSystemStore;

    /** Full names of folders whose own credentials SYSTEM builds may write, one a line; none by default. */
    private String systemWritableFolders;

    /** Azure credential of renewals whose job and folders name none; none by default. */
    private String defaultAzureCredentialsId;

    public IotHubKeyRenewalConfiguration() {
        load();
    }

    @NonNull
    public static IotHubKeyRenewalConfiguration get() {
        return ExtensionList.lookupSingleton(IotHubKeyRenewalConfiguration.class);
    }

    public boolean isAllowSystemBuildsToWriteSystemStore() {
        return allowSystemBuildsToWriteSystemStore;
    }

    @DataBoundSetter
    public void setAllowSystemBuildsToWriteSystemStore(boolean allowSystemBuildsToWriteSystemStore) {
        this.allowSystemBuildsToWriteSystemStore = allowSystemBuildsToWriteSystemStore;
        save();
    }

    public String getSystemWritableFolders() {
        return systemWritableFolders;
    }

    @DataBoundSetter
    public void setSystemWritableFolders(String systemWritableFolders) {
        this.systemWritableFolders = Util.fixEmptyAndTrim(systemWritableFolders);
        save();
    }

    @CheckForNull
    public String getDefaultAzureCredentialsId() {
        return defaultAzureCredentialsId;
    }

    @DataBoundSetter
    public void setDefaultAzureCredentialsId(String defaultAzureCredentialsId) {
        this.defaultAzureCredentialsId = Util.fixEmptyAndTrim(defaultAzureCredentialsId);
        save();
    }

    /** Credentials a job's build could use (global scope, system store); only administrators see this page. */
    @POST
    public ListBoxModel doFillDefaultAzureCredentialsIdItems(@QueryParameter String defaultAzureCredentialsId) {
        return AzureCredentialsAccess.listCredentials(null, defaultAzureCredentialsId,
                Jenkins.get().hasPermission(Jenkins.ADMINISTER));
    }

    /** The folders SYSTEM builds may write, exactly as listed (a folder's subfolders are not included). */
    @NonNull
    public List<String> systemWritableFolderNames() {
        List<String> names = new ArrayList<>();
        if (systemWritableFolders != null) {
            for (String line : systemWritableFolders.split("[\\r\\n]+")) {
                String name = line.trim();
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    /** The administrator's choices as the credential writer asks them. */
    public CredentialsLocation.SystemWriteOptIn systemWriteOptIn() {
        boolean systemStore = allowSystemBuildsToWriteSystemStore;
        List<String> folders = systemWritableFolderNames();
        return new CredentialsLocation.SystemWriteOptIn() {
            @Override
            public boolean systemStore() {
                return systemStore;
            }

            @Override
            public boolean folder(String fullName) {
                // Jenkins item names ignore case (core's and cloudbees-folder's item maps use CASE_INSENSITIVE_ORDER)
                return folders.stream().anyMatch(listed -> listed.equalsIgnoreCase(fullName));
            }
        };
    }

    @NonNull
    @Override
    public String getDisplayName() {
        return Messages.IotHubKeyRenewalConfiguration_displayName();
    }

    /** Overall/Manage is not enough: this switch decides who may write system-wide credentials. */
    @NonNull
    @Override
    public Permission getRequiredGlobalConfigPagePermission() {
        return Jenkins.ADMINISTER;
    }
}
