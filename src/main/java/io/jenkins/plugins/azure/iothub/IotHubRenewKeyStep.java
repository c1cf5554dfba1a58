package io.jenkins.plugins.azure.iothub;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code iotHubRenewKey(hub: 'h', policy: 'p', key: 'primary')}: flat arguments that all land in one
 * {@link RenewKeyConfig}. Needs no node and no workspace; returns a map of non-secret facts.
 */
public final class IotHubRenewKeyStep extends TargetStep<RenewKeyConfig> {

    @DataBoundConstructor
    public IotHubRenewKeyStep(String hub, String key) {
        super(new RenewKeyConfig(hub, key));
    }

    public String getKey() {
        return config.getKey();
    }

    public String getPrimaryCredentialsId() {
        return config.getPrimaryCredentialsId();
    }

    @DataBoundSetter
    public void setPrimaryCredentialsId(String primaryCredentialsId) {
        config.setPrimaryCredentialsId(primaryCredentialsId);
    }

    public String getSecondaryCredentialsId() {
        return config.getSecondaryCredentialsId();
    }

    @DataBoundSetter
    public void setSecondaryCredentialsId(String secondaryCredentialsId) {
        config.setSecondaryCredentialsId(secondaryCredentialsId);
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new RenewKeyExecution(context, config);
    }

    @Extension
    public static final class DescriptorImpl extends HubRenewalStepDescriptor<RenewKeyConfig.DescriptorImpl> {

        public DescriptorImpl() {
            super(RenewKeyConfig.DescriptorImpl.class);
        }

        @Override
        public String getFunctionName() {
            return "iotHubRenewKey";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.IotHubRenewKeyStep_displayName();
        }
    }
}
