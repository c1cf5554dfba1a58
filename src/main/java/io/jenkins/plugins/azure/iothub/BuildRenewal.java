package io.jenkins.plugins.azure.iothub;

import hudson.AbortException;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.azure.iothub.jenkins.AzureCredentialsAccess;
import io.jenkins.plugins.azure.iothub.jenkins.CredentialsLocation;
import io.jenkins.plugins.azure.iothub.jenkins.OptionNames;
import io.jenkins.plugins.azure.iothub.jenkins.StoreCredentialTarget;
import java.io.PrintStream;
import java.util.List;
import jenkins.model.Jenkins;

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
        PrintStream log = listener.getLogger();
        StoreCredentialTarget target = credentialTarget(run, config.getCredentialsFolder(), wording.optionNames(), log);
        RenewalReport report = new KeyRenewalService().renew(config,
                azureAccess(run, config.getAzureCredentialsId(), log), target, log);
        KeyRenewalAction.record(run, report);
        return report;
    }

    /**
     * The store this build writes, as its identity (the current thread's: call on the build's thread), logged so
     * that where keys go is never a guess.
     */
    static StoreCredentialTarget credentialTarget(Run<?, ?> run, String credentialsFolder, OptionNames options,
            PrintStream log) throws AbortException {
        StoreCredentialTarget target = CredentialsLocation.forRun(run, Jenkins.getAuthentication2(),
                credentialsFolder, IotHubKeyRenewalConfiguration.get().systemWriteOptIn(), options);
        log.println("Keys go to " + target.describe() + ", written as '" + target.writer() + "'.");
        return target;
    }

    /** Azure access with the configured credential, else the nearest folder's or the global default (logged). */
    static AzureCredentialsAccess azureAccess(Run<?, ?> run, String configuredId, PrintStream log) {
        DefaultAzureCredential fallback = configuredId == null ? DefaultAzureCredential.nearest(run.getParent()) : null;
        if (fallback != null) {
            log.println("Azure credential: '" + fallback.id() + "', the default of " + fallback.origin() + ".");
        }
        return new AzureCredentialsAccess(run, fallback == null ? null : fallback.id());
    }
}
