package io.jenkins.plugins.azure.iothub;

import hudson.AbortException;
import io.jenkins.plugins.azure.iothub.engine.DataPlaneAuth;
import io.jenkins.plugins.azure.iothub.engine.IdentityKeyRequest;
import io.jenkins.plugins.azure.iothub.engine.IdentityKeyResult;
import io.jenkins.plugins.azure.iothub.engine.IotHubKeyClient;
import io.jenkins.plugins.azure.iothub.engine.IotHubKeyException;
import io.jenkins.plugins.azure.iothub.engine.KeyMaterial;
import io.jenkins.plugins.azure.iothub.engine.KeySlot;
import io.jenkins.plugins.azure.iothub.engine.KeyType;
import io.jenkins.plugins.azure.iothub.engine.PolicyKeyRequest;
import io.jenkins.plugins.azure.iothub.engine.PolicyKeyResult;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Validate, resolve Azure access, prove the credentials may be written, renew (or only check, in a dry run),
 * verify, store, report. Every failure is an {@link AbortException} with one actionable line.
 */
public final class KeyRenewalService {

    private static final Logger LOGGER = Logger.getLogger(KeyRenewalService.class.getName());

    /** Prefix of the description of every credential this plugin writes; marks it as ours to replace. */
    public static final String OWNERSHIP_MARKER = "Managed by Azure IoT Hub Key Renewal";

    private final Clock clock;

    public KeyRenewalService() {
        this(Clock.systemUTC());
    }

    KeyRenewalService(Clock clock) {
        this.clock = clock;
    }

    public RenewalReport renew(RenewKeyConfig config, AzureAccess access, CredentialTarget target, PrintStream log)
            throws AbortException {
        List<String> problems = config.validate();
        if (!problems.isEmpty()) {
            throw new AbortException(Wording.PIPELINE.invalidConfiguration(problems));
        }
        IotHubKeyClient client = access.clientFor(config);
        Map<KeySlot, String> ids = new LinkedHashMap<>();
        for (KeySlot slot : config.storedSlots()) {
            ids.put(slot, config.credentialIdFor(slot));
        }
        CredentialOwner owner = CredentialOwner.of(config);
        target.checkWritable(new ArrayList<>(ids.values()), owner);

        if (config.isDryRun()) {
            return dryRun(config, client, target, ids, log);
        }
        log.println("Renewing the " + config.getKey() + " key of " + config.describeTarget() + "...");
        RenewedKeys keys = renewInAzure(config, client, ids);
        for (KeySlot slot : ids.keySet()) {
            log.println("Azure now holds a new " + slotName(slot) + " key (fingerprint "
                    + keys.key(slot).fingerprint() + ", " + keys.origin().describe() + ") for "
                    + config.describeTarget() + ".");
        }
        if (!keys.otherChanges().isEmpty()) {
            log.println("Note: right after the new keys were written, something else changed "
                    + String.join(", ", keys.otherChanges()) + " of " + config.describeTarget()
                    + "; the new keys are in place, check that the other change was intended.");
        }
        // Azure holds the new key now: an abort from here on must not stop it from reaching the credential.
        boolean aborted = Thread.interrupted();
        boolean verifying = config.isVerify() && keys.verifiable() && !aborted;
        String verifyFailure = verifying ? verify(config, client, keys, ids) : null;
        aborted |= Thread.interrupted();
        List<RenewalReport.StoredCredential> stored;
        try {
            stored = store(config, target, owner, keys, ids, log);
        } finally {
            if (aborted) {
                Thread.currentThread().interrupt();
            }
        }
        if (aborted) {
            boolean verified = verifying && verifyFailure == null;
            throw new AbortException("Aborted after Azure renewed the " + config.getKey() + " key of "
                    + config.describeTarget() + "; the new key was stored in credential(s) " + quoted(ids.values())
                    + " before stopping, so Jenkins and Azure agree" + (verified ? "" : " (it was not verified)")
                    + ".");
        }
        if (verifyFailure != null) {
            throw new AbortException("The new key of " + config.describeTarget() + " was stored in credential(s) "
                    + quoted(ids.values()) + ", but verifying it " + verificationMethod(config) + " failed: "
                    + verifyFailure);
        }
        if (verifying) {
            log.println("Verified the new key(s) of " + config.describeTarget() + " " + verificationMethod(config)
                    + ".");
        } else if (config.isVerify()) {
            // The default 'device' policy only has DeviceConnect: failing its renewal over this would be worse.
            log.println("Not verified: " + config.describeTarget() + " only has DeviceConnect rights, which no"
                    + " service-side read accepts; the new key was stored without that check.");
        }
        return new RenewalReport(config, keys.hostName(), target.describe(), verifying, clock.instant(), stored);
    }

