package io.jenkins.plugins.azure.iothub.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One IoT hub of the emulator: its ARM resource (etag, tags, sku, writable properties, shared access policies in
 * order) and its device registry, served on its own HTTPS port ({@link #hostName()} = {@code 127.0.0.1:<port>}).
 *
 * <p>Every method is thread safe (one lock per hub). Methods that change the hub from the test side
 * ({@link #addPolicy}, {@link #setPolicyKeys}, {@link #disableLocalAuth}, ...) act like another writer: the etag
 * changes immediately. Changes made through ARM PUT take effect when their long-running operation completes.
 */
public final class SimulatedHub {
    /** The default policies of a new hub, with their documented rights. */
    static final String[][] DEFAULT_POLICIES = {
        {"iothubowner", "RegistryWrite, ServiceConnect, DeviceConnect"},
        {"service", "ServiceConnect"},
        {"device", "DeviceConnect"},
        {"registryRead", "RegistryRead"},
        {"registryReadWrite", "RegistryWrite"},
    };

    /**
     * The properties of the api-version 2021-07-01 model (azure-resourcemanager-iothub 1.1.0
     * {@code IotHubProperties}). Properties added later (enableDataResidency, rootCertificate, ipVersion, ...) are
     * returned only to newer api-versions, as a service answers in the shape of the version asked for; a PUT that
     * leaves them out resets them like any other missing property.
     */
    static final Set<String> PROPERTIES_2021_07_01 = Set.of("authorizationPolicies", "disableLocalAuth",
            "disableDeviceSAS", "disableModuleSAS", "restrictOutboundNetworkAccess", "allowedFqdnList",
            "publicNetworkAccess", "ipFilterRules", "networkRuleSets", "minTlsVersion", "privateEndpointConnections",
            "provisioningState", "state", "hostName", "eventHubEndpoints", "routing", "storageEndpoints",
            "messagingEndpoints", "enableFileUploadNotifications", "cloudToDevice", "comments", "features",
            "locations");
    private static final String MODEL_2021_07_01 = "2021-07-01";

    final IotHubEmulator emulator;
    private final String subscriptionId;
    private final String resourceGroup;
    private final String name;
    private final String location;
    private final String hostName;
    private ObjectNode tags = Json.object();
    private ObjectNode sku = defaultSku();
    private ObjectNode properties = defaultProperties();
    private List<SharedAccessPolicy> policies = new ArrayList<>();
    private final Map<String, SimulatedIdentity> devices = new LinkedHashMap<>();
    private String etag;
    private HubOperation running;
    private volatile boolean entraDataPlaneDenied;
    private volatile boolean keepAbsentKeys;
    private volatile boolean bulkAllOrNothing;
    private final RegistryThrottle throttle = new RegistryThrottle(this);

    SimulatedHub(IotHubEmulator emulator, String subscriptionId, String resourceGroup, String name, String location,
            String hostName) {
        this.emulator = emulator;
        this.subscriptionId = subscriptionId;
        this.resourceGroup = resourceGroup;
        this.name = name;
        this.location = location;
        this.hostName = hostName;
        for (String[] p : DEFAULT_POLICIES) {
            policies.add(new SharedAccessPolicy(p[0], p[1], SymmetricKeys.generate(), SymmetricKeys.generate()));
        }
        this.etag = emulator.nextHubEtag();
    }

    public String name() {
        return name;
    }

    public String resourceGroup() {
        return resourceGroup;
    }

    public String subscriptionId() {
        return subscriptionId;
    }

    public String location() {
        return location;
    }

    /** {@code 127.0.0.1:<port>}: what ARM returns as {@code properties.hostName}; the registry listens there. */
    public String hostName() {
        return hostName;
    }

    public String resourceId() {
        return "/subscriptions/" + subscriptionId + "/resourceGroups/" + resourceGroup
                + "/providers/Microsoft.Devices/IotHubs/" + name;
    }

    public synchronized String etag() {
        settle();
        return etag;
    }

    /** {@code Active}, or {@code Updating} while a PUT's operation runs. */
    public synchronized String state() {
        settle();
        return running == null ? "Active" : "Updating";
    }

    /** The policies in their stored order (snapshot). */
    public synchronized List<SharedAccessPolicy> policies() {
        settle();
        return new ArrayList<>(policies);
    }

    /** The policy with exactly this name; fails the test if there is none. */
    public SharedAccessPolicy policy(String keyName) {
        return findPolicy(keyName).orElseThrow(() -> new AssertionError("hub " + name + " has no policy " + keyName));
    }

    public synchronized Optional<SharedAccessPolicy> findPolicy(String keyName) {
        settle();
        return policies.stream().filter(p -> p.keyName().equals(keyName)).findFirst();
    }

    /** Adds a policy with generated keys. */
    public SharedAccessPolicy addPolicy(String keyName, String rights) {
        return addPolicy(keyName, rights, SymmetricKeys.generate(), SymmetricKeys.generate());
    }

    public synchronized SharedAccessPolicy addPolicy(String keyName, String rights, String primary, String secondary) {
        if (!AccessRights.isValid(rights)) {
            throw new IllegalArgumentException("rights must be one of AccessRights.VALID: " + rights);
        }
        if (policies.stream().anyMatch(p -> p.keyName().equalsIgnoreCase(keyName))) {
            throw new IllegalArgumentException("policy exists: " + keyName);
        }
        SharedAccessPolicy policy = new SharedAccessPolicy(keyName, rights, primary, secondary);
        policies.add(policy);
        etag = emulator.nextHubEtag();
        return policy;
    }

    public synchronized void removePolicy(String keyName) {
        policies.removeIf(p -> p.keyName().equals(keyName));
        etag = emulator.nextHubEtag();
    }

    /** Another writer sets a policy's keys (new etag). */
    public synchronized void setPolicyKeys(String keyName, String primary, String secondary) {
        SharedAccessPolicy old = policy(keyName);
        policies.set(policies.indexOf(old), old.withKeys(primary, secondary));
        etag = emulator.nextHubEtag();
    }

    /** Sets {@code properties.disableLocalAuth}: when true the registry refuses every SAS token (new etag). */
    public synchronized void disableLocalAuth(boolean disable) {
        properties.put("disableLocalAuth", disable);
        etag = emulator.nextHubEtag();
    }

    public synchronized boolean localAuthDisabled() {
        settle();
        return properties.path("disableLocalAuth").asBoolean(false);
    }

    /**
     * Another writer sets a hub property (new etag), e.g. one of a newer api-version such as
     * {@code enableDataResidency}, or one no client knows yet. It is returned to api-versions newer than 2021-07-01
     * only, unless it is one of {@link #PROPERTIES_2021_07_01}.
     */
    public synchronized void setProperty(String name, JsonNode value) {
        properties.set(name, value.deepCopy());
        etag = emulator.nextHubEtag();
    }

    /**
     * A service version that keeps a policy's key when a PUT sends it absent, instead of generating a new one (the
     * behaviour the engine must survive: it then sets a key it generated itself). Default false.
     */
    public void keepAbsentKeys(boolean keep) {
        this.keepAbsentKeys = keep;
    }

    boolean keepsAbsentKeys() {
        return keepAbsentKeys;
    }

    /** The stored value of a writable property, for building an update (under the hub lock). */
    synchronized JsonNode storedProperty(String name) {
        return properties.get(name);
    }

    /**
     * A bulk registry request with any refused entry applies none of them (its answer still lists only the refused
     * ones): the REST reference does not say whether the other entries of a 400 were applied, so the engine must not
     * assume it. Default: each entry is applied or refused on its own.
     */
    public void bulkAllOrNothing(boolean allOrNothing) {
        this.bulkAllOrNothing = allOrNothing;
    }

    boolean bulkAllOrNothing() {
        return bulkAllOrNothing;
    }

    /** When true, the registry refuses Entra (Bearer) tokens: the caller has no data-plane role on this hub. */
    public void denyEntraDataPlane(boolean deny) {
        this.entraDataPlaneDenied = deny;
    }

    boolean entraDataPlaneDenied() {
        return entraDataPlaneDenied;
    }

    /** The registry throttle of this hub (off until {@link RegistryThrottle#enabled(boolean)}). */
    public RegistryThrottle throttle() {
        return throttle;
    }

    /** Another writer changes the pricing tier and units, e.g. {@code ("S3", 2)} (new etag). */
    public synchronized void setSku(String skuName, int units) {
        sku = Json.object().put("name", skuName).put("tier", skuName.startsWith("B") ? "Basic"
                : skuName.startsWith("F") ? "Free" : "Standard").put("capacity", units);
        etag = emulator.nextHubEtag();
    }

    public synchronized String skuName() {
        settle();
        return sku.path("name").asText("S1");
    }

    public synchronized int skuCapacity() {
        settle();
        return sku.path("capacity").asInt(1);
    }

    /** Sets a tag (new etag); a PUT that omits it removes it, as ARM PUT replaces the resource. */
    public synchronized void tag(String key, String value) {
        tags.put(key, value);
        etag = emulator.nextHubEtag();
    }

    public synchronized Map<String, String> tags() {
        Map<String, String> copy = new LinkedHashMap<>();
        tags.fields().forEachRemaining(e -> copy.put(e.getKey(), e.getValue().asText()));
        return copy;
    }

    /** A copy of the writable properties (everything but the computed ones and the policies). */
    public synchronized JsonNode writableProperties() {
        settle();
        return properties.deepCopy();
    }

    /** A SAS device with generated keys. */
    public SimulatedIdentity addDevice(String deviceId) {
        return addDevice(deviceId, SymmetricKeys.generate(), SymmetricKeys.generate());
    }

    public synchronized SimulatedIdentity addDevice(String deviceId, String primary, String secondary) {
        SimulatedIdentity device = newIdentity(deviceId, null);
        device.sas(primary, secondary);
        devices.put(deviceId, device);
        return device;
    }

    /** A device authenticated by self-signed X.509 thumbprints (no symmetric keys). */
    public synchronized SimulatedIdentity addX509Device(String deviceId) {
        SimulatedIdentity device = newIdentity(deviceId, null);
        device.x509(SimulatedIdentity.AuthType.SELF_SIGNED, randomThumbprint(), randomThumbprint());
        devices.put(deviceId, device);
        return device;
    }

    /** A device authenticated by a CA-signed certificate (no keys, no thumbprints). */
    public synchronized SimulatedIdentity addCertificateAuthorityDevice(String deviceId) {
        SimulatedIdentity device = newIdentity(deviceId, null);
        device.x509(SimulatedIdentity.AuthType.CERTIFICATE_AUTHORITY, null, null);
        devices.put(deviceId, device);
        return device;
    }

    /** A SAS module with generated keys on an existing device. */
    public synchronized SimulatedIdentity addModule(String deviceId, String moduleId) {
        SimulatedIdentity device = device(deviceId);
        SimulatedIdentity module = newIdentity(deviceId, moduleId);
        module.sas(SymmetricKeys.generate(), SymmetricKeys.generate());
        device.modules.put(moduleId, module);
        return module;
    }

    public synchronized SimulatedIdentity device(String deviceId) {
        SimulatedIdentity device = devices.get(deviceId);
        if (device == null) {
            throw new AssertionError("hub " + name + " has no device " + deviceId);
        }
        return device;
    }

    public synchronized SimulatedIdentity module(String deviceId, String moduleId) {
        SimulatedIdentity module = device(deviceId).modules.get(moduleId);
        if (module == null) {
            throw new AssertionError("device " + deviceId + " has no module " + moduleId);
        }
        return module;
    }

    /** Every key the hub holds now: its policies', its devices' and their modules' (none for an X.509 identity). */
    public synchronized List<String> allKeys() {
        List<String> keys = new ArrayList<>();
        for (SharedAccessPolicy p : policies) {
            keys.add(p.primaryKey());
            keys.add(p.secondaryKey());
        }
        for (SimulatedIdentity device : devices.values()) {
            List<SimulatedIdentity> identities = new ArrayList<>(List.of(device));
            identities.addAll(device.modules.values());
            for (SimulatedIdentity identity : identities) {
                keys.add(identity.primaryKey());
                keys.add(identity.secondaryKey());
            }
        }
        keys.removeIf(java.util.Objects::isNull);
        return keys;
    }

    public synchronized boolean hasDevice(String deviceId) {
        return devices.containsKey(deviceId);
    }

    /** A hub-scoped SAS token signed with the policy's primary key, valid for {@code validFor}. */
    public String sasToken(String policyName, Duration validFor) {
        return SasTokens.create(hostName, policyName, policy(policyName).primaryKey(), validFor);
    }

    /**
     * {@code HostName=127.0.0.1:<port>;SharedAccessKeyName=..;SharedAccessKey=..}. Note that RegistryClient's
     * connection-string constructor refuses a host with a port; use {@code RegistryClient(hostName, credential)}.
     */
    public String connectionString(String policyName) {
        return "HostName=" + hostName + ";SharedAccessKeyName=" + policyName + ";SharedAccessKey="
                + policy(policyName).primaryKey();
    }

    // ---- used by the request handlers (all under the hub lock) ----

    synchronized Map<String, SimulatedIdentity> devicesView() {
        return devices;
    }

    SimulatedIdentity newIdentity(String deviceId, String moduleId) {
        return new SimulatedIdentity(this, deviceId, moduleId, emulator.nextIdentityEtag());
    }

    synchronized HubOperation runningOperation() {
        settle();
        return running;
    }

    /** Accepts a validated update as a running operation; the caller has checked busy state and If-Match. */
    synchronized HubOperation begin(HubUpdate update, boolean failAtEnd, LroSettings settings) {
        HubOperation op = new HubOperation(UUID.randomUUID().toString().replace("-", ""), this, update, failAtEnd,
                settings);
        running = op;
        return op;
    }

    /** Called by the operation (under this lock) when it ends. */
    void operationFinished(HubOperation op) {
        if (op.status() == HubOperation.Status.SUCCEEDED) {
            HubUpdate u = op.update;
            tags = u.tags;
            sku = u.sku;
            properties = u.properties;
            policies = new ArrayList<>(u.policies);
            etag = emulator.nextHubEtag();
        }
        running = null;
    }

    /** Ends a running operation whose auto-completion time has passed. */
    synchronized void settle() {
        if (running != null) {
            running.settleIfExpired();
        }
    }

    /** The hub as ARM GET/list return it at this api-version: security properties (the policies) never included. */
    synchronized ObjectNode toArmJson(String apiVersion) {
        settle();
        return armJson(tags, sku, properties, running == null ? "Succeeded" : "Accepted",
                running == null ? "Active" : "Updating", apiVersion);
    }

    /** The 201 body of an accepted PUT: the requested state, still with the current etag. */
    synchronized ObjectNode toAcceptedJson(HubUpdate update, String apiVersion) {
        return armJson(update.tags, update.sku, update.properties, "Accepted", "Updating", apiVersion);
    }

    private ObjectNode armJson(ObjectNode tagsNode, ObjectNode skuNode, ObjectNode props, String provisioningState,
            String state, String apiVersion) {
        boolean newer = apiVersion.compareTo(MODEL_2021_07_01) > 0;
        ObjectNode json = Json.object();
        json.put("id", resourceId());
        json.put("name", name);
        json.put("type", "Microsoft.Devices/IotHubs");
        json.put("location", location);
        json.set("tags", tagsNode.deepCopy());
        json.put("subscriptionid", subscriptionId);
        json.put("resourcegroup", resourceGroup);
        json.put("etag", etag);
        ObjectNode p = props.deepCopy();
        if (!newer) {
            p.retain(PROPERTIES_2021_07_01);
        }
        p.put("provisioningState", provisioningState);
        p.put("state", state);
        p.put("hostName", hostName);
        addReadOnlyEventHubFields(p);
        ArrayNode locations = p.putArray("locations");
        locations.addObject().put("location", location).put("role", "primary");
        json.set("properties", p);
        json.set("sku", skuNode.deepCopy());
        json.putObject("identity").put("type", "None");
        if (newer) {
            json.putObject("systemData").put("createdAt", "2024-01-01T00:00:00Z");
        }
        return json;
    }

    private void addReadOnlyEventHubFields(ObjectNode props) {
        JsonNode events = props.path("eventHubEndpoints").path("events");
        if (events.isObject()) {
            ObjectNode e = (ObjectNode) events;
            ArrayNode ids = e.putArray("partitionIds");
            int count = e.path("partitionCount").asInt(4);
            for (int i = 0; i < count; i++) {
                ids.add(Integer.toString(i));
            }
            e.put("path", name);
            e.put("endpoint", "sb://iothub-ns-" + name.toLowerCase(java.util.Locale.ROOT) + ".servicebus.windows.net/");
        }
    }

    static ObjectNode policyJson(SharedAccessPolicy p) {
        return Json.object().put("keyName", p.keyName()).put("primaryKey", p.primaryKey())
                .put("secondaryKey", p.secondaryKey()).put("rights", p.rights());
    }

    private static ObjectNode defaultSku() {
        return Json.object().put("name", "S1").put("tier", "Standard").put("capacity", 1);
    }

    private static ObjectNode defaultProperties() {
        ObjectNode p = Json.object();
        p.putArray("ipFilterRules");
        p.putObject("eventHubEndpoints").putObject("events").put("retentionTimeInDays", 1).put("partitionCount", 4);
        ObjectNode c2d = p.putObject("cloudToDevice");
        c2d.put("maxDeliveryCount", 10).put("defaultTtlAsIso8601", "PT1H");
        c2d.putObject("feedback").put("lockDurationAsIso8601", "PT1M").put("ttlAsIso8601", "PT1H")
                .put("maxDeliveryCount", 10);
        ObjectNode routing = p.putObject("routing");
        ObjectNode endpoints = routing.putObject("endpoints");
        for (String kind : new String[] {"serviceBusQueues", "serviceBusTopics", "eventHubs", "storageContainers"}) {
            endpoints.putArray(kind);
        }
        routing.putArray("routes");
        routing.putObject("fallbackRoute").put("name", "$fallback").put("source", "DeviceMessages")
                .put("condition", "true").put("isEnabled", true).putArray("endpointNames").add("events");
        p.putObject("storageEndpoints").putObject("$default").put("sasTtlAsIso8601", "PT1H")
                .put("connectionString", "").put("containerName", "");
        p.putObject("messagingEndpoints").putObject("fileNotifications").put("lockDurationAsIso8601", "PT1M")
                .put("ttlAsIso8601", "PT1H").put("maxDeliveryCount", 10);
        p.put("enableFileUploadNotifications", false);
        p.put("features", "None");
        p.put("disableLocalAuth", false);
        return p;
    }

    private static String randomThumbprint() {
        StringBuilder sb = new StringBuilder();
        java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 0; i < 40; i++) {
            sb.append(Character.forDigit(r.nextInt(16), 16));
        }
        return sb.toString().toUpperCase(java.util.Locale.ROOT);
    }

    @Override
    public String toString() {
        return "SimulatedHub[" + name + " in " + resourceGroup + ", " + hostName + "]";
    }
}
