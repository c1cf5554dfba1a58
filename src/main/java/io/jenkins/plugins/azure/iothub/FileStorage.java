package io.jenkins.plugins.azure.iothub;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hudson.AbortException;
import io.jenkins.plugins.azure.iothub.engine.IdentityId;
import io.jenkins.plugins.azure.iothub.engine.KeyMaterial;
import io.jenkins.plugins.azure.iothub.engine.KeySlot;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A fleet's keys in one Secret file credential holding JSON:
 * <pre>{"hub": "h", "selection": "devices where tags.site = 'north'", "store": "connectionString",
 *  "rotation": "2026-12", "renewedInRotation": ["d1", "d1/m1"],
 *  "keys": {"d1": {"primary": "HostName=...", "secondary": "HostName=..."}, "d1/m1": {"primary": "..."}}}</pre>
 * Each batch rewrites the whole file with the keys it renewed merged in; entries of identities not renewed yet keep
 * the keys an earlier run wrote, so consumers never lose a key mid-run. {@code renewedInRotation} (ids only) is what
 * a rerun with the same {@code rotation} skips.
 */
final class FileStorage implements KeyStorage {

    private static final Logger LOGGER = Logger.getLogger(KeyRenewalService.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CredentialTarget target;
    private final RenewFleetKeysConfig config;
    private final CredentialOwner owner;
    private ObjectNode document;

    FileStorage(CredentialTarget target, RenewFleetKeysConfig config) {
        this.target = target;
        this.config = config;
        this.owner = CredentialOwner.fleet(config.getHub(), config.selection());
    }

    @Override
    public String describe() {
        return target.describe();
    }

    @Override
    public void checkWritable(List<RenewKeyConfig> members) throws AbortException {
        target.checkWritable(List.of(config.fileId()), owner);
        CredentialTarget.Stored stored = target.readFile(config.fileId(), owner);
        document = stored == null ? JSON.createObjectNode() : parse(stored.secret());
        String previous = document.path("rotation").asText(null);
        if (config.getRotation() == null || !config.getRotation().equals(previous)) {
            document.putArray("renewedInRotation"); // another rotation: every identity is renewed again
        }
        document.put("hub", config.getHub());
        document.put("selection", config.selection());
        document.put("store", config.getStore());
        if (config.getRotation() == null) {
            document.remove("rotation");
        } else {
            document.put("rotation", config.getRotation());
        }
        if (!document.has("keys")) {
            document.putObject("keys");
        }
    }

    private ObjectNode parse(KeyMaterial content) throws AbortException {
        try {
            JsonNode node = JSON.readTree(content.reveal());
            if (node instanceof ObjectNode object && node.path("keys").isObject()) {
                return object;
            }
        } catch (JsonProcessingException e) {
            // below: never quote the parser's message, it may contain part of a key
        }
        throw new AbortException("Secret file credential '" + config.fileId() + "' in " + target.describe()
                + " does not hold this plugin's JSON key map; delete it or choose another id (fileCredentialsId).");
    }

    /** Identities an earlier run of the same rotation stored in the file. */
    Set<IdentityId> alreadyRenewed() {
        Set<IdentityId> ids = new LinkedHashSet<>();
        document.path("renewedInRotation").forEach(id -> ids.add(IdentityId.parse(id.asText())));
        return ids;
    }

    @Override
    public Map<KeySlot, String> ids(RenewKeyConfig member) {
        Map<KeySlot, String> ids = new LinkedHashMap<>();
        member.storedSlots().forEach(slot -> ids.put(slot, config.fileId()));
        return ids;
    }

    @Override
    public Stored store(Map<RenewKeyConfig, RenewedKeys> batch, PrintStream log, boolean linePerCredential) {
        boolean connectionString = RenewKeyConfig.STORE_CONNECTION_STRING.equals(config.getStore());
        ObjectNode next = document.deepCopy();
        ObjectNode nextKeys = (ObjectNode) next.get("keys");
        ArrayNode nextRenewed = (ArrayNode) next.get("renewedInRotation");
        List<RenewKeyConfig> members = new ArrayList<>(batch.keySet());
        for (RenewKeyConfig member : members) {
            String id = idOf(member);
            ObjectNode entry = nextKeys.has(id) ? (ObjectNode) nextKeys.get(id) : nextKeys.putObject(id);
            for (KeySlot slot : member.storedSlots()) {
                RenewedKeys k = batch.get(member);
                entry.put(KeyRenewalService.slotName(slot),
                        (connectionString ? k.connectionString(slot) : k.key(slot)).reveal());
            }
            nextRenewed.add(id);
        }
        Map<RenewKeyConfig, List<RenewalReport.StoredCredential>> stored = new LinkedHashMap<>();
        Map<RenewKeyConfig, Map<KeySlot, String>> failed = new LinkedHashMap<>();
        try {
            CredentialTarget.WriteResult result = target.writeFile(config.fileId(), owner,
                    KeyRenewalService.OWNERSHIP_MARKER + ": fleet " + (connectionString ? "connection strings"
                            : "keys") + " of " + owner.describe(), "iothub-keys.json",
                    KeyMaterial.of(JSON.writeValueAsString(next)));
            document = next;
            for (RenewKeyConfig member : members) {
                List<RenewalReport.StoredCredential> credentials = new ArrayList<>();
                for (KeySlot slot : member.storedSlots()) {
                    credentials.add(new RenewalReport.StoredCredential(slot, config.fileId(), result.label(),
                            batch.get(member).key(slot).fingerprint()));
                }
                stored.put(member, credentials);
            }
            log.println("Stored the new keys of " + members.size() + " identities in Secret file credential '"
                    + config.fileId() + "' (" + result.label() + ", " + nextKeys.size() + " identities) in "
                    + target.describe() + ".");
            return new Stored(stored, failed, null);
        } catch (Exception e) { // IOException, AccessDeniedException or any store failure: report, never lose
            members.forEach(m -> failed.put(m, ids(m)));
            String reason = String.valueOf(e.getMessage());
            for (RenewKeyConfig member : members) {
                reason = Redaction.redact(reason, batch.get(member), member.storedSlots());
            }
            LOGGER.log(Level.FINE, "Storing Secret file credential " + config.fileId() + " failed",
                    e.getClass().getName());
            return new Stored(stored, failed, reason); // the document stays as the store holds it
        }
    }

    @Override
    public String recovery(RenewKeyConfig member) {
        StringBuilder out = new StringBuilder("To recover ").append(idOf(member)).append(", rerun")
                .append(config.getRotation() == null ? "" : " with rotation '" + config.getRotation() + "'")
                .append(" (it is renewed again and stored), or put the current value");
        for (KeySlot slot : member.storedSlots()) {
            out.append(" of ").append(KeyRenewalService.slotName(slot)).append(" (`")
                    .append(Recovery.command(member, slot)).append("`)");
        }
        return out.append(" into the JSON map of Secret file credential '").append(config.fileId()).append("'.")
                .toString();
    }

    static String idOf(RenewKeyConfig member) {
        return member.getModule() == null ? member.getDevice() : member.getDevice() + "/" + member.getModule();
    }
}
