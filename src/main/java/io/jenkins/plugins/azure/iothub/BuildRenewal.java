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

/** Wires the Jenkins adapters for one build and records the result on the build page. */
final class BuildRenewal {

    private BuildRenewal() {}

    /**
     * Must run on the build's thread: the build's identity decides which credentials it may write.
     *
     * @param wording Pipeline argument names for the step, form labels for the freestyle step
     */
    static RenewalReport perform(Run<?, ?> run, TaskListener listener, RenewKeyConfig config, Wording wording)
            throws AbortException {
        List<String> problems = config.validate(wording);
        if (!problems.isEmpty()) {
            throw new AbortException(wording.invalidConfiguration(problems));
        }
        Authentication buildIdentity = Jenkins.getAuthentication2();
        StoreCredentialTarget target = CredentialsLocation.forRun(run, buildIdentity, config.getCredentialsFolder(),
                IotHubKeyRenewalConfiguration.get().systemWriteOptIn(), wording.optionNames());
        listener.getLogger().println("Keys go to " + target.describe() + ", written as '" + target.writer() + "'.");
        DefaultAzureCredential fallback =
                config.getAzureCredentialsId() == null ? DefaultAzureCredential.nearest(run.getParent()) : null;
        if (fallback != null) {
            listener.getLogger().println("Azure credential: '" + fallback.id() + "', the default of "
                    + fallback.origin() + ".");
        }
        RenewalReport report = new KeyRenewalService().renew(config,
                new AzureCredentialsAccess(run, fallback == null ? null : fallback.id()), target, listener.getLogger());
        KeyRenewalAction.record(run, report);
        return report;
    }
}
