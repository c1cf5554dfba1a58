package io.jenkins.plugins.azure.iothub;

import com.cloudbees.hudson.plugins.folder.AbstractFolder;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Item;
import hudson.model.ItemGroup;

/**
 * The Azure credential a renewal uses when its configuration names none: the default of the nearest enclosing
 * folder ({@link DefaultAzureCredentialProperty}), else the global one ({@link IotHubKeyRenewalConfiguration}).
 * Only the id is chosen here; the credential is still looked up as the build, so the folder's and the build
 * identity's access rules apply as they do to an id written in the step.
 *
 * @param folder full name of the folder that sets it, or null for the global configuration
 */
record DefaultAzureCredential(String id, @CheckForNull String folder) {

    /** @param item the job (or null outside any job: only the global default applies) */
    @CheckForNull
    static DefaultAzureCredential nearest(@CheckForNull Item item) {
        ItemGroup<?> group = item == null ? null : item.getParent();
        while (group instanceof Item enclosing) {
            if (enclosing instanceof AbstractFolder<?> folder) {
                DefaultAzureCredentialProperty property =
                        folder.getProperties().get(DefaultAzureCredentialProperty.class);
                if (property != null && property.getAzureCredentialsId() != null) {
                    return new DefaultAzureCredential(property.getAzureCredentialsId(), folder.getFullName());
                }
            }
            group = enclosing.getParent();
        }
        String global = IotHubKeyRenewalConfiguration.get().getDefaultAzureCredentialsId();
        return global == null ? null : new DefaultAzureCredential(global, null);
    }

    /** Where the default comes from, for the form and the build log. */
    String origin() {
        return folder == null ? "the global configuration" : "folder '" + folder + "'";
    }

    String describeUse() {
        return "Uses the default Azure credential '" + id + "' of " + origin() + ".";
    }
}
