package io.jenkins.plugins.azure.iothub;

import hudson.AbortException;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.azure.iothub.jenkins.AzureCredentialsAccess;
import io.jenkins.plugins.azure.iothub.jenkins.CredentialsLocation;
import io.jenkins.plugins.azure.iothub.jenkins.OptionNames;
import io.jenkins.plugins.azure.iothub.jenkins.StoreCredentialTarget;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** Several policies of one hub in one hub update; every policy's report is recorded on the build page. */
    static List<RenewalReport> performPolicies(Run<?, ?> run, TaskListener listener, RenewPolicyKeysConfig config,
            Wording wording) throws AbortException {
        List<String> problems = config.validate(wording);
        if (!problems.isEmpty()) {
            throw new AbortException(wording.invalid(IotHubRenewPolicyKeysStep.FUNCTION,
                    KeyRenewalService.POLICIES_TITLE, problems));
        }
        PrintStream log = listener.getLogger();
        StoreCredentialTarget target = credentialTarget(run, config.getCredentialsFolder(), wording.optionNames(), log);
        List<RenewalReport> reports = new KeyRenewalService().renewPolicies(config,
                azureAccess(run, config.getAzureCredentialsId(), log), target, log, wording);
        reports.forEach(report -> KeyRenewalAction.record(run, report));
        return reports;
    }

    /** The map {@code iotHubRenewPolicyKeys} returns: the hub and one single renewal's map per policy. */
    static Map<String, Object> policiesMap(RenewPolicyKeysConfig config, List<RenewalReport> reports) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("hub", config.getHub());
        map.put("dryRun", config.isDryRun());
        List<Map<String, Object>> policies = new ArrayList<>();
        reports.forEach(r -> policies.add(r.toMap()));
        map.put("policies", policies);
        return map;
    }

    /** A fleet of devices and modules; the step returns the map, the build page records one summary. */
    static Map<String, Object> performFleet(Run<?, ?> run, TaskListener listener, RenewFleetKeysConfig config,
            Wording wording) throws AbortException {
        List<String> problems = config.validate(wording);
        if (!problems.isEmpty()) {
            throw new AbortException(wording.invalid(IotHubRenewFleetKeysStep.FUNCTION,
                    KeyRenewalService.FLEET_TITLE, problems));
        }
        PrintStream log = listener.getLogger();
        StoreCredentialTarget target = credentialTarget(run, config.getCredentialsFolder(), wording.optionNames(), log);
        KeyRenewalService.FleetOutcome outcome = new KeyRenewalService().renewFleet(config,
                azureAccess(run, config.getAzureCredentialsId(), log), target, log, wording,
                summary -> KeyRenewalAction.record(run, summary));
        return fleetMap(config, outcome);
    }

    /**
     * Non-secret facts of a fleet run, sized for thousands of identities: counts and where the keys went (the step
     * only returns when every identity was renewed or skipped; a failure fails the build).
     */
    static Map<String, Object> fleetMap(RenewFleetKeysConfig config, KeyRenewalService.FleetOutcome outcome) {
        FleetReport summary = outcome.summary();
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("hub", config.getHub());
        map.put("selection", config.selection());
        map.put("key", config.getKey());
        map.put("storeIn", config.getStoreIn());
        if (config.isFile()) {
            map.put("fileCredentialsId", config.fileId());
        } else {
            map.put("credentialIdPattern", summary.getCredentialIds());
        }
        if (config.getRotation() != null) {
            map.put("rotation", config.getRotation());
        }
        map.put("dryRun", config.isDryRun());
        map.put("renewed", summary.getRenewed());
        map.put("skipped", summary.getSkipped());
        map.put("failed", summary.getFailed());
        map.put("elapsedSeconds", summary.getElapsedSeconds());
        map.put("pacePerMinute", summary.getPacePerMinute());
        return map;
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
