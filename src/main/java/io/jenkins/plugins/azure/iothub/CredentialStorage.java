package io.jenkins.plugins.azure.iothub;

import hudson.AbortException;
import io.jenkins.plugins.azure.iothub.engine.KeyMaterial;
import io.jenkins.plugins.azure.iothub.engine.KeySlot;
import java.io.PrintStream;
import io.jenkins.plugins.azure.iothub.engine.IdentityId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/** One secret-text credential per key, ids from each member's configuration (default {@link CredentialIds}). */
final class CredentialStorage implements KeyStorage {

    /** The service's logger: one category in the system log for everything a renewal logs. */
    private static final Logger LOGGER = Logger.getLogger(KeyRenewalService.class.getName());

    private final CredentialTarget target;
    /** A fleet's rotation label, recorded in each description so that a rerun can skip what it stored; or null. */
    private final String rotation;

    CredentialStorage(CredentialTarget target) {
        this(target, null);
    }

    CredentialStorage(CredentialTarget target, String rotation) {
        this.target = target;
        this.rotation = rotation;
    }

    /**
     * The identities of this hub whose every stored key carries this rotation's label: an earlier run of the same
     * rotation stored them. Read from the descriptions (never the secrets), and each confirmed by the owner rules.
     */
    Set<IdentityId> alreadyRenewed(RenewFleetKeysConfig fleet) {
        Set<IdentityId> renewed = new LinkedHashSet<>();
        if (rotation == null) {
            return renewed;
        }
        Map<IdentityId, Set<String>> slotsByIdentity = new HashMap<>();
        String infix = " (fleet rotation '" + rotation + "') of ";
        for (String description : target.ownedDescriptions()) {
            int at = description.indexOf(infix);
            if (at < 0) {
                continue;
            }
            Matcher m = OWNER.matcher(description.substring(at + infix.length()));
            if (!m.matches()) {
                continue;
            }
            IdentityId id = m.group(1) == null ? IdentityId.device(m.group(2)) : IdentityId.module(m.group(2), m.group(1));
            RenewKeyConfig member = fleet.member(id);
            if (CredentialOwner.of(member).owns(description)) {
                String slot = description.substring(KeyRenewalService.OWNERSHIP_MARKER.length() + 2).split(" ")[0];
                slotsByIdentity.computeIfAbsent(id, x -> new HashSet<>()).add(slot);
            }
        }
        slotsByIdentity.forEach((id, slots) -> {
            List<String> needed = new ArrayList<>();
            fleet.member(id).storedSlots().forEach(slot -> needed.add(KeyRenewalService.slotName(slot)));
            if (slots.containsAll(needed)) {
                renewed.add(id);
            }
        });
        return renewed;
    }

    /** {@code module 'm' of device 'd' on hub 'h'} or {@code device 'd' on hub 'h'}; the owner rules confirm it. */
    private static final Pattern OWNER = Pattern.compile("(?:module '(.*)' of )?device '(.*)' on hub '.*'");

    @Override
    public String describe() {
        return target.describe();
    }

    @Override
    public void checkWritable(List<RenewKeyConfig> members) throws AbortException {
        if (members.isEmpty()) {
            // a fleet chosen by a condition: the store's own rules now, each id's when it is written
            target.checkWritable(List.of(), null);
        }
        for (RenewKeyConfig member : members) {
            target.checkWritable(new ArrayList<>(ids(member).values()), CredentialOwner.of(member));
        }
    }

    @Override
    public Map<KeySlot, String> ids(RenewKeyConfig member) {
        return idsOf(member);
    }

    /** Slot to credential id: the member's configured ids, else the defaults. */
    static Map<KeySlot, String> idsOf(RenewKeyConfig member) {
        Map<KeySlot, String> ids = new LinkedHashMap<>();
        for (KeySlot slot : member.storedSlots()) {
            ids.put(slot, member.credentialIdFor(slot));
        }
        return ids;
    }

    @Override
    public Stored store(Map<RenewKeyConfig, RenewedKeys> batch, PrintStream log, boolean linePerCredential) {
        Map<RenewKeyConfig, List<RenewalReport.StoredCredential>> stored = new LinkedHashMap<>();
        Map<RenewKeyConfig, Map<KeySlot, String>> failed = new LinkedHashMap<>();
        String firstReason = null;
        for (Map.Entry<RenewKeyConfig, RenewedKeys> entry : batch.entrySet()) {
            RenewKeyConfig member = entry.getKey();
            RenewedKeys keys = entry.getValue();
            Map<KeySlot, String> ids = ids(member);
            CredentialOwner owner = CredentialOwner.of(member);
            boolean asConnectionString = RenewKeyConfig.STORE_CONNECTION_STRING.equals(member.getStore());
            List<RenewalReport.StoredCredential> done = new ArrayList<>();
            for (Map.Entry<KeySlot, String> id : ids.entrySet()) {
                KeySlot slot = id.getKey();
                KeyMaterial key = keys.key(slot);
                KeyMaterial value = asConnectionString ? keys.connectionString(slot) : key;
                try {
                    CredentialTarget.WriteResult result = target.write(id.getValue(), owner,
                            KeyRenewalService.description(member, slot, asConnectionString, rotation), value);
                    done.add(new RenewalReport.StoredCredential(slot, id.getValue(), result.label(),
                            key.fingerprint()));
                    if (linePerCredential) {
                        log.println("Stored the new " + KeyRenewalService.slotName(slot)
                            + (asConnectionString ? " connection string" : " key") + " in credential '"
                            + id.getValue() + "' (" + result.label() + ") in " + target.describe() + ".");
                    }
                } catch (Exception e) { // IOException, AccessDeniedException or any store failure: report, never lose
                    failed.computeIfAbsent(member, m -> new LinkedHashMap<>()).put(slot, id.getValue());
                    if (firstReason == null) {
                        firstReason = Redaction.redact(String.valueOf(e.getMessage()), keys, ids.keySet());
                    }
                    LOGGER.log(Level.FINE, "Storing credential " + id.getValue() + " failed",
                            Redaction.redactedCopy(e, keys, ids.keySet()));
                }
            }
            stored.put(member, done);
        }
        if (!linePerCredential) {
            int credentials = stored.values().stream().mapToInt(List::size).sum();
            log.println("Stored the new keys of " + (stored.size() - failed.size()) + " identities in "
                    + credentials + " credentials in " + target.describe() + ".");
        }
        return new Stored(stored, failed, firstReason);
    }
}
