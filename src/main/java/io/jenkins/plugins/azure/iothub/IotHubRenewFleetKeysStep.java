package io.jenkins.plugins.azure.iothub;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.io.Serial;
import java.util.Map;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code iotHubRenewFleetKeys(hub: 'h', key: 'secondary', where: "tags.site = 'north'", rotation: '2026-12')}: many
 * devices and modules of one hub at the registry's pace, flat arguments that all land in one
 * {@link RenewFleetKeysConfig}. Returns counts and, per identity, its credentials; never a key.
 */
public final class IotHubRenewFleetKeysStep extends HubRenewalStep<RenewFleetKeysConfig> {

    static final String FUNCTION = "iotHubRenewFleetKeys";

    @DataBoundConstructor
    public IotHubRenewFleetKeysStep(String hub, String key) {
        super(new RenewFleetKeysConfig(hub, key));
    }

    public String getKey() {
        return config.getKey();
    }

    public String getDevices() {
        return config.getDevices();
    }

    @DataBoundSetter
    public void setDevices(String devices) {
        config.setDevices(devices);
    }

    public String getWhere() {
        return config.getWhere();
    }

    @DataBoundSetter
    public void setWhere(String where) {
        config.setWhere(where);
    }

    public boolean isAllDevices() {
        return config.isAllDevices();
    }

    @DataBoundSetter
    public void setAllDevices(boolean allDevices) {
        config.setAllDevices(allDevices);
    }

    public String getStoreIn() {
        return config.getStoreIn();
    }

    @DataBoundSetter
    public void setStoreIn(String storeIn) {
        config.setStoreIn(storeIn);
    }

    public String getCredentialIdPattern() {
        return config.getCredentialIdPattern();
    }

    @DataBoundSetter
    public void setCredentialIdPattern(String credentialIdPattern) {
        config.setCredentialIdPattern(credentialIdPattern);
    }

    public String getFileCredentialsId() {
        return config.getFileCredentialsId();
    }

    @DataBoundSetter
    public void setFileCredentialsId(String fileCredentialsId) {
        config.setFileCredentialsId(fileCredentialsId);
    }

    public String getRotation() {
        return config.getRotation();
    }

    @DataBoundSetter
    public void setRotation(String rotation) {
        config.setRotation(rotation);
    }

    public int getOperationsPerMinute() {
        return config.getOperationsPerMinute();
    }

    @DataBoundSetter
    public void setOperationsPerMinute(int operationsPerMinute) {
        config.setOperationsPerMinute(operationsPerMinute);
    }

    public String getDataPlaneAuth() {
        return config.getDataPlaneAuth();
    }

    @DataBoundSetter
    public void setDataPlaneAuth(String dataPlaneAuth) {
        config.setDataPlaneAuth(dataPlaneAuth);
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new Execution(context, config);
    }

    /** On a thread of its own, with the same stop and restart handling as {@code iotHubRenewKey}. */
    static final class Execution extends RenewalStepExecution {
        @Serial
        private static final long serialVersionUID = 1L;

        private final RenewFleetKeysConfig config;

        Execution(StepContext context, RenewFleetKeysConfig config) {
            super(context);
            this.config = config;
        }

        @Override
        Map<String, Object> perform(Run<?, ?> run, TaskListener listener) throws AbortException {
            return BuildRenewal.performFleet(run, listener, config, Wording.PIPELINE);
        }

        @Override
        String stepName() {
            return FUNCTION;
        }

        @Override
        String renewedKeys() {
            return "the new keys of " + config.selection() + " on hub '" + config.getHub() + "'";
        }

        @Override
        String activity() {
            return "renewing the " + config.getKey() + " keys of " + config.selection() + " on hub '"
                    + config.getHub() + "'";
        }

        @Override
        String mayHaveChanged(String what) {
            return "The build " + what + " while renewing the keys of " + config.selection() + " on hub '"
                    + config.getHub() + "': every batch whose keys Azure held was stored before the next was sent,"
                    + " except perhaps the batch in flight, whose devices may hold new keys that Jenkins does not."
                    + " Rerun " + FUNCTION + (config.getRotation() == null ? " (with a rotation label, to skip what is"
                    + " stored)" : " with rotation '" + config.getRotation() + "'") + ": it renews what is missing"
                    + " and stores it.";
        }
    }

    @Extension
    public static final class DescriptorImpl extends HubRenewalStepDescriptor<RenewFleetKeysConfig.DescriptorImpl> {

        public DescriptorImpl() {
            super(RenewFleetKeysConfig.DescriptorImpl.class);
        }

        @Override
        public String getFunctionName() {
            return FUNCTION;
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.IotHubRenewFleetKeysStep_displayName();
        }
    }
}
