package io.jenkins.plugins.azure.iothub;

import hudson.AbortException;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.azure.iothub.jenkins.AzureCredentialsAccess;
import io.jenkins.plugins.azure.iothub.jenkins.StoreCredentialTarget;
import java.io.PrintStream;
import java.util.List;
import jenkins.model.Jenkins;

/**
 * Wires the Jenkins adapters for one half of a rotation, with the same credentials store rules as a renewal, and
 * records the half on the build page.
 */
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
        PrintStream log = listener.getLogger();
        StoreCredentialTarget target = BuildRenewal.credentialTarget(run, config.getCredentialsFolder(),
                wording.rotationOptionNames(), log);
        KeyRotationService service = new KeyRotationService(Jenkins.get()); // halves of one controller never overlap
        AzureCredentialsAccess access = BuildRenewal.azureAccess(run, config.getAzureCredentialsId(), log);
        RotationReport report = half == Half.PREPARE
                ? service.prepare(config, access, target, log, wording)
                : service.finish(config, access, target, log, wording);
        KeyRenewalAction.record(run, report);
        return report;
    }
}
