package io.jenkins.plugins.azure.iothub.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.logging.Logger;

/**
 * One device or module key renewal on the registry's REST API: read the identity, refuse non-SAS identities, write
 * it back with only the keys changed and {@code If-Match} set to the etag that was read, and read it back. A 412 means
 * another writer changed the identity in between: it is read again and only the key change is applied on top of
 * what the other writer left (a device an operator disabled stays disabled). The read-back compares the whole
 * identity with what the write stored and reports every other difference.
 */
final class IdentityRenewal {
    private static final Logger LOGGER = Logger.getLogger(IdentityRenewal.class.getName());
    /** Fields the service updates by itself (connection activity, counters, timestamps, the etag). */
    private static final Set<String> SERVICE_UPDATED = Set.of("etag", "connectionState", "connectionStateUpdatedTime",
            "lastActivityTime", "cloudToDeviceMessageCount", "statusUpdatedTime");
    /** A pair of keys; compared by value, never printed. */
    private static final class Keys {
        final String primary;
        final String secondary;

        Keys(String primary, String secondary) {
            this.primary = primary;
            this.secondary = secondary;
        }

        boolean sameAs(Keys other) {
            return other != null && Objects.equals(primary, other.primary) && Objects.equals(secondary, other.secondary);
        }

        @Override
        public String toString() {
            return "Keys[hidden]";
        }
    }

    private final Retrier retrier;
    private final Deadline deadline;
    private final IdentityKeyRequest request;
    private final String action;

    IdentityRenewal(Retrier retrier, IdentityKeyRequest request) {
        this.retrier = retrier;
        this.deadline = retrier.deadline();
        this.request = request;
        this.action = actionOf(request);
    }

    static String actionOf(IdentityKeyRequest request) {
        return (request.keyType() == KeyType.SWAP ? "swapping the keys of "
                : "renewing the " + request.keyType().cliName() + " key" + (request.keyType() == KeyType.BOTH ? "s" : "")
                        + " of ") + request.describe() + " on IoT hub '" + request.hubName() + "'";
    }

    IdentityKeyResult run(HubInfo hub, DataPlane.Registry registry) {
        Problems.Advice advice = advice(request, hub.name(), registry.policyName);
        Keys base = null;
        Keys target = null;
        ObjectNode stored = null;
        boolean mayHaveChanged = false;
        for (int attempt = 1;; attempt++) {
            DataPlane.Identity identity = readChecked(registry, hub, advice, action, mayHaveChanged);
            Keys current = keysOf(identity.json);
            if (target != null && mayHaveChanged && current.sameAs(target)) {
                LOGGER.fine(() -> Deadline.capitalize(action) + ": an earlier attempt took effect");
                stored = identity.json;
                break;
            }
            if (target == null || !current.sameAs(base)) {
                base = current;
                target = renewed(current);
            }
            // else: the keys are still the ones the last attempt started from, so that attempt's keys are written
            // again; an earlier write that lands late then changes nothing
            ObjectNode body = withKeys(identity.json, target);
            try {
                stored = deadline.call(() -> registry.put(request, body, identity.etag), action, true).json;
                mayHaveChanged = true;
                break;
            } catch (Exception e) {
                // a 412 is retried: the next attempt reads the other writer's state and applies only the keys to it
                mayHaveChanged = retrier.afterFailedWrite(e, attempt, action, mayHaveChanged, advice);
            }
        }
        DataPlane.Identity back = readBack(registry, hub, advice);
        if (!keysOf(back.json).sameAs(target)) {
            throw new IotHubKeyException(IotHubKeyException.Reason.CONCURRENT_CHANGE, Deadline.capitalize(
                    request.describe()) + " on IoT hub '" + hub.name() + "' was changed by someone else right after"
                    + " this renewal wrote its keys, so they are not the keys it set. Find the other writer, then run"
                    + " the renewal again." + Problems.MAY_HAVE_CHANGED, true, null);
        }
        List<String> changed = otherChanges(stored, back.json);
        if (!changed.isEmpty()) {
            LOGGER.warning(() -> Deadline.capitalize(action) + ": the new keys are in place, but another writer changed "
                    + String.join(", ", changed) + " right after they were written");
        }
        return new IdentityKeyResult(hub, request, target.primary, target.secondary, changed);
    }

    /** Reads the identity (for checks and verification), refusing non-SAS identities. */
    static DataPlane.Identity read(Retrier retrier, DataPlane.Registry registry, IdentityKeyRequest request,
            HubInfo hub, String action) {
        Problems.Advice advice = advice(request, hub.name(), registry.policyName);
        DataPlane.Identity identity = retrier.read(() -> registry.get(request), action, advice);
        requireSas(identity.json, request, hub.name());
        return identity;
    }

