package io.jenkins.plugins.azure.iothub;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code iotHubRotateKey(hub: 'h', policy: 'p', credentialsId: 'c') { ... }}: a zero-downtime rotation around a
 * body that moves consumers to the stable credential. Flat arguments that all land in one {@link RotateKeyConfig};
 * the two halves without a body are the freestyle step's phases ({@link IotHubRotateKeyBuilder}). Needs no node.
 */
public final class IotHubRotateKeyStep extends TargetStep<RotateKeyConfig> {

    @DataBoundConstructor
    public IotHubRotateKeyStep(String hub) {
        super(new RotateKeyConfig(hub));
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

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new RotateKeyExecution(context, config);
    }

    @Extension
    public static final class DescriptorImpl extends HubRenewalStepDescriptor<RotateKeyConfig.DescriptorImpl> {

        public DescriptorImpl() {
            super(RotateKeyConfig.DescriptorImpl.class);
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
