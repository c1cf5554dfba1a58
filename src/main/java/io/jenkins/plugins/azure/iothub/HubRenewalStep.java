package io.jenkins.plugins.azure.iothub;

import org.jenkinsci.plugins.workflow.steps.Step;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * A Pipeline step whose flat arguments all land in one {@link HubRenewalConfig}: the arguments every renewal of one
 * hub shares are here, each step adds its targets. Public, because Pipeline reads and sets the arguments by
 * reflection: structs' DescribableModel collects {@code @DataBoundSetter}s of every superclass and reads values
 * with {@code getMethod("get" + name)} (jenkinsci/structs-plugin@1db2a48:src/main/java/org/jenkinsci/plugins/structs/
 * describable/DescribableModel.java, DescribableParameter.java), so Snippetizer output is unchanged.
 */
public abstract class HubRenewalStep<C extends HubRenewalConfig<C>> extends Step {

    /** Read by the subclasses' own arguments. */
    protected final C config;

    protected HubRenewalStep(C config) {
        this.config = config;
    }

    /** The configuration this step runs with. */
    public C toConfig() {
        return config;
    }

    public String getHub() {
        return config.getHub();
    }

    public String getResourceGroup() {
        return config.getResourceGroup();
    }

    @DataBoundSetter
    public void setResourceGroup(String resourceGroup) {
        config.setResourceGroup(resourceGroup);
    }

    public String getSubscriptionId() {
        return config.getSubscriptionId();
    }

    @DataBoundSetter
    public void setSubscriptionId(String subscriptionId) {
        config.setSubscriptionId(subscriptionId);
    }

    public String getAzureCredentialsId() {
        return config.getAzureCredentialsId();
    }

    @DataBoundSetter
    public void setAzureCredentialsId(String azureCredentialsId) {
        config.setAzureCredentialsId(azureCredentialsId);
    }

    public String getCredentialsFolder() {
        return config.getCredentialsFolder();
    }

    @DataBoundSetter
    public void setCredentialsFolder(String credentialsFolder) {
        config.setCredentialsFolder(credentialsFolder);
    }

    public String getStore() {
        return config.getStore();
    }

    @DataBoundSetter
    public void setStore(String store) {
        config.setStore(store);
    }

    public boolean isDryRun() {
        return config.isDryRun();
    }

    @DataBoundSetter
    public void setDryRun(boolean dryRun) {
        config.setDryRun(dryRun);
    }

    public int getTimeoutSeconds() {
        return config.getTimeoutSeconds();
    }

    @DataBoundSetter
    public void setTimeoutSeconds(int timeoutSeconds) {
        config.setTimeoutSeconds(timeoutSeconds);
    }
}