    private RenewalReport dryRun(RenewKeyConfig config, IotHubKeyClient client, CredentialTarget target,
            Map<KeySlot, String> ids, PrintStream log) throws AbortException {
        String hostName;
        try {
            hostName = config.isIdentity()
                    ? client.checkIdentity(identityRequest(config)).hub().hostName()
                    : client.checkPolicy(policyRequest(config)).hub().hostName();
        } catch (IotHubKeyException e) {
            throw new AbortException("Dry run: " + e.getMessage());
        } catch (RuntimeException e) {
            throw unexpected(config, "checking", e, false, ids);
        }
        log.println("Dry run: " + config.describeTarget() + " exists and its " + config.getKey()
                + " key can be renewed; it would be stored in credential(s) " + quoted(ids.values()) + " in "
                + target.describe() + ". Nothing was changed.");
        List<RenewalReport.StoredCredential> planned = new ArrayList<>();
        ids.forEach((slot, id) -> planned.add(new RenewalReport.StoredCredential(slot, id, "planned", null)));
        return new RenewalReport(config, hostName, target.describe(), false, clock.instant(), planned);
    }

    private RenewedKeys renewInAzure(RenewKeyConfig config, IotHubKeyClient client, Map<KeySlot, String> ids)
            throws AbortException {
        try {
            if (config.isIdentity()) {
                IdentityKeyResult result = client.renewIdentityKey(identityRequest(config));
                return new RenewedKeys(result.hostName(), result::key, result::connectionString,
                        slot -> client.verifyIdentityKey(result, slot), result.keyOrigin(), result.otherChanges());
            }
            PolicyKeyResult result = client.renewPolicyKey(policyRequest(config));
            ids.keySet().forEach(result::key); // a key missing from Azure's answer fails here, as one line
            return new RenewedKeys(result.hostName(), result::key, result::connectionString,
                    result.isVerifiable() ? slot -> client.verifyPolicyKey(result, slot) : null, result.keyOrigin(),
                    List.of());
        } catch (IotHubKeyException e) {
            if (!e.keyMayHaveChanged()) {
                throw new AbortException(e.getMessage());
            }
            throw new AbortException(e.getMessage() + " Azure may already hold a new " + config.getKey()
                    + " key that Jenkins does not know; credential(s) " + quoted(ids.values())
                    + " were not changed. " + Recovery.instructions(config, ids));
        } catch (RuntimeException e) {
            throw unexpected(config, "renewing", e, true, ids);
        }
    }

    private static String verificationMethod(RenewKeyConfig config) {
        return config.isIdentity() ? "by reading it back from the registry" : "with a SAS-signed read";
    }

