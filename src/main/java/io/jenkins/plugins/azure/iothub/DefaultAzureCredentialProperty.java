package io.jenkins.plugins.azure.iothub;

import com.cloudbees.hudson.plugins.folder.AbstractFolder;
import com.cloudbees.hudson.plugins.folder.AbstractFolderProperty;
import com.cloudbees.hudson.plugins.folder.AbstractFolderPropertyDescriptor;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Item;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.azure.iothub.HubRenewalConfig.HubRenewalDescriptor;
import io.jenkins.plugins.azure.iothub.jenkins.AzureCredentialsAccess;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * A folder's default Azure credential for key renewals of the jobs inside it that name none. Whoever may
 * configure the folder may set it (Item/Configure, as for every folder property); see docs/security.md.
 */
public final class DefaultAzureCredentialProperty extends AbstractFolderProperty<AbstractFolder<?>> {

    private final String azureCredentialsId;

    @DataBoundConstructor
    public DefaultAzureCredentialProperty(String azureCredentialsId) {
        this.azureCredentialsId = Util.fixEmptyAndTrim(azureCredentialsId);
    }

    @CheckForNull
    public String getAzureCredentialsId() {
        return azureCredentialsId;
    }

    @Extension
    @Symbol("iotHubDefaultAzureCredential")
    public static final class DescriptorImpl extends AbstractFolderPropertyDescriptor {

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.DefaultAzureCredentialProperty_displayName();
        }

        /** The credentials jobs of this folder could use; ids only to users who may configure the folder. */
        @POST
        public ListBoxModel doFillAzureCredentialsIdItems(
                @AncestorInPath Item item, @QueryParameter String azureCredentialsId) {
            return AzureCredentialsAccess.listCredentials(item, azureCredentialsId,
                    HubRenewalDescriptor.mayConfigure(item));
        }
    }
}
