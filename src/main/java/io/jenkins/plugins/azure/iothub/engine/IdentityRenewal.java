package io.jenkins.plugins.azure.iothub.engine;

import com.microsoft.azure.sdk.iot.service.auth.AuthenticationType;
import com.microsoft.azure.sdk.iot.service.auth.SymmetricKey;
import com.microsoft.azure.sdk.iot.service.registry.Device;
import com.microsoft.azure.sdk.iot.service.registry.Module;
import com.microsoft.azure.sdk.iot.service.registry.RegistryIdentity;
import java.util.Objects;
import java.util.logging.Logger;

/**
 * One device or module key renewal through RegistryClient: read the identity, refuse non-SAS identities, write
 * the new keys, and read them back. RegistryClient always sends If-Match: *, so the read-back is what detects a
 * concurrent writer.
 */
final class IdentityRenewal {
    private static final Logger LOGGER = Logger.getLogger(IdentityRenewal.class.getName());

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
        boolean mayHaveChanged = false;
        for (int attempt = 1;; attempt++) {
            RegistryIdentity identity = readChecked(registry, hub, advice, action, mayHaveChanged);
            Keys current = keysOf(identity);
            if (target != null && mayHaveChanged && current.sameAs(target)) {
                LOGGER.fine(() -> Deadline.capitalize(action) + ": an earlier attempt took effect");
                break;
            }
            if (target == null || !current.sameAs(base)) {
                base = current;
                target = renewed(current);
            }
            // else: the keys are still the ones the last attempt started from, so that attempt's keys are written
            // again; a slow earlier write (If-Match: * cannot stop it) that lands late then changes nothing
            SymmetricKey keys = identity.getSymmetricKey();
            keys.setPrimaryKey(target.primary);
            keys.setSecondaryKey(target.secondary);
            try {
                deadline.call(() -> update(registry, identity), action, true);
                mayHaveChanged = true;
                break;
            } catch (Exception e) {
                mayHaveChanged = retrier.afterFailedWrite(e, attempt, action, mayHaveChanged, advice);
            }
        }
        Keys stored = keysOf(readBack(registry, hub, advice));
        if (!stored.sameAs(target)) {
            throw new IotHubKeyException(IotHubKeyException.Reason.CONCURRENT_CHANGE, Deadline.capitalize(
                    request.describe()) + " on IoT hub '" + hub.name() + "' was changed by someone else right after"
                    + " this renewal wrote its keys, so they are not the keys it set. Find the other writer, then run"
                    + " the renewal again." + Problems.MAY_HAVE_CHANGED, true, null);
        }
        return new IdentityKeyResult(hub, request, target.primary, target.secondary);
    }

    /** Reads the identity back and returns the stored keys (for verification). */
    static RegistryIdentity read(Retrier retrier, DataPlane.Registry registry, IdentityKeyRequest request,
            HubInfo hub, String action) {
        Problems.Advice advice = advice(request, hub.name(), registry.policyName);
        RegistryIdentity identity = retrier.read(() -> fetch(registry, request), action, advice);
        requireSas(identity, request, hub.name());
        return identity;
    }

    static String keyOf(RegistryIdentity identity, KeySlot slot) {
        return slot == KeySlot.PRIMARY ? identity.getPrimaryKey() : identity.getSecondaryKey();
    }

    private RegistryIdentity readChecked(DataPlane.Registry registry, HubInfo hub, Problems.Advice advice,
            String what, boolean mayHaveChanged) {
        try {
            RegistryIdentity identity = retrier.read(() -> fetch(registry, request), what, advice);
            requireSas(identity, request, hub.name());
            return identity;
        } catch (IotHubKeyException e) {
            throw Problems.marked(e, mayHaveChanged);
        }
    }

    private RegistryIdentity readBack(DataPlane.Registry registry, HubInfo hub, Problems.Advice advice) {
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

    private static RegistryIdentity fetch(DataPlane.Registry registry, IdentityKeyRequest request) throws Exception {
        return request.moduleId() == null ? registry.client.getDevice(request.deviceId())
                : registry.client.getModule(request.deviceId(), request.moduleId());
    }

    private static Object update(DataPlane.Registry registry, RegistryIdentity identity) throws Exception {
        return identity instanceof Module ? registry.client.updateModule((Module) identity)
                : registry.client.updateDevice((Device) identity);
    }

    private static Keys keysOf(RegistryIdentity identity) {
        return new Keys(identity.getPrimaryKey(), identity.getSecondaryKey());
    }

    private static void requireSas(RegistryIdentity identity, IdentityKeyRequest request, String hubName) {
        AuthenticationType type;
        try {
            type = identity.getAuthenticationType();
        } catch (RuntimeException noAuthentication) {
            type = null;
        }
        if (type != AuthenticationType.SAS || identity.getSymmetricKey() == null) {
            String kind = type == AuthenticationType.SELF_SIGNED ? "X.509 self-signed certificates"
                    : type == AuthenticationType.CERTIFICATE_AUTHORITY ? "X.509 CA-signed certificates"
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
