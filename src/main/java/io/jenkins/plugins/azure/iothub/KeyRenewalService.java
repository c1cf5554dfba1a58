package io.jenkins.plugins.azure.iothub;

import hudson.AbortException;
import io.jenkins.plugins.azure.iothub.engine.FleetKeyResult;
import io.jenkins.plugins.azure.iothub.engine.IotHubKeyClient;
import io.jenkins.plugins.azure.iothub.engine.IotHubKeyException;
import io.jenkins.plugins.azure.iothub.engine.KeySlot;
import java.io.IOException;
import java.io.PrintStream;
import io.jenkins.plugins.azure.iothub.engine.IdentityId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Validate, resolve Azure access, prove the credentials may be written, renew (or only check, in a dry run),
 * verify, store, report. Every failure is an {@link AbortException} with one actionable line. The phases are the
 * same for every {@link RenewalTarget}: a policy, a device or module, several policies of a hub, a fleet.
 */
public final class KeyRenewalService {

    private static final Logger LOGGER = Logger.getLogger(KeyRenewalService.class.getName());

    /** Prefix of the description of every credential this plugin writes; marks it as ours to replace. */
    public static final String OWNERSHIP_MARKER = "Managed by Azure IoT Hub Key Renewal";

    private final Clock clock;
    private final Duration progressInterval;

    public KeyRenewalService() {
        this(Clock.systemUTC());
    }

    KeyRenewalService(Clock clock) {
        this(clock, FleetTarget.PROGRESS_INTERVAL);
    }

    KeyRenewalService(Clock clock, Duration progressInterval) {
        this.clock = clock;
        this.progressInterval = progressInterval;
    }

    /** One policy, device or module. */
    public RenewalReport renew(RenewKeyConfig config, AzureAccess access, CredentialTarget target, PrintStream log)
            throws AbortException {
        List<String> problems = config.validate();
        if (!problems.isEmpty()) {
            throw new AbortException(Wording.PIPELINE.invalidConfiguration(problems));
        }
        IotHubKeyClient client = access.clientFor(config);
        return run(RenewalTarget.of(config), client, new CredentialStorage(target), new Options(config), log)
                .get(0);
    }

    /** Several policies of one hub in one hub update; one report per policy. */
    public List<RenewalReport> renewPolicies(RenewPolicyKeysConfig config, AzureAccess access,
            CredentialTarget target, PrintStream log, Wording w) throws AbortException {
        List<String> problems = config.validate(w);
        if (!problems.isEmpty()) {
            throw new AbortException(w.invalid(IotHubRenewPolicyKeysStep.FUNCTION, POLICIES_TITLE, problems));
        }
        List<RenewKeyConfig> members = config.members();
        IotHubKeyClient client = access.clientFor(members.get(0));
        return run(new PolicySetTarget(members), client, new CredentialStorage(target),
                new Options(config.isDryRun(), config.isVerify(), false, true), log);
    }

    /**
     * Many devices and modules of one hub at the registry's pace; each batch is stored before the next is sent, and
     * a rerun of the same {@code rotation} skips what an earlier run stored.
     */
    public FleetOutcome renewFleet(RenewFleetKeysConfig config, AzureAccess access, CredentialTarget target,
            PrintStream log, Wording w) throws AbortException {
        return renewFleet(config, access, target, log, w, summary -> {});
    }

    /**
     * As above; {@code record} receives the run's one summary once Azure was asked, also when the run then fails
     * (the build page shows it either way).
     */
    public FleetOutcome renewFleet(RenewFleetKeysConfig config, AzureAccess access, CredentialTarget target,
            PrintStream log, Wording w, Consumer<FleetReport> record) throws AbortException {
        List<String> problems = config.validate(w);
        if (!problems.isEmpty()) {
            throw new AbortException(w.invalid(IotHubRenewFleetKeysStep.FUNCTION, FLEET_TITLE, problems));
        }
        IotHubKeyClient client = access.clientFor(config.single(config.getKey()));
        List<RenewKeyConfig> members = new ArrayList<>();
        config.identities().forEach(id -> members.add(config.member(id)));
        Set<IdentityId> alreadyRenewed;
        KeyStorage storage;
        if (config.isFile()) {
            FileStorage file = new FileStorage(target, config);
            file.checkWritable(members);
            alreadyRenewed = file.alreadyRenewed();
            storage = file;
        } else {
            CredentialStorage credentials = new CredentialStorage(target, config.getRotation());
            credentials.checkWritable(members);
            alreadyRenewed = credentials.alreadyRenewed(config);
            storage = credentials;
        }
        FleetTarget fleet = new FleetTarget(config, alreadyRenewed, log, progressInterval);
        Instant start = clock.instant();
        AtomicInteger stored = new AtomicInteger();
        List<RenewalReport> reports;
        try {
            reports = run(fleet, client, storage, new Options(config.isDryRun(), false, true, false), log,
                    report -> stored.incrementAndGet());
        } catch (AbortException e) {
            record.accept(summary(config, fleet, storage, start, stored.get(), null, e.getMessage()));
            throw e;
        }
        String hostName = reports.isEmpty() ? null : reports.get(0).getHostName();
        FleetReport summary = summary(config, fleet, storage, start, stored.get(), hostName, null);
        record.accept(summary);
        return new FleetOutcome(reports, fleet.result() == null ? List.of() : fleet.result().skipped(),
                storage.describe(), summary);
    }

