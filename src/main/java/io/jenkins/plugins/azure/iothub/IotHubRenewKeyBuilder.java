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

/**
 * Freestyle build step around the same {@link RenewKeyConfig} as the Pipeline step. Deliberately without a
 * {@code @Symbol}: Pipeline users call {@code iotHubRenewKey}, which also returns the result map.
 */
public final class IotHubRenewKeyBuilder extends Builder implements SimpleBuildStep {

    private final RenewKeyConfig renewal;

    @DataBoundConstructor
    public IotHubRenewKeyBuilder(RenewKeyConfig renewal) {
        this.renewal = renewal;
    }

    public RenewKeyConfig getRenewal() {
        return renewal;
    }

    @Override
    public boolean requiresWorkspace() {
        return false;
    }

    @Override
    public void perform(@NonNull Run<?, ?> run, @NonNull EnvVars env, @NonNull TaskListener listener)
            throws InterruptedException, IOException {
        BuildRenewal.perform(run, listener, renewal, Wording.FORM);
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
            return Messages.IotHubRenewKeyBuilder_displayName();
        }
    }
}
