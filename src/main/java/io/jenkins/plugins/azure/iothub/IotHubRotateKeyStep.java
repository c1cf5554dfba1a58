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
 * {@code iotHubRotateKey(hub: 'h', policy: 'p', credentialsId: 'c') { ... }}: a zero-downtime rotation around a
 * body that moves consumers to the stable credential. Flat arguments that all land in one {@link RotateKeyConfig};
 * the two halves without a body are the freestyle step's phases ({@link IotHubRotateKeyBuilder}). Needs no node.
 */
public final class IotHubRotateKeyStep extends HubRenewalStep<RotateKeyConfig> {

    @DataBoundConstructor
    public IotHubRotateKeyStep(String hub) {
        super(new RotateKeyConfig(hub));
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

    public String getCredentialsId() {
        return config.getCredentialsId();
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        config.setCredentialsId(credentialsId);
    }

    public String getInUse() {
        return config.getInUse();
    }

    @DataBoundSetter
    public void setInUse(String inUse) {
        config.setInUse(inUse);
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
        return new RotateKeyExecution(context, config);
    }

    @Extension
    public static final class DescriptorImpl extends StepDescriptor {

        private final transient Supplier<RotateKeyConfig.DescriptorImpl> configDescriptor;

        public DescriptorImpl() {
            this(() -> Jenkins.get().getDescriptorByType(RotateKeyConfig.DescriptorImpl.class));
        }

        DescriptorImpl(Supplier<RotateKeyConfig.DescriptorImpl> configDescriptor) {
            this.configDescriptor = configDescriptor;
        }

        /** The step's form reuses the fields, checks and help of the shared configuration object. */
        public RotateKeyConfig.DescriptorImpl getConfigDescriptor() {
            return configDescriptor.get();
        }

        @Override
        public String getHelpFile(String fieldName) {
            return fieldName == null ? super.getHelpFile(null) : getConfigDescriptor().getHelpFile(fieldName);
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class);
        }

        @Override
        public String getFunctionName() {
            return "iotHubRotateKey";
        }

        @Override
        public boolean takesImplicitBlockArgument() {
            return true;
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.IotHubRotateKeyStep_displayName();
        }
    }
}
