package io.jenkins.plugins.azure.iothub;

import io.jenkins.plugins.azure.iothub.engine.CurrentKeys;
import io.jenkins.plugins.azure.iothub.engine.DataPlaneAuth;
import io.jenkins.plugins.azure.iothub.engine.IdentityKeyRequest;
import io.jenkins.plugins.azure.iothub.engine.IdentityKeyResult;
import io.jenkins.plugins.azure.iothub.engine.IotHubKeyClient;
import io.jenkins.plugins.azure.iothub.engine.KeyType;
import io.jenkins.plugins.azure.iothub.engine.PolicyKeyRequest;
import io.jenkins.plugins.azure.iothub.engine.PolicyKeyResult;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one renewal renews: a policy, a device or module, or a set of them (several policies of one hub, a fleet of
 * devices). {@link KeyRenewalService} runs the same phases for every kind (check writable, dry run, renew, verify,
 * store, recovery) and asks the target only what differs. Each part whose keys are stored is a <em>member</em>,
 * described by the {@link RenewKeyConfig} of a single renewal of it (its credential ids, store and owner).
 */
abstract class RenewalTarget {

    /**
     * The members known before anything is sent to Azure, in order; empty when only Azure knows them (a fleet
     * chosen by a condition).
     */
    abstract List<RenewKeyConfig> members();

    /** Safe for logs, e.g. {@code policy 'p' on hub 'h'} or {@code 3 policies of hub 'h'}. */
    abstract String describe();

    /** The key choice as a phrase for the log, e.g. {@code the primary key of} or {@code the keys of}. */
    abstract String keyPhrase();

    /** For the dry run's line: {@code its primary key} or {@code their keys}. */
    abstract String itsKeys();

    /** Dry run: proves that every member exists and may be renewed, changing nothing; returns the hub's host name. */
    abstract String check(IotHubKeyClient client);

    /**
     * Renews in Azure and hands every member whose new keys Azure holds to {@code renewed}, batch by batch, as soon
     * as it does (a fleet in batches; a single policy or identity, and a set of policies, in one).
     *
     * @throws Incomplete when some members were handed over and others were not (each with what Azure holds)
     * @throws io.jenkins.plugins.azure.iothub.engine.IotHubKeyException when nothing was handed over
     */
    abstract void renew(IotHubKeyClient client, Batches renewed) throws Incomplete, java.io.IOException;

    /** How the new keys are verified, for the log: {@code with a SAS-signed read}. */
    abstract String verificationMethod();

    /** Receives each batch of renewed members. */
    interface Batches {
        /** An exception thrown here ends the renewal; the batch is stored (or its recovery said) first. */
        void accept(Map<RenewKeyConfig, RenewedKeys> batch) throws java.io.IOException;
    }

    /** Some members were renewed and stored, others not: {@code lines} says per member what Azure holds. */
    static final class Incomplete extends Exception {
        private static final long serialVersionUID = 1L;
        /** Members Azure may hold new keys for that Jenkins does not: the recovery names them. */
        final transient List<RenewKeyConfig> unknown;

        Incomplete(String message, List<RenewKeyConfig> unknown) {
            super(message, null, false, false);
            this.unknown = List.copyOf(unknown);
        }
    }

    /** The single policy, device or module of a configuration. */
    static Single of(RenewKeyConfig config) {
        return config.isIdentity() ? new Identity(config) : new Policy(config);
    }

    /** A single member; its current keys are what a rotation compares its credential with. */
    abstract static class Single extends RenewalTarget {
        final RenewKeyConfig config;

        Single(RenewKeyConfig config) {
            this.config = config;
        }

        @Override
        List<RenewKeyConfig> members() {
            return List.of(config);
        }

        @Override
        String describe() {
            return config.describeTarget();
        }

        @Override
        String keyPhrase() {
            return "the " + config.getKey() + " key of";
        }

        @Override
        String itsKeys() {
            return "its " + config.getKey() + " key";
        }

        @Override
        void renew(IotHubKeyClient client, Batches renewed) throws java.io.IOException {
            renewed.accept(Map.of(config, renewOne(client)));
        }

        /** Renews in Azure; throws the engine's exception when Azure did not renew, or may have. */
        abstract RenewedKeys renewOne(IotHubKeyClient client);

        /** What Azure holds now, read without changing anything. */
        abstract CurrentKeys currentKeys(IotHubKeyClient client);

        /** The engine's request checks, which are authoritative; throws its exception for a bad name. */
        abstract void checkRequest();
    }

    static final class Policy extends Single {
        Policy(RenewKeyConfig config) {
            super(config);
        }

        @Override
        String check(IotHubKeyClient client) {
            return client.checkPolicy(request(config)).hub().hostName();
        }

        @Override
        RenewedKeys renewOne(IotHubKeyClient client) {
            return keysOf(client, client.renewPolicyKey(request(config)), config);
        }

        @Override
        CurrentKeys currentKeys(IotHubKeyClient client) {
            return client.currentPolicyKeys(request(config));
        }

        @Override
        String verificationMethod() {
            return "with a SAS-signed read";
        }

        @Override
        void checkRequest() {
            request(config);
        }

        static PolicyKeyRequest request(RenewKeyConfig config) {
            return PolicyKeyRequest.of(config.getHub(), config.getResourceGroup(), config.getPolicy(),
                    KeyType.parse(config.getKey()));
        }

        static RenewedKeys keysOf(IotHubKeyClient client, PolicyKeyResult result, RenewKeyConfig config) {
            config.storedSlots().forEach(result::key); // a key missing from Azure's answer fails here, as one line
            return new RenewedKeys(result.hostName(), result::key, result::connectionString,
                    result.isVerifiable() ? slot -> client.verifyPolicyKey(result, slot) : null, result.keyOrigin(),
                    List.of());
        }
    }

    static final class Identity extends Single {
        Identity(RenewKeyConfig config) {
            super(config);
        }

        @Override
        String check(IotHubKeyClient client) {
            return client.checkIdentity(request(config)).hub().hostName();
        }

        @Override
        RenewedKeys renewOne(IotHubKeyClient client) {
            return keysOf(client, client.renewIdentityKey(request(config)));
        }

        @Override
        CurrentKeys currentKeys(IotHubKeyClient client) {
            return client.currentIdentityKeys(request(config));
        }

        @Override
        String verificationMethod() {
            return "by reading it back from the registry";
        }

        @Override
        void checkRequest() {
            request(config);
        }

        static IdentityKeyRequest request(RenewKeyConfig config) {
            KeyType type = KeyType.parse(config.getKey());
            DataPlaneAuth auth = DataPlaneAuth.valueOf(config.getDataPlaneAuth().toUpperCase(Locale.ROOT));
            if (config.getModule() != null) {
                return IdentityKeyRequest.module(config.getHub(), config.getResourceGroup(), config.getDevice(),
                        config.getModule(), type, auth);
            }
            return IdentityKeyRequest.device(config.getHub(), config.getResourceGroup(), config.getDevice(), type,
                    auth);
        }

        static RenewedKeys keysOf(IotHubKeyClient client, IdentityKeyResult result) {
            return new RenewedKeys(result.hostName(), result::key, result::connectionString,
                    slot -> client.verifyIdentityKey(result, slot), result.keyOrigin(), result.otherChanges());
        }
    }
}
