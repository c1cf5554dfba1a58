package io.jenkins.plugins.azure.iothub;

import static io.jenkins.plugins.azure.iothub.KeyRenewalService.slotName;
import static io.jenkins.plugins.azure.iothub.RotationPhase.other;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import io.jenkins.plugins.azure.iothub.engine.CurrentKeys;
import io.jenkins.plugins.azure.iothub.engine.IotHubKeyClient;
import io.jenkins.plugins.azure.iothub.engine.IotHubKeyException;
import io.jenkins.plugins.azure.iothub.engine.KeyMaterial;
import io.jenkins.plugins.azure.iothub.engine.KeySlot;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A zero-downtime rotation in two halves around the hand-over to consumers. The stable credential always holds the
 * key consumers should use, and neither half ever renews the slot that credential holds:
 * <ul>
 *   <li>{@link #prepare}: renew the other (unused) slot, verify it, and write it to the credential, recording the
 *       phase {@link RotationPhase#HANDING_OVER}; when that phase is already recorded, renew nothing (resume);</li>
 *   <li>{@link #finish}: once consumers use the credential's key, renew the slot they left and record
 *       {@link RotationPhase#COMPLETE}.</li>
 * </ul>
 * Which slot the credential holds is learnt by comparing its value with Azure's keys (constant time), never printed.
 */
public final class KeyRotationService {

    private static final Logger LOGGER = Logger.getLogger(KeyRotationService.class.getName());

    /** What the stable credential and Azure hold now. {@code stored} is null before the first rotation. */
    private record Situation(RotateKeyConfig config, IotHubKeyClient client, CredentialOwner owner, String id,
            CredentialTarget.Stored stored, CurrentKeys keys, KeySlot held, RotationPhase phase) {}

    /** The scope of {@link #KeyRotationService()}: every half of this JVM. */
    private static final Object JVM = new Object();

    /** Whose halves must not overlap: the Jenkins controller the builds run in. */
    private final Object scope;
    /** How long a half waits for another half rotating the same credential; null: the rotation's time budget. */
    private final Duration lockWait;

    public KeyRotationService() {
        this(JVM, null);
    }

    /** @param scope the controller (the Jenkins instance), compared by identity */
    KeyRotationService(Object scope) {
        this(scope, null);
    }

    KeyRotationService(Object scope, @CheckForNull Duration lockWait) {
        this.scope = scope;
        this.lockWait = lockWait;
    }

    /** The first half, naming options as the Pipeline step does; in a dry run, only reports. */
    public RotationReport prepare(RotateKeyConfig config, AzureAccess access, CredentialTarget target,
            PrintStream log) throws AbortException {
        return prepare(config, access, target, log, Wording.PIPELINE);
    }

    /** The second half, naming options as the Pipeline step does; in a dry run, only reports. */
    public RotationReport finish(RotateKeyConfig config, AzureAccess access, CredentialTarget target,
            PrintStream log) throws AbortException {
        return finish(config, access, target, log, Wording.PIPELINE);
    }

    /** The first half; in a dry run, only reports. */
    RotationReport prepare(RotateKeyConfig config, AzureAccess access, CredentialTarget target, PrintStream log,
            Wording w) throws AbortException {
        return alone(config, target, log, w, () -> prepareAlone(config, access, target, log, w));
    }

    /** The second half: consumers use the credential's key now, so the key they left is renewed. */
    RotationReport finish(RotateKeyConfig config, AzureAccess access, CredentialTarget target, PrintStream log,
            Wording w) throws AbortException {
        return alone(config, target, log, w, () -> finishAlone(config, access, target, log, w));
    }

    private interface Half {
        RotationReport run() throws AbortException;
    }

    /** Runs a half while no other half rotates the same stable credential in this Jenkins; a dry run only reads. */
    private RotationReport alone(RotateKeyConfig config, CredentialTarget target, PrintStream log, Wording w,
            Half half) throws AbortException {
        List<String> problems = config.validate(w);
        if (!problems.isEmpty()) {
            throw new AbortException(w.invalidRotation(problems));
        }
        if (config.isDryRun()) {
            return half.run();
        }
        Duration wait = lockWait != null ? lockWait : Duration.ofSeconds(config.getTimeoutSeconds());
        try (RotationLocks.Held ignored = RotationLocks.hold(scope, target.describe(), config.stableCredentialId(),
                config.describeTarget(), wait, log)) {
            return half.run();
        }
    }

    private RotationReport prepareAlone(RotateKeyConfig config, AzureAccess access, CredentialTarget target,
            PrintStream log, Wording w) throws AbortException {
        Situation now = look(config, access, target, w);
        if (config.isDryRun()) {
            return dryRun(now, target, log, RotationReport.PREPARE);
        }
        if (now.phase == RotationPhase.HANDING_OVER) {
            log.println("Credential '" + now.id + "' already holds the new " + slotName(now.held) + " key of "
                    + config.describeTarget() + " (fingerprint " + now.keys.fingerprint(now.held) + ") from an"
                    + " earlier run, and the " + slotName(other(now.held)) + " key is still valid: resuming at the"
                    + " hand-over, nothing is renewed now.");
            return report(now, target, RotationReport.PREPARE, null, now.phase, now.held, null);
        }
        KeySlot next = other(now.held);
        log.println("Rotating " + config.describeTarget() + ": consumers use the " + slotName(now.held) + " key"
                + " (fingerprint " + now.keys.fingerprint(now.held) + "); renewing the unused " + slotName(next)
                + " key...");
        Renewed renewed = renew(now, next);
        log.println("Azure now holds a new " + slotName(next) + " key (fingerprint " + renewed.key.fingerprint()
                + ") for " + config.describeTarget() + ".");
        if (Thread.interrupted()) {
            Thread.currentThread().interrupt();
            throw new AbortException("Aborted after Azure renewed the unused " + slotName(next) + " key of "
                    + config.describeTarget() + "; it was not handed over, so credential '" + now.id + "' still"
                    + " holds the " + slotName(now.held) + " key consumers use and nothing breaks. Run the"
                    + " rotation again.");
        }
        verify(now, next, renewed, log);
        try {
            target.write(now.id, now.owner, RotationPhase.HANDING_OVER.description(config, next), renewed.value);
        } catch (Exception e) { // IOException, AccessDeniedException or any store failure
            LOGGER.log(Level.FINE, "Storing credential " + now.id + " failed", renewed.redacted(e));
            throw new AbortException("Azure renewed the unused " + slotName(next) + " key of "
                    + config.describeTarget() + ", but Jenkins could not hand it over in credential '" + now.id
                    + "' (" + renewed.redact(String.valueOf(e.getMessage())) + "); nothing breaks: the credential"
                    + " still holds the " + slotName(now.held) + " key consumers use. Run the rotation again.");
        }
        log.println("Handed over: credential '" + now.id + "' in " + target.describe() + " now holds the new "
                + slotName(next) + " key; the " + slotName(now.held) + " key stays valid until consumers have"
                + " moved and the rotation finishes.");
        return report(now, target, RotationReport.PREPARE, next, RotationPhase.HANDING_OVER, next, renewed.key);
    }

    private RotationReport finishAlone(RotateKeyConfig config, AzureAccess access, CredentialTarget target,
            PrintStream log, Wording w) throws AbortException {
        Situation now = look(config, access, target, w);
        if (config.isDryRun()) {
            return dryRun(now, target, log, RotationReport.FINISH);
        }
        if (now.phase != RotationPhase.HANDING_OVER || now.stored == null) {
            log.println("Nothing to finish for " + config.describeTarget() + ": credential '" + now.id + "' holds"
                    + " the " + slotName(now.held) + " key and no hand-over is open.");
            return report(now, target, RotationReport.FINISH, null, now.phase, now.held, null);
        }
        KeySlot left = other(now.held);
        log.println("Consumers use the " + slotName(now.held) + " key from credential '" + now.id + "'; renewing"
                + " the " + slotName(left) + " key they left...");
        Renewed renewed = renew(now, left);
        // Azure has revoked the old key: record that even if the build is being aborted, so no rerun renews it twice.
        boolean aborted = Thread.interrupted();
        try {
            target.write(now.id, now.owner, RotationPhase.COMPLETE.description(config, now.held),
                    now.stored.secret());
        } catch (Exception e) {
            LOGGER.log(Level.FINE, "Recording the end of the rotation in " + now.id + " failed", renewed.redacted(e));
            throw new AbortException("Azure renewed the " + slotName(left) + " key of " + config.describeTarget()
                    + ", which consumers left, but Jenkins could not record that in credential '" + now.id + "' ("
                    + renewed.redact(String.valueOf(e.getMessage())) + "); nothing breaks: the credential still"
                    + " holds the " + slotName(now.held) + " key consumers use. Run the finish again (it renews"
                    + " the unused key once more).");
        } finally {
            if (aborted) {
                Thread.currentThread().interrupt();
            }
        }
        log.println("Renewed the " + slotName(left) + " key of " + config.describeTarget() + " that consumers"
                + " left (new fingerprint " + renewed.key.fingerprint() + "): the old key no longer works."
                + " Credential '" + now.id + "' keeps the " + slotName(now.held) + " key; rotation complete.");
        return report(now, target, RotationReport.FINISH, left, RotationPhase.COMPLETE, now.held, renewed.key);
    }

    private Situation look(RotateKeyConfig config, AzureAccess access, CredentialTarget target, Wording w)
            throws AbortException {
        RenewKeyConfig reading = config.renewal(KeySlot.PRIMARY);
        IotHubKeyClient client = access.clientFor(reading);
        String id = config.stableCredentialId();
        CredentialOwner owner = CredentialOwner.of(reading);
        target.checkWritable(List.of(id), owner);
        CredentialTarget.Stored stored = target.read(id, owner);
        CurrentKeys keys;
        try {
            keys = RenewalTarget.of(reading).currentKeys(client);
        } catch (IotHubKeyException e) {
            throw new AbortException(e.getMessage() + " Nothing was changed.");
        }
        if (stored == null) {
            KeySlot inUse = config.inUseSlot();
            if (inUse == null) {
                throw new AbortException("Credential '" + id + "' does not exist yet in " + target.describe()
                        + ", so which key of " + config.describeTarget() + " consumers use is not known: run the"
                        + " first rotation with " + w.subject("inUse", "primary") + " or 'secondary', the key they"
                        + " use today. Nothing was changed.");
            }
            return new Situation(config, client, owner, id, null, keys, inUse, RotationPhase.COMPLETE);
        }
        KeySlot held = keys.slotHolding(keyIn(stored.secret()));
        if (held == null) {
            throw new AbortException("Credential '" + id + "' holds neither key of " + config.describeTarget()
                    + " (its key: " + keyIn(stored.secret()).fingerprint() + "; Azure: primary "
                    + keys.fingerprint(KeySlot.PRIMARY) + ", secondary " + keys.fingerprint(KeySlot.SECONDARY)
                    + "): a key was changed outside this rotation. Nothing was changed; put the key consumers use"
                    + " into the credential, e.g. '" + id + "' <- `" + Recovery.command(reading, KeySlot.PRIMARY)
                    + "` (or the secondary key), then run again.");
        }
        return new Situation(config, client, owner, id, stored, keys, held, RotationPhase.of(stored.description()));
    }

    /** The key inside a stored value: a bare key, or the {@code SharedAccessKey} of a connection string. */
    static KeyMaterial keyIn(KeyMaterial stored) {
        String value = stored.reveal();
        int at = value.indexOf("SharedAccessKey=");
        if (at < 0) {
            return stored;
        }
        int end = value.indexOf(';', at);
        return KeyMaterial.of(value.substring(at + "SharedAccessKey=".length(), end < 0 ? value.length() : end));
    }

    private RotationReport dryRun(Situation now, CredentialTarget target, PrintStream log, String half) {
        String held = slotName(now.held);
        String other = slotName(other(now.held));
        String next;
        if (now.stored == null) {
            next = "The first rotation would renew the " + other + " key (consumers use the " + held
                    + " key, as inUse says) and create the credential with it.";
        } else if (now.phase == RotationPhase.COMPLETE) {
            next = "A rotation would renew the unused " + other + " key, hand it over in the credential, and after"
                    + " the hand-over renew the " + held + " key.";
        } else {
            next = "A rotation would resume at the hand-over and then renew the " + other + " key, which consumers"
                    + " are leaving.";
        }
        log.println("Dry run: credential '" + now.id + "' in " + target.describe() + " " + (now.stored == null
                ? "does not exist yet" : "holds the " + held + " key") + " of " + now.config.describeTarget()
                + "; Azure: primary " + now.keys.fingerprint(KeySlot.PRIMARY) + ", secondary "
                + now.keys.fingerprint(KeySlot.SECONDARY) + "; phase: " + now.phase.label() + ". " + next
                + " Nothing was changed.");
        return report(now, target, half, null, now.phase, now.held, null);
    }

    /** A new key in one slot, with the value the credential would receive. */
    private record Renewed(KeySlot slot, KeyMaterial key, KeyMaterial value, Runnable verifier) {
        String redact(String message) {
            return Redaction.redact(message, keys(), List.of(slot));
        }

        Throwable redacted(Throwable e) {
            return Redaction.redactedCopy(e, keys(), List.of(slot));
        }

        private RenewedKeys keys() {
            return new RenewedKeys(null, s -> key, s -> value, null, null, List.of());
        }
    }

    private Renewed renew(Situation now, KeySlot slot) throws AbortException {
        RenewKeyConfig renewal = now.config.renewal(slot);
        boolean connectionString = RenewKeyConfig.STORE_CONNECTION_STRING.equals(renewal.getStore());
        try {
            RenewedKeys keys = RenewalTarget.of(renewal).renewOne(now.client);
            return new Renewed(slot, keys.key(slot), connectionString ? keys.connectionString(slot) : keys.key(slot),
                    keys.verifiable() ? () -> keys.verifier().verify(slot) : null);
        } catch (IotHubKeyException | IllegalStateException e) { // IllegalStateException: no key in Azure's answer
            throw new AbortException(e.getMessage() + " Consumers are unaffected: credential '" + now.id
                    + "' holds the " + slotName(now.held) + " key, which this rotation does not renew. Run it"
                    + " again.");
        }
    }

    private void verify(Situation now, KeySlot slot, Renewed renewed, PrintStream log) throws AbortException {
        if (!now.config.isVerify()) {
            return;
        }
        if (renewed.verifier == null) {
            log.println("Not verified: " + now.config.describeTarget() + " only has DeviceConnect rights, which no"
                    + " service-side read accepts; the new key is handed over without that check.");
            return;
        }
        try {
            renewed.verifier.run();
        } catch (IotHubKeyException e) {
            throw new AbortException("The new " + slotName(slot) + " key of " + now.config.describeTarget()
                    + " failed verification (" + e.getMessage() + "), so it was not handed over: credential '"
                    + now.id + "' still holds the " + slotName(now.held) + " key consumers use. Run the rotation"
                    + " again.");
        }
        log.println("Verified the new " + slotName(slot) + " key of " + now.config.describeTarget() + ".");
    }

    private static RotationReport report(Situation now, CredentialTarget target, String half,
            @CheckForNull KeySlot renewed, RotationPhase phase, KeySlot held, @CheckForNull KeyMaterial newKey) {
        Map<KeySlot, String> fingerprints = new EnumMap<>(KeySlot.class);
        for (KeySlot slot : KeySlot.values()) {
            fingerprints.put(slot, slot == renewed ? newKey.fingerprint() : now.keys.fingerprint(slot));
        }
        return new RotationReport(now.config, now.keys.hostName(), target.describe(), now.id, half,
                now.stored == null ? null : now.phase, phase, held, renewed, fingerprints, Instant.now());
    }
}
