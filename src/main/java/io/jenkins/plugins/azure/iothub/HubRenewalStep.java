package io.jenkins.plugins.azure.iothub;

import hudson.model.Run;
import hudson.model.TaskListener;
import java.util.Set;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
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

    /**
     * What the steps' descriptors share: each step's form and help are those of its configuration object, and a step
     * needs the build and its log, but no node or workspace.
     */
    public abstract static class HubRenewalStepDescriptor<D extends HubRenewalConfig.HubRenewalDescriptor<?>>
            extends StepDescriptor {

        private final transient Class<D> configDescriptorType;

        protected HubRenewalStepDescriptor(Class<D> configDescriptorType) {
            this.configDescriptorType = configDescriptorType;
        }

        /** The step's form reuses the fields, checks and help of the shared configuration object. */
        public D getConfigDescriptor() {
            return Jenkins.get().getDescriptorByType(configDescriptorType);
        }

        /**
         * Every argument is a field of the configuration object: its help is that field's help, at the configuration
         * descriptor's URL. (The Pipeline Steps reference does not ask this; it reads the {@code help-*.html} copies
         * beside the step's class, which {@code FormResourcesTest} keeps identical.)
         */
        @Override
        public String getHelpFile(String fieldName) {
            return fieldName == null ? super.getHelpFile(null) : getConfigDescriptor().getHelpFile(fieldName);
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class);
        }
    }
}