    /** Counts from the engine's result when it finished; otherwise what was stored before the run ended. */
    private FleetReport summary(RenewFleetKeysConfig config, FleetTarget fleet, KeyStorage storage, Instant start,
            int stored, String hostName, String failure) {
        FleetReport.Builder summary = FleetReport.builder(config, storage.describe()).renewed(stored)
                .hostName(hostName).outcome(failure).at(clock.instant())
                .elapsed(Duration.between(start, clock.instant()));
        FleetKeyResult result = fleet.result();
        if (result != null) {
            summary.hostName(result.hub().hostName()).skipped(result.skipped().size()).failures(result.failed())
                    .pace(result.registryOperations(), result.pacePerMinute()).elapsed(result.elapsed());
        }
        return summary.build();
    }

    /**
     * What a fleet run stored (one report per identity), which identities it skipped as already renewed, and the
     * summary recorded on the build page.
     */
    public record FleetOutcome(List<RenewalReport> reports, List<IdentityId> skipped, String storeDescription,
            FleetReport summary) {}

    static final String FLEET_TITLE = "Azure IoT Hub key renewal of a fleet";

    static final String POLICIES_TITLE = "Azure IoT Hub key renewal of several policies";

    /** How a run treats its members; a fleet stops at the first batch it cannot store. */
    /**
     * @param stopWhenNotStored a fleet ends at the first batch it cannot store
     * @param linePerMember whether each member's new keys get their own log line (a fleet has a table instead)
     */
    record Options(boolean dryRun, boolean verify, boolean stopWhenNotStored, boolean linePerMember) {
        Options(RenewKeyConfig config) {
            this(config.isDryRun(), config.isVerify(), false, true);
        }
    }

    /**
     * The phases every target shares.
     *
     * @return one report per member, in the order Azure renewed them
     */
    List<RenewalReport> run(RenewalTarget target, IotHubKeyClient client, KeyStorage storage, Options options,
            PrintStream log) throws AbortException {
        return run(target, client, storage, options, log, report -> {});
    }

    /** @param onStored called for each member once all its keys are stored, also when the run fails later */
    List<RenewalReport> run(RenewalTarget target, IotHubKeyClient client, KeyStorage storage, Options options,
            PrintStream log, Consumer<RenewalReport> onStored) throws AbortException {
        storage.checkWritable(target.members());
        if (options.dryRun()) {
            return dryRun(target, client, storage, log);
        }
        log.println("Renewing " + target.keyPhrase() + " " + target.describe() + "...");
        Ledger ledger = new Ledger(target, storage, options, log, onStored);
        try {
            target.renew(client, ledger::accept);
        } catch (RenewalTarget.Incomplete e) {
            ledger.failIncomplete(e);
        } catch (IotHubKeyException e) {
            ledger.failRenewal(e);
        } catch (IOException e) {
            // the ledger stopped the run: a batch could not be stored; its failure is reported below
        } catch (RuntimeException e) {
            ledger.failUnexpected(e);
        }
        return ledger.finish();
    }