    static String keyOf(DataPlane.Identity identity, KeySlot slot) {
        return EngineJson.text(symmetricKey(identity.json), slot == KeySlot.PRIMARY ? "primaryKey" : "secondaryKey");
    }

    /**
     * Top-level fields (besides those the service updates by itself) whose values differ between what the write
     * stored and what the read-back shows; names only, values may be anything.
     */
    static List<String> otherChanges(ObjectNode stored, ObjectNode now) {
        List<String> changed = new ArrayList<>();
        Set<String> names = new java.util.LinkedHashSet<>();
        stored.fieldNames().forEachRemaining(names::add);
        now.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            if (!SERVICE_UPDATED.contains(name) && !Objects.equals(stored.get(name), now.get(name))) {
                changed.add(name);
            }
        }
        return changed;
    }

    private DataPlane.Identity readChecked(DataPlane.Registry registry, HubInfo hub, Problems.Advice advice,
            String what, boolean mayHaveChanged) {
        try {
            DataPlane.Identity identity = retrier.read(() -> registry.get(request), what, advice);
            requireSas(identity.json, request, hub.name());
            return identity;
        } catch (IotHubKeyException e) {
            throw Problems.marked(e, mayHaveChanged);
        }
    }

    private DataPlane.Identity readBack(DataPlane.Registry registry, HubInfo hub, Problems.Advice advice) {
        return readChecked(registry, hub, advice, "reading back the keys of " + request.describe() + " on IoT hub '"
                + hub.name() + "'", true);
    }

    private Keys renewed(Keys current) {
        switch (request.keyType()) {
            case PRIMARY:
                return new Keys(KeyGenerator.newKey(), current.secondary);
            case SECONDARY:
                return new Keys(current.primary, KeyGenerator.newKey());
            case BOTH:
                return new Keys(KeyGenerator.newKey(), KeyGenerator.newKey());
            default:
                return new Keys(current.secondary, current.primary);
        }
    }

    /** The identity as read, with only the two keys replaced (every other field, known or not, as it was). */
    private static ObjectNode withKeys(ObjectNode identity, Keys keys) {
        ObjectNode body = identity.deepCopy();
        ObjectNode symmetric = (ObjectNode) body.with("authentication").with("symmetricKey");
        symmetric.put("primaryKey", keys.primary);
        symmetric.put("secondaryKey", keys.secondary);
        return body;
    }

    private static JsonNode symmetricKey(ObjectNode identity) {
        return identity.path("authentication").path("symmetricKey");
    }

    private static Keys keysOf(ObjectNode identity) {
        JsonNode keys = symmetricKey(identity);
        return new Keys(EngineJson.text(keys, "primaryKey"), EngineJson.text(keys, "secondaryKey"));
    }

    private static void requireSas(ObjectNode identity, IdentityKeyRequest request, String hubName) {
        String type = EngineJson.text(identity.path("authentication"), "type");
        if (!"sas".equalsIgnoreCase(type) || !symmetricKey(identity).isObject()) {
            String kind = "selfSigned".equalsIgnoreCase(type) ? "X.509 self-signed certificates"
                    : "certificateAuthority".equalsIgnoreCase(type) ? "X.509 CA-signed certificates"
                    : "no symmetric keys";
            throw new IotHubKeyException(IotHubKeyException.Reason.NOT_SAS, Deadline.capitalize(request.describe())
                    + " on IoT hub '" + hubName + "' authenticates with " + kind + ", not SAS keys, so it has no keys"
                    + " to renew. Renew its certificate instead, or pick a SAS identity.", false, null);
        }
    }

    static Problems.Advice advice(IdentityKeyRequest request, String hubName, String policyName) {
        String notFound = Deadline.capitalize(request.describe()) + " was not found on IoT hub '" + hubName
                + "'. Check the " + (request.moduleId() == null ? "device id" : "device and module ids")
                + " (ids are case-sensitive).";
        String unauthorized = policyName != null
                ? "The hub refused the SAS token of policy '" + policyName + "': check that the policy still has"
                        + " RegistryWrite, or use data-plane auth 'login'."
                : "Give the Azure identity the IoT Hub Registry Contributor role on the hub, or use data-plane auth"
                        + " 'key'.";
        return new Problems.Advice(notFound, unauthorized);
    }
}
