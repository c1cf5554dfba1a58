package io.jenkins.plugins.azure.iothub;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.model.AbstractProject;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.Builder;
import java.io.IOException;
import jenkins.tasks.SimpleBuildStep;
import org.kohsuke.stapler.DataBoundConstructor;

/** Freestyle build step around the same {@link RenewPolicyKeysConfig} as {@code iotHubRenewPolicyKeys}. */
public final class IotHubRenewPolicyKeysBuilder extends Builder implements SimpleBuildStep {

    private final RenewPolicyKeysConfig renewal;

    @DataBoundConstructor
    public IotHubRenewPolicyKeysBuilder(RenewPolicyKeysConfig renewal) {
        this.renewal = renewal;
    }

    public RenewPolicyKeysConfig getRenewal() {
        return renewal;
    }

    @Override
    public boolean requiresWorkspace() {
        return false;
    }

    @Override
    public void perform(@NonNull Run<?, ?> run, @NonNull EnvVars env, @NonNull TaskListener listener)
            throws InterruptedException, IOException {
        BuildRenewal.performPolicies(run, listener, renewal, Wording.FORM);
    }

    @Extension
    public static final class DescriptorImpl extends BuildStepDescriptor<Builder> {

        @Override
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.IotHubRenewPolicyKeysBuilder_displayName();
        }
    }
}
