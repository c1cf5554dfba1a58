package io.jenkins.plugins.azure.iothub.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Renew the keys of many devices and modules of one hub: an explicit list, or every SAS device matching a registry
 * query condition, minus the identities already renewed in this rotation (resume). Validated when built.
 *
 * <pre>
 * FleetKeyRequest request = FleetKeyRequest.builder("hub1", "rg1", KeyType.SECONDARY)
 *         .devicesMatching("tags.fleet = 'north'")        // or .devices(ids) / .module(device, module)
 *         .alreadyRenewed(idsStoredByTheLastRun)          // resume: these are skipped
 *         .build();
 * </pre>
 */
public final class FleetKeyRequest {
    private final String hubName;
    private final String resourceGroup;
    private final KeyType keyType;
    private final List<IdentityId> identities;
    private final String condition;
    private final Set<IdentityId> alreadyRenewed;
    private final Double operationsPerMinute;
    private final DataPlaneAuth auth;

    private FleetKeyRequest(Builder b) {
        this.hubName = b.hubName;
        this.resourceGroup = b.resourceGroup;
        this.keyType = b.keyType;
        this.identities = List.copyOf(b.identities);
        this.condition = b.condition;
        this.alreadyRenewed = Set.copyOf(b.alreadyRenewed);
        this.operationsPerMinute = b.operationsPerMinute;
        this.auth = b.auth;
    }

    /**
     * @param resourceGroup may be null or blank: the hub is then found by name in the whole subscription
     * @throws IotHubKeyException INVALID_ARGUMENT for malformed names
     */
    public static Builder builder(String hub, String resourceGroup, KeyType keyType) {
        return new Builder(hub, resourceGroup, keyType);
    }

    public String hubName() {
        return hubName;
    }

    public String resourceGroup() {
        return resourceGroup;
    }

    public KeyType keyType() {
        return keyType;
    }

    /** The explicit identities, in the order given; empty when a condition selects the devices. */
    public List<IdentityId> identities() {
        return identities;
    }

    /** The registry query condition (the WHERE part), or null for an explicit list. */
    public String condition() {
        return condition;
    }

    public Set<IdentityId> alreadyRenewed() {
        return alreadyRenewed;
    }

    /** The pacing rate of identity registry operations, or null for 98 % of the hub's tier limit. */
    public Double operationsPerMinute() {
        return operationsPerMinute;
    }

    public DataPlaneAuth auth() {
        return auth;
    }

    @Override
    public String toString() {
        return "FleetKeyRequest[hub=" + hubName + ", key=" + keyType.cliName() + ", "
                + (condition != null ? "condition=" + condition : identities.size() + " identities") + ", skip "
                + alreadyRenewed.size() + "]";
    }

    /** Collects a {@link FleetKeyRequest}; {@link #build()} checks it. */
    public static final class Builder {
        private final String hubName;
        private final String resourceGroup;
        private final KeyType keyType;
        private final Set<IdentityId> identities = new LinkedHashSet<>();
        private String condition;
        private final Set<IdentityId> alreadyRenewed = new LinkedHashSet<>();
        private Double operationsPerMinute;
        private DataPlaneAuth auth = DataPlaneAuth.KEY;

        private Builder(String hub, String resourceGroup, KeyType keyType) {
            this.hubName = Names.checkHub(hub);
            this.resourceGroup = Names.checkResourceGroup(resourceGroup, hub);
            this.keyType = Objects.requireNonNull(keyType, "keyType");
        }

        /** Devices by id (duplicates are renewed once). */
        public Builder devices(Collection<String> deviceIds) {
            for (String id : deviceIds) {
                identities.add(IdentityId.device(Names.checkIdentityId(id, "device", hubName)));
            }
            return this;
        }

        public Builder module(String deviceId, String moduleId) {
            identities.add(IdentityId.module(Names.checkIdentityId(deviceId, "device", hubName),
                    Names.checkIdentityId(moduleId, "module", hubName)));
            return this;
        }

        /**
         * Every SAS device whose twin matches this IoT Hub query condition (the part after WHERE in
         * {@code SELECT * FROM devices WHERE ...}, e.g. {@code tags.site = 'north'}); blank means every SAS device.
         * Devices that use X.509 certificates are left out. Needs a tier with device twins (not Basic).
         */
        public Builder devicesMatching(String queryCondition) {
            this.condition = queryCondition == null ? "" : queryCondition.trim();
            return this;
        }

        /** Identities renewed earlier in this rotation (e.g. the ids the last run stored); they are skipped. */
        public Builder alreadyRenewed(Collection<IdentityId> renewed) {
            alreadyRenewed.addAll(renewed);
            return this;
        }

        /**
         * The pace of identity registry operations (reads, and each identity of a bulk write, count one each). By
         * default 98 % of the tier's limit (S1, S2, B1, B2, F1: 100 per minute per unit; S3, B3: 5,000).
         */
        public Builder operationsPerMinute(double rate) {
            if (!(rate > 0)) {
                throw new IllegalArgumentException("operationsPerMinute must be positive");
            }
            this.operationsPerMinute = rate;
            return this;
        }

        /** Null means {@link DataPlaneAuth#KEY}. */
        public Builder auth(DataPlaneAuth dataPlaneAuth) {
            this.auth = dataPlaneAuth == null ? DataPlaneAuth.KEY : dataPlaneAuth;
            return this;
        }

        public FleetKeyRequest build() {
            if (condition != null && !identities.isEmpty()) {
                throw invalid("Give either device ids or a device condition for IoT hub '" + hubName
                        + "', not both.");
            }
            if (condition == null && identities.isEmpty()) {
                throw invalid("Give the device ids (or a device condition) whose keys to renew on IoT hub '"
                        + hubName + "'.");
            }
            return new FleetKeyRequest(this);
        }

        private static IotHubKeyException invalid(String message) {
            return new IotHubKeyException(IotHubKeyException.Reason.INVALID_ARGUMENT, message, false, null);
        }
    }

    /** The explicit identities in order, devices and modules separated. */
    List<IdentityId> explicitOfKind(boolean modules) {
        List<IdentityId> picked = new ArrayList<>();
        for (IdentityId id : identities) {
            if (id.isModule() == modules) {
                picked.add(id);
            }
        }
        return picked;
    }
}
