package io.jenkins.plugins.azure.iothub;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.util.Set;
import java.util.function.Supplier;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code iotHubRenewKey(hub: 'h', policy: 'p', key: 'primary')}: flat arguments that all land in one
 * {@link RenewKeyConfig}. Needs no node and no workspace; returns a map of non-secret facts.
 */
public final class IotHubRenewKeyStep extends HubRenewalStep<RenewKeyConfig> {

    @DataBoundConstructor
    public IotHubRenewKeyStep(String hub, String key) {
        super(new RenewKeyConfig(hub, key));
    }

    public String getKey() {
        return config.getKey();
    }

    public String getPolicy() {
        return config.getPolicy();
    }

    @DataBoundSetter
    public void setPolicy(String policy) {
        config.setPolicy(policy);
    }

    public String getDevice() {
        return config.getDevice();
    }

    @DataBoundSetter
    public void setDevice(String device) {
        config.setDevice(device);
    }

    public String getModule() {
        return config.getModule();
    }

    @DataBoundSetter
    public void setModule(String module) {
        config.setModule(module);
    }

    public String getDataPlaneAuth() {
        return config.getDataPlaneAuth();
    }

    @DataBoundSetter
    public void setDataPlaneAuth(String dataPlaneAuth) {
        config.setDataPlaneAuth(dataPlaneAuth);
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

    public boolean isVerify() {
        return config.isVerify();
    }

    @DataBoundSetter
    public void setVerify(boolean verify) {
        config.setVerify(verify);
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new RenewKeyExecution(context, config);
    }

    @Extension
    public static final class DescriptorImpl extends StepDescriptor {

        private final transient Supplier<RenewKeyConfig.DescriptorImpl> configDescriptor;

        public DescriptorImpl() {
            this(() -> Jenkins.get().getDescriptorByType(RenewKeyConfig.DescriptorImpl.class));
        }

        DescriptorImpl(Supplier<RenewKeyConfig.DescriptorImpl> configDescriptor) {
            this.configDescriptor = configDescriptor;
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class);
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

        /** The step's form reuses the fields, checks and help of the shared configuration object. */
        public RenewKeyConfig.DescriptorImpl getConfigDescriptor() {
            return configDescriptor.get();
        }

        /**
         * Every argument is a field of {@link RenewKeyConfig}: its help is that field's help, at the configuration
         * descriptor's URL. (The Pipeline Steps reference does not ask this; it reads the {@code help-*.html} copies
         * beside this class, which {@code FormResourcesTest} keeps identical.)
         */
        @Override
        public String getHelpFile(String fieldName) {
            return fieldName == null ? super.getHelpFile(null) : getConfigDescriptor().getHelpFile(fieldName);
        }
    }
}
