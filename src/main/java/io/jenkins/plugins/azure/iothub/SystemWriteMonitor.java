package io.jenkins.plugins.azure.iothub;

import hudson.Extension;
import hudson.model.AdministrativeMonitor;
import java.util.List;

/**
 * A security warning on the Manage Jenkins page while builds running as SYSTEM may write credentials somewhere: the
 * opt-in stays visible to every administrator, not only to the one who set it.
 */
@Extension
public final class SystemWriteMonitor extends AdministrativeMonitor {

    @Override
    public boolean isActivated() {
        IotHubKeyRenewalConfiguration config = IotHubKeyRenewalConfiguration.get();
        return config.isAllowSystemBuildsToWriteSystemStore() || !config.systemWritableFolderNames().isEmpty();
    }

    @Override
    public boolean isSecurity() {
        return true;
    }

    @Override
    public String getDisplayName() {
        return Messages.SystemWriteMonitor_displayName();
    }

    /** Where SYSTEM builds may write, for the message. */
    public List<String> getStores() {
        IotHubKeyRenewalConfiguration config = IotHubKeyRenewalConfiguration.get();
        List<String> stores = new java.util.ArrayList<>();
        if (config.isAllowSystemBuildsToWriteSystemStore()) {
            stores.add("the Jenkins system credentials");
        }
        config.systemWritableFolderNames().forEach(name -> stores.add("the credentials of folder '" + name + "'"));
        return stores;
    }
}