    /** @return null when every renewed key works, else the engine's one-line reason */
    private static String verify(RenewKeyConfig config, IotHubKeyClient client, RenewedKeys keys,
            Map<KeySlot, String> ids) {
        try {
            for (KeySlot slot : ids.keySet()) {
                keys.verifier().verify(slot);
            }
            return null;
        } catch (IotHubKeyException e) {
            return e.getMessage();
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, "Unexpected failure verifying the new key of " + config.describeTarget(),
                    Redaction.redactedCopy(e, keys, ids.keySet()));
            return "unexpected " + e.getClass().getSimpleName() + " (details in the Jenkins system log)";
        }
    }

    private static List<RenewalReport.StoredCredential> store(RenewKeyConfig config, CredentialTarget target,
            CredentialOwner owner, RenewedKeys keys, Map<KeySlot, String> ids, PrintStream log)
            throws AbortException {
        List<RenewalReport.StoredCredential> stored = new ArrayList<>();
        Map<KeySlot, String> failed = new LinkedHashMap<>();
        String firstReason = null;
        boolean asConnectionString = RenewKeyConfig.STORE_CONNECTION_STRING.equals(config.getStore());
        for (Map.Entry<KeySlot, String> entry : ids.entrySet()) {
            KeySlot slot = entry.getKey();
            KeyMaterial key = keys.key(slot);
            KeyMaterial value = asConnectionString ? keys.connectionString(slot) : key;
            try {
                CredentialTarget.WriteResult result = target.write(
                        entry.getValue(), owner, description(config, slot, asConnectionString), value);
                stored.add(new RenewalReport.StoredCredential(slot, entry.getValue(), result.label(),
                        key.fingerprint()));
                log.println("Stored the new " + slotName(slot) + (asConnectionString ? " connection string" : " key")
                        + " in credential '" + entry.getValue() + "' (" + result.label() + ") in "
                        + target.describe() + ".");
            } catch (Exception e) { // IOException, AccessDeniedException or any store failure: report, never lose
                failed.put(slot, entry.getValue());
                if (firstReason == null) {
                    firstReason = Redaction.redact(String.valueOf(e.getMessage()), keys, ids.keySet());
                }
                LOGGER.log(Level.FINE, "Storing credential " + entry.getValue() + " failed",
                        Redaction.redactedCopy(e, keys, ids.keySet()));
            }
        }
        if (!failed.isEmpty()) {
            throw new AbortException("Azure renewed the " + config.getKey() + " key of " + config.describeTarget()
                    + ", but Jenkins could not store it in credential(s) " + quoted(failed.values()) + " ("
                    + firstReason + "); do not rely on " + (failed.size() == 1 ? "that credential" : "them")
                    + ": it may hold the OLD key, or the new one only until Jenkins restarts"
                    + (stored.isEmpty() ? "" : " (stored fine: " + quoted(storedIds(stored)) + ")")
                    + ". " + Recovery.instructions(config, failed));
        }
        return stored;
    }

    private static List<String> storedIds(List<RenewalReport.StoredCredential> stored) {
        List<String> out = new ArrayList<>();
        stored.forEach(c -> out.add(c.getCredentialsId()));
        return out;
    }

    /** Ends with {@code " of " + config.describeTarget()}: that is how a later run recognises whose credential it is. */
    static String description(RenewKeyConfig config, KeySlot slot, boolean connectionString) {
        return OWNERSHIP_MARKER + ": " + slotName(slot) + (connectionString ? " connection string" : " key")
                + " of " + config.describeTarget();
    }

    private static AbortException unexpected(RenewKeyConfig config, String action, RuntimeException e,
            boolean mayHaveChanged, Map<KeySlot, String> ids) {
        // The stack trace goes to the Jenkins system log only; the build log gets one line.
        LOGGER.log(Level.WARNING, "Unexpected failure " + action + " " + config.describeTarget(), e);
        String line = "Unexpected " + e.getClass().getSimpleName() + " while " + action + " the " + config.getKey()
                + " key of " + config.describeTarget() + " (details in the Jenkins system log).";
        if (mayHaveChanged) {
            line += " Azure may already hold a new key; credential(s) " + quoted(ids.values()) + " were not changed. "
                    + Recovery.instructions(config, ids);
        }
        return new AbortException(line);
    }

    static PolicyKeyRequest policyRequest(RenewKeyConfig config) {
        return PolicyKeyRequest.of(config.getHub(), config.getResourceGroup(), config.getPolicy(),
                KeyType.parse(config.getKey()));
    }

    static IdentityKeyRequest identityRequest(RenewKeyConfig config) {
        KeyType type = KeyType.parse(config.getKey());
        DataPlaneAuth auth = DataPlaneAuth.valueOf(config.getDataPlaneAuth().toUpperCase(Locale.ROOT));
        if (config.getModule() != null) {
            return IdentityKeyRequest.module(config.getHub(), config.getResourceGroup(), config.getDevice(),
                    config.getModule(), type, auth);
        }
        return IdentityKeyRequest.device(config.getHub(), config.getResourceGroup(), config.getDevice(), type, auth);
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