    private List<RenewalReport> dryRun(RenewalTarget target, IotHubKeyClient client, KeyStorage storage,
            PrintStream log) throws AbortException {
        String hostName;
        try {
            hostName = target.check(client);
        } catch (IotHubKeyException e) {
            throw new AbortException("Dry run: " + e.getMessage());
        } catch (RuntimeException e) {
            throw unexpected(target, "checking", e, List.of(), storage);
        }
        Set<String> ids = new LinkedHashSet<>();
        target.members().forEach(m -> ids.addAll(storage.ids(m).values()));
        log.println("Dry run: " + target.describe() + " exists and " + target.itsKeys() + " can be renewed; it would be"
                + " stored in " + planned(ids) + " in " + storage.describe() + ". Nothing was changed.");
        List<RenewalReport> reports = new ArrayList<>();
        for (RenewKeyConfig member : target.members()) {
            List<RenewalReport.StoredCredential> planned = new ArrayList<>();
            storage.ids(member).forEach(
                    (slot, id) -> planned.add(new RenewalReport.StoredCredential(slot, id, "planned", null)));
            reports.add(new RenewalReport(member, hostName, storage.describe(), false, clock.instant(), planned));
        }
        return reports;
    }

    /** What each batch did, and the one line the run ends with when anything is not in order. */
    private final class Ledger {
        private final RenewalTarget target;
        private final KeyStorage storage;
        private final Options options;
        private final PrintStream log;
        private final Consumer<RenewalReport> onStored;
        private final Map<RenewKeyConfig, RenewalReport> reports = new LinkedHashMap<>();
        private final Map<RenewKeyConfig, Map<KeySlot, String>> notStored = new LinkedHashMap<>();
        private final Map<RenewKeyConfig, String> verifyFailures = new LinkedHashMap<>();
        private final List<RenewKeyConfig> verified = new ArrayList<>();
        private String storeReason;
        private boolean aborted;
        private AbortException failure;

        Ledger(RenewalTarget target, KeyStorage storage, Options options, PrintStream log,
                Consumer<RenewalReport> onStored) {
            this.target = target;
            this.storage = storage;
            this.options = options;
            this.log = log;
            this.onStored = onStored;
        }

        void accept(Map<RenewKeyConfig, RenewedKeys> batch) throws IOException {
            for (Map.Entry<RenewKeyConfig, RenewedKeys> e : batch.entrySet()) {
                RenewKeyConfig member = e.getKey();
                RenewedKeys keys = e.getValue();
                for (KeySlot slot : options.linePerMember() ? member.storedSlots() : List.<KeySlot>of()) {
                    log.println("Azure now holds a new " + slotName(slot) + " key (fingerprint "
                            + keys.key(slot).fingerprint() + ", " + keys.origin().describe() + ") for "
                            + member.describeTarget() + ".");
                }
                if (!keys.otherChanges().isEmpty()) {
                    log.println("Note: right after the new keys were written, something else changed "
                            + String.join(", ", keys.otherChanges()) + " of " + member.describeTarget()
                            + "; the new keys are in place, check that the other change was intended.");
                }
            }
            // Azure holds the new keys now: an abort from here on must not stop them from reaching the credentials.
            aborted |= Thread.interrupted();
            for (Map.Entry<RenewKeyConfig, RenewedKeys> e : batch.entrySet()) {
                if (options.verify() && e.getValue().verifiable() && !aborted) {
                    String problem = verify(e.getKey(), e.getValue());
                    if (problem == null) {
                        verified.add(e.getKey());
                    } else {
                        verifyFailures.put(e.getKey(), problem);
                    }
                }
            }
            aborted |= Thread.interrupted();
            KeyStorage.Stored stored;
            try {
                stored = storage.store(batch, log, options.linePerMember());
            } finally {
                if (aborted) {
                    Thread.currentThread().interrupt();
                }
            }
            stored.stored().forEach((member, credentials) -> {
                RenewalReport report = new RenewalReport(member, batch.get(member).hostName(), storage.describe(),
                        verified.contains(member), clock.instant(), credentials);
                reports.put(member, report);
                if (!stored.failed().containsKey(member)) {
                    onStored.accept(report); // every key of the member reached its credential
                }
            });
            notStored.putAll(stored.failed());
            if (storeReason == null) {
                storeReason = stored.firstReason();
            }
            if (!stored.failed().isEmpty() && options.stopWhenNotStored()) {
                // ends the renewal before Azure renews keys Jenkins cannot keep; the line says what was not stored
                throw new IOException();
            }
        }

        void failRenewal(IotHubKeyException e) {
            List<RenewKeyConfig> pending = pending();
            if (!e.keyMayHaveChanged()) {
                failure = new AbortException(e.getMessage());
                return;
            }
            Set<String> ids = new LinkedHashSet<>();
            pending.forEach(m -> ids.addAll(storage.ids(m).values()));
            failure = new AbortException(e.getMessage() + " Azure may already hold " + newKeys(pending)
                    + " that Jenkins does not know; credential(s) " + firstOf(ids) + " were not changed. "
                    + recovery(pending));
        }

