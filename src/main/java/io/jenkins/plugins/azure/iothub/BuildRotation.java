package io.jenkins.plugins.azure.iothub;

import hudson.AbortException;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.azure.iothub.jenkins.AzureCredentialsAccess;
import io.jenkins.plugins.azure.iothub.jenkins.CredentialsLocation;
import io.jenkins.plugins.azure.iothub.jenkins.StoreCredentialTarget;
import java.util.List;
import jenkins.model.Jenkins;
import org.springframework.security.core.Authentication;

/** Wires the Jenkins adapters for one half of a rotation, with the same credentials store rules as a renewal. */
final class BuildRotation {

    /** Which half of the rotation to run. */
    enum Half {
        PREPARE,
        FINISH
    }

    private BuildRotation() {}

    /** Must run as the build's identity: it decides which credentials the build may read and write. */
    static RotationReport perform(Run<?, ?> run, TaskListener listener, RotateKeyConfig config, Wording wording,
            Half half) throws AbortException {
        List<String> problems = config.validate(wording);
        if (!problems.isEmpty()) {
            throw new AbortException(wording.invalidRotation(problems));
        }
        Authentication buildIdentity = Jenkins.getAuthentication2();
        StoreCredentialTarget target = CredentialsLocation.forRun(run, buildIdentity, config.getCredentialsFolder(),
                IotHubKeyRenewalConfiguration.get().systemWriteOptIn(), wording.rotationOptionNames());
        listener.getLogger().println("Keys go to " + target.describe() + ", written as '" + target.writer() + "'.");
        KeyRotationService service = new KeyRotationService();
        AzureCredentialsAccess access = new AzureCredentialsAccess(run);
        return half == Half.PREPARE
                ? service.prepare(config, access, target, listener.getLogger(), wording)
                : service.finish(config, access, target, listener.getLogger(), wording);
    }
}
