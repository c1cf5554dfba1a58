package io.jenkins.plugins.azure.iothub;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.Util;
import hudson.model.AbstractProject;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.Builder;
import hudson.util.ListBoxModel;
import java.io.IOException;
import jenkins.tasks.SimpleBuildStep;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.verb.POST;

/**
 * One half of a zero-downtime rotation as a freestyle build step: {@code prepare} (renew the unused key and hand it
 * over in the stable credential) or {@code finish} (renew the key consumers left). A build binds its credentials when
 * it starts, so the hand-over needs a downstream job: prepare in one job, bind the credential and deploy in the next,
 * then finish as that job's last step (docs/rotation-playbook.md).
 */
public final class IotHubRotateKeyBuilder extends Builder implements SimpleBuildStep {

    /** The first half: renew the unused key and hand it over in the stable credential. */
    public static final String PHASE_PREPARE = "prepare";
    /** The second half: renew the key consumers left and mark the rotation complete. */
    public static final String PHASE_FINISH = "finish";

    private final RotateKeyConfig rotation;
    private final String phase;

    @DataBoundConstructor
    public IotHubRotateKeyBuilder(RotateKeyConfig rotation, String phase) {
        this.rotation = rotation;
        this.phase = Util.fixEmptyAndTrim(phase);
    }

    public RotateKeyConfig getRotation() {
        return rotation;
    }

    /** {@code prepare} or {@code finish}. */
    public String getPhase() {
        return phase;
    }

    @Override
    public boolean requiresWorkspace() {
        return false;
    }

    @Override
    public void perform(@NonNull Run<?, ?> run, @NonNull EnvVars env, @NonNull TaskListener listener)
            throws InterruptedException, IOException {
        if (!PHASE_PREPARE.equals(phase) && !PHASE_FINISH.equals(phase)) {
            throw new AbortException("The Azure IoT Hub key rotation step needs a Phase: Prepare in the job before"
                    + " consumers are redeployed, Finish after they run with the stable credential.");
        }
        BuildRotation.perform(run, listener, rotation, Wording.FORM,
                PHASE_FINISH.equals(phase) ? BuildRotation.Half.FINISH : BuildRotation.Half.PREPARE);
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
            return Messages.IotHubRotateKeyBuilder_displayName();
        }

        @POST
        public ListBoxModel doFillPhaseItems(@AncestorInPath Item item) {
            ListBoxModel items = new ListBoxModel();
            items.add(Messages.phase_prepare(), PHASE_PREPARE);
            items.add(Messages.phase_finish(), PHASE_FINISH);
            return items;
        }
    }
}
