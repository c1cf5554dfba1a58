package io.jenkins.plugins.azure.iothub;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.security.Permission;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * Administrator choices of the plugin. JCasC: {@code unclassified: iotHubKeyRenewal:
 * allowSystemBuildsToWriteSystemStore: true}.
 */
@Extension
@Symbol("iotHubKeyRenewal")
public class IotHubKeyRenewalConfiguration extends GlobalConfiguration {

    /** Off by default: a build running as SYSTEM could otherwise plant credentials visible to every job. */
    private boolean allowSystemBuildsToWriteSystemStore;

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