        void failIncomplete(RenewalTarget.Incomplete e) {
            StringBuilder line = new StringBuilder(e.getMessage());
            if (!reports.isEmpty()) {
                Set<String> ids = new LinkedHashSet<>();
                reports.values().forEach(r -> r.getCredentials().forEach(c -> ids.add(c.getCredentialsId())));
                line.append(" Stored the new keys Azure holds in credential(s) ").append(firstOf(ids)).append('.');
            }
            if (!e.unknown.isEmpty()) {
                line.append(" Azure may hold new keys for ").append(describeAll(e.unknown))
                        .append(" that Jenkins does not know. ").append(recovery(e.unknown));
            }
            failure = new AbortException(line.toString());
        }

        void failUnexpected(RuntimeException e) {
            failure = unexpected(target, "renewing", e, pending(), storage);
        }

        /** Members this run knows of whose keys have not reached a credential. */
        private List<RenewKeyConfig> pending() {
            List<RenewKeyConfig> pending = new ArrayList<>(target.members());
            pending.removeAll(reports.keySet());
            return pending;
        }

        List<RenewalReport> finish() throws AbortException {
            if (!notStored.isEmpty()) {
                Set<String> stored = new LinkedHashSet<>();
                reports.values().forEach(r -> r.getCredentials().forEach(c -> stored.add(c.getCredentialsId())));
                Set<String> failed = new LinkedHashSet<>();
                notStored.values().forEach(ids -> failed.addAll(ids.values()));
                throw new AbortException("Azure renewed " + keys(new ArrayList<>(notStored.keySet()))
                        + ", but Jenkins could not store it in credential(s) " + firstOf(failed) + " ("
                        + storeReason + "); do not rely on " + (failed.size() == 1 ? "that credential" : "them")
                        + ": it may hold the OLD key, or the new one only until Jenkins restarts"
                        + (stored.isEmpty() ? "" : " (stored fine: " + firstOf(stored) + ")") + ". "
                        + recovery(new ArrayList<>(notStored.keySet()))
                        + (failure == null ? "" : " " + failure.getMessage()));
            }
            if (failure != null) {
                throw failure;
            }
            Set<String> ids = new LinkedHashSet<>();
            reports.values().forEach(r -> r.getCredentials().forEach(c -> ids.add(c.getCredentialsId())));
            if (aborted) {
                boolean allVerified = options.verify() && verifyFailures.isEmpty()
                        && verified.size() == reports.size();
                throw new AbortException("Aborted after Azure renewed " + keys(new ArrayList<>(reports.keySet()))
                        + "; the new key was stored in credential(s) " + firstOf(ids)
                        + " before stopping, so Jenkins and Azure agree" + (allVerified ? "" : " (it was not verified)")
                        + ".");
            }
            if (!verifyFailures.isEmpty()) {
                StringBuilder line = new StringBuilder();
                verifyFailures.forEach((member, problem) -> line.append(line.length() == 0 ? "" : " ")
                        .append("The new key of ").append(member.describeTarget()).append(" was stored in credential(s) ")
                        .append(quoted(storage.ids(member).values())).append(", but verifying it ")
                        .append(target.verificationMethod()).append(" failed: ").append(problem));
                throw new AbortException(line.toString());
            }
            for (RenewKeyConfig member : reports.keySet()) {
                if (verified.contains(member)) {
                    log.println("Verified the new key(s) of " + member.describeTarget() + " "
                            + target.verificationMethod() + ".");
                } else if (options.verify()) {
                    // The default 'device' policy only has DeviceConnect: failing its renewal over this would be worse.
                    log.println("Not verified: " + member.describeTarget() + " only has DeviceConnect rights, which no"
                            + " service-side read accepts; the new key was stored without that check.");
                }
            }
            return new ArrayList<>(reports.values());
        }

        private String verify(RenewKeyConfig member, RenewedKeys keys) {
            try {
                for (KeySlot slot : member.storedSlots()) {
                    keys.verifier().verify(slot);
                }
                return null;
            } catch (IotHubKeyException e) {
                return e.getMessage();
            } catch (RuntimeException e) {
                LOGGER.log(Level.WARNING, "Unexpected failure verifying the new key of " + member.describeTarget(),
                        Redaction.redactedCopy(e, keys, member.storedSlots()));
                return "unexpected " + e.getClass().getSimpleName() + " (details in the Jenkins system log)";
            }
        }

