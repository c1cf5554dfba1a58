package io.jenkins.plugins.azure.iothub;

import org.kohsuke.stapler.DataBoundSetter;

/**
 * A Pipeline step on one target ({@code iotHubRenewKey}, {@code iotHubRotateKey}): the flat arguments of
 * {@link TargetConfig}, a shared access policy or a device or module identity, and whether to verify the new key.
 */
public abstract class TargetStep<C extends TargetConfig<C>> extends HubRenewalStep<C> {

    protected TargetStep(C config) {
        super(config);
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

    public boolean isVerify() {
        return config.isVerify();
    }

    @DataBoundSetter
    public void setVerify(boolean verify) {
        config.setVerify(verify);
    }
}
