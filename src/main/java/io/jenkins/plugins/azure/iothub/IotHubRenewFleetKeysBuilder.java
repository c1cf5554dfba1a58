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

/** Freestyle build step around the same {@link RenewFleetKeysConfig} as {@code iotHubRenewFleetKeys}. */
public final class IotHubRenewFleetKeysBuilder extends Builder implements SimpleBuildStep {

    private final RenewFleetKeysConfig renewal;

    @DataBoundConstructor
    public IotHubRenewFleetKeysBuilder(RenewFleetKeysConfig renewal) {
        this.renewal = renewal;
    }

    public RenewFleetKeysConfig getRenewal() {
        return renewal;
    }

    @Override
    public boolean requiresWorkspace() {
        return false;
    }

    @Override
    public void perform(@NonNull Run<?, ?> run, @NonNull EnvVars env, @NonNull TaskListener listener)
            throws InterruptedException, IOException {
        BuildRenewal.performFleet(run, listener, renewal, Wording.FORM);
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
            return Messages.IotHubRenewFleetKeysBuilder_displayName();
        }
    }
}