        /** {@code the primary key of policy 'p' on hub 'h'}, or the members' list for several. */
        private String keys(List<RenewKeyConfig> members) {
            if (members.size() == 1) {
                return "the " + members.get(0).getKey() + " key of " + members.get(0).describeTarget();
            }
            return "the keys of " + describeAll(members);
        }

        private String newKeys(List<RenewKeyConfig> members) {
            return members.size() == 1 ? "a new " + members.get(0).getKey() + " key"
                    : "new keys for " + describeAll(members);
        }

        private String recovery(List<RenewKeyConfig> members) {
            return KeyRenewalService.recovery(members, storage);
        }
    }

    /** The credentials a dry run names: all of a few, the first ten of many, or none known yet (a condition). */
    private static String planned(Set<String> ids) {
        if (ids.isEmpty()) {
            return "the credentials of the identities Azure selects (ids as the run names them)";
        }
        return "credential(s) " + firstOf(ids);
    }

    /** How many names a one-line failure lists; a fleet's table in the log names every identity. */
    private static final int NAMED_IN_LINE = 10;
    /** How many recovery commands a one-line failure gives; the others follow the same pattern. */
    private static final int RECOVERIES_IN_LINE = 3;

    private static String describeAll(List<RenewKeyConfig> members) {
        List<String> names = new ArrayList<>();
        members.stream().limit(NAMED_IN_LINE).forEach(m -> names.add(m.describeTarget()));
        return String.join("; ", names) + (members.size() > NAMED_IN_LINE
                ? " and " + (members.size() - NAMED_IN_LINE) + " more" : "");
    }

    /** Quoted ids, at most {@link #NAMED_IN_LINE}. */
    static String firstOf(Set<String> ids) {
        List<String> first = new ArrayList<>(ids).subList(0, Math.min(NAMED_IN_LINE, ids.size()));
        return quoted(first) + (ids.size() > first.size() ? " and " + (ids.size() - first.size()) + " more" : "");
    }

    private static String recovery(List<RenewKeyConfig> members, KeyStorage storage) {
        StringBuilder out = new StringBuilder();
        members.stream().limit(RECOVERIES_IN_LINE).forEach(member ->
                out.append(out.length() == 0 ? "" : " ").append(storage.recovery(member)));
        if (members.size() > RECOVERIES_IN_LINE) {
            out.append(" Likewise for the other ").append(members.size() - RECOVERIES_IN_LINE).append('.');
        }
        return out.toString();
    }

    /** Ends with {@code " of " + config.describeTarget()}: that is how a later run recognises whose credential it is. */
    static String description(RenewKeyConfig config, KeySlot slot, boolean connectionString) {
        return description(config, slot, connectionString, null);
    }

    /** With a fleet's rotation label, which {@link CredentialOwner} accepts and a rerun of that rotation reads. */
    static String description(RenewKeyConfig config, KeySlot slot, boolean connectionString, String rotation) {
        return OWNERSHIP_MARKER + ": " + slotName(slot) + (connectionString ? " connection string" : " key")
                + (rotation == null ? "" : " (fleet rotation '" + rotation + "')") + " of " + config.describeTarget();
    }

    private static AbortException unexpected(RenewalTarget target, String action, RuntimeException e,
            List<RenewKeyConfig> pending, KeyStorage storage) {
        // The stack trace goes to the Jenkins system log only; the build log gets one line.
        LOGGER.log(Level.WARNING, "Unexpected failure " + action + " " + target.describe(), e);
        String line = "Unexpected " + e.getClass().getSimpleName() + " while " + action + " " + target.keyPhrase()
                + " " + target.describe() + " (details in the Jenkins system log).";
        if (!pending.isEmpty()) {
            Set<String> ids = new LinkedHashSet<>();
            pending.forEach(member -> ids.addAll(storage.ids(member).values()));
            line += " Azure may already hold a new key; credential(s) " + firstOf(ids) + " were not changed. "
                    + recovery(pending, storage);
        }
        return new AbortException(line);
    }

    static String slotName(KeySlot slot) {
        return slot.name().toLowerCase(Locale.ROOT);
    }

    static String quoted(Iterable<String> ids) {
        StringBuilder out = new StringBuilder();
        for (String id : ids) {
            out.append(out.length() == 0 ? "" : ", ").append('\'').append(id).append('\'');
        }
        return out.toString();
    }
}
