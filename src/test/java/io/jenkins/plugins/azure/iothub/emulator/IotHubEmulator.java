package io.jenkins.plugins.azure.iothub.emulator;

import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.profile.AzureProfile;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A local HTTPS emulator of Azure IoT Hub for tests: the ARM resource provider ({@code Microsoft.Devices/IotHubs},
 * api-version 2023-06-30 as the engine sends it, and 2021-07-01 as azure-resourcemanager-iothub 1.1.0 does) and,
 * per hub, the device registry data plane
 * (api-version 2021-04-12 as sent by iot-service-client 2.1.9), built to the real APIs' rules rather than to a client.
 *
 * <h2>Usage</h2>
 * <pre>
 * try (IotHubEmulator emu = IotHubEmulator.start()) {          // also makes this JVM trust the emulator's certificate
 *     SimulatedHub hub = emu.addHub("sub-1", "rg-1", "hub1");    // default policies iothubowner, service, device,
 *                                                                // registryRead, registryReadWrite (random 32-byte keys)
 *     hub.addDevice("d1"); hub.addModule("d1", "m1"); hub.addX509Device("x1");
 *     emu.lro().retryAfterSeconds(0).pollsUntilDone(1);          // LRO pacing; set a small SDK poll interval too
 *     emu.pageSize(2);                                           // force several pages in lists and listkeys
 *
 *     // ARM: endpoint + Entra-like credential
 *     IotHubManager arm = IotHubManager.configure().withDefaultPollInterval(Duration.ofMillis(20))
 *             .authenticate(emu.tokenCredential(), emu.azureProfile("sub-1"));
 *     // Registry: one port per hub; hostName() is what ARM returns in properties.hostName ("127.0.0.1:port")
 *     RegistryClient registry = new RegistryClient(hub.hostName(),
 *             new AzureSasCredential(hub.sasToken("registryReadWrite", Duration.ofHours(1))));
 *
 *     emu.faults().on("PUT", ".*&#47;IotHubs/hub1").throttle(1);       // fault injection, see {@link FaultRule}
 *     emu.requests().all();                                      // request log, see {@link RequestLog}
 *     hub.policy("service").primaryKey();                         // state for assertions
 * }
 * </pre>
 *
 * <h2>Behaviour worth knowing</h2>
 * <ul>
 *   <li><b>Trust:</b> {@link #start()} calls {@link EmulatorTls#installClientTrust()}: the ARM SDK's default Netty
 *       client, {@code RegistryClient} (HttpsURLConnection) and {@code java.net.http.HttpClient} then trust the
 *       committed test certificate (SAN 127.0.0.1, localhost) with hostname verification on; no JVM flags needed, as
 *       long as the emulator starts before the JVM's first HTTPS client is created.</li>
 *   <li><b>ARM auth:</b> {@code Authorization: Bearer} with a token from {@link #tokenCredential()} (ARM audience),
 *       else 401. {@link EmulatorCredential#revokeIssuedTokens()} makes tokens invalid (401);
 *       {@link #armRole(ArmRole)} READER/NONE gives 403 AuthorizationFailed.</li>
 *   <li><b>api-version:</b> missing or unknown gives 400 on both planes.</li>
 *   <li><b>GET hub / lists</b> never return authorizationPolicies (security properties are null, like the service);
 *       top-level {@code resourcegroup} and {@code subscriptionid} are included. Answers have the shape of the
 *       api-version asked for: properties newer than the 2021-07-01 model ({@link SimulatedHub#setProperty}, e.g.
 *       {@code enableDataResidency}, {@code rootCertificate}, {@code ipVersion} or an unknown future one) and
 *       {@code systemData} only go to newer api-versions, so an old client's PUT resets them. Unknown subscription, resource group
 *       or hub give 404 with an ARM error body.</li>
 *   <li><b>PUT hub:</b> 409 (IH409002 body) while another update runs; 412 (412001 body) when If-Match is missing or
 *       not exactly the current etag ({@code *} and a quoted etag are refused too); 400 for a missing location/sku, an invalid policy (keyName,
 *       rights not one of the 15 {@link AccessRights#VALID} strings, a supplied key that is empty/not padded base64 of
 *       16..64 bytes). A policy whose key is absent or null gets a new generated key (service-side renewal), or keeps
 *       its key when {@link SimulatedHub#keepAbsentKeys(boolean)} models a service version that does so.
 *       {@code rootCertificate.lastUpdatedTimeUtc} sent in a PUT is ignored (read-only). The PUT replaces
 *       the resource: policies missing from the body are deleted, missing tags/properties fall back to defaults.
 *       Answer: 201, {@code Azure-AsyncOperation} (operationResults URL with {@code &asyncinfo}) and
 *       {@code Retry-After}. The status is {@code Running} for {@link LroSettings#pollsUntilDone} polls, then
 *       {@code Succeeded}, or {@code Failed} with an error when {@link FaultRule#lroFailed()} was injected.
 *       <b>Changes (policies, keys, tags, properties) and the new etag take effect when the operation completes</b>;
 *       until then every read (GET, listkeys, registry SAS checks) sees the old state and the hub's state is
 *       {@code Updating}. The 201 body shows the requested state with the old etag. An operation nobody polls ends
 *       by itself after {@link LroSettings#autoCompleteAfter} (default 10 s).</li>
 *   <li><b>Policy names:</b> {@code IotHubKeys/{keyName}/listkeys} and SAS {@code skn} match the stored name exactly
 *       (case-sensitive; the service's rule is unconfirmed, exact is the strict choice). Hub, resource-group and path
 *       keywords match case-insensitively like ARM. Order of policies is kept as PUT.</li>
 *   <li><b>Registry:</b> SAS tokens really validated (HMAC with the base64-decoded key of the policy named by skn,
 *       primary or secondary; unexpired; sr = host or a prefix of host/path; right RegistryRead for reads, RegistryWrite
 *       for writes (it also grants reads), ServiceConnect for /statistics/service); Entra Bearer tokens accepted unless
 *       {@link SimulatedHub#denyEntraDataPlane(boolean)}; disableLocalAuth refuses SAS. Errors use the data-plane body
 *       {@code {"Message":"ErrorCode:<Name>;<text>","ExceptionMessage":"Tracking ID:..."}}.</li>
 *   <li><b>Paths:</b> each segment is percent-decoded on its own (an encoded '/' stays inside its segment) and
 *       "."/".." segments, also encoded, are removed like URL normalisation; empty segments ("//", trailing "/")
 *       match no route; the request log keeps the raw path. A
 *       request line the JDK server cannot parse (e.g. a bare '%' or a space) is answered 400 by the JDK server before
 *       the emulator sees it, so it does not appear in the log.</li>
 *   <li><b>Devices:</b> PUT without If-Match creates (409 if it exists); with If-Match ({@code *} or the etag,
 *       quoted or not) updates (404 if absent, 412 on a stale etag). Every change, also from the test side
 *       ({@link SimulatedIdentity#setStatus}, {@link SimulatedIdentity#setKeys}), gets a new etag. SAS keys: both
 *       absent = generated, one absent =
 *       400. x509 ({@code selfSigned}, {@code certificateAuthority}) and {@code none} identities have no keys.</li>
 *   <li><b>Request log:</b> {@link RecordedRequest} keeps method, raw path, query, If-Match, full Authorization and
 *       body in memory for assertions, the status (-1 = dropped) and the emulator-side handling time; its
 *       {@code toString()} prints only the auth scheme.</li>
 *   <li><b>Clients that retry by themselves:</b> java.net.http and HttpsURLConnection silently resend an idempotent
 *       request once after a dropped connection, and the ARM SDK's RetryPolicy retries 429/5xx/IO errors; program
 *       faults with {@link FaultRule#times(int)} accordingly.</li>
 * </ul>
 */
public final class IotHubEmulator implements AutoCloseable {
    /** Location of hubs made by {@link #addHub(String, String, String)}. */
    public static final String DEFAULT_LOCATION = "westeurope";
    private static final Pattern HUB_NAME = Pattern.compile("^(?![0-9]+$)(?!-)[a-zA-Z0-9-]{2,49}[a-zA-Z0-9]$");

    static {
        // The JDK server delays small writes without this (about 25 ms per request against Netty).
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final ExecutorService executor;
    private final HttpsServer arm;
    private final List<HttpsServer> registries = new CopyOnWriteArrayList<>();
    private final List<SimulatedHub> hubs = new CopyOnWriteArrayList<>();
    private final Map<String, String> subscriptions = new ConcurrentHashMap<>();
    private final Map<String, String> resourceGroups = new ConcurrentHashMap<>();
    private final Map<String, HubOperation> operations = new ConcurrentHashMap<>();
    private final EmulatorCredential credential = new EmulatorCredential();
    private final Faults faults = new Faults();
    private final RequestLog requests = new RequestLog();
    private final LroSettings lro = new LroSettings();
    private final AtomicLong hubEtags = new AtomicLong(0x0000_0001_4D0C_0000L);
    private final AtomicLong identityEtags = new AtomicLong(1);
    private final Path trustStore;
    private volatile int pageSize = 100;
    private volatile ArmRole armRole = ArmRole.CONTRIBUTOR;

    private IotHubEmulator() throws IOException {
        this.trustStore = EmulatorTls.installClientTrust();
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "iothub-emulator-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.arm = newServer();
        arm.createContext("/", new ArmApi(this));
        arm.start();
    }

    /** Starts the ARM endpoint on 127.0.0.1 (ephemeral port) and installs client trust for the test certificate. */
    public static IotHubEmulator start() {
        try {
            return new IotHubEmulator();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the IoT Hub emulator", e);
        }
    }

    /** {@code https://127.0.0.1:<port>}, the ARM endpoint (no trailing slash). */
    public String armEndpoint() {
        return "https://127.0.0.1:" + arm.getAddress().getPort();
    }

    /** An Azure profile whose resource-manager endpoint is this emulator (management scope as in the public cloud). */
    public AzureProfile azureProfile(String subscriptionId) {
        Map<String, String> endpoints = new HashMap<>(AzureEnvironment.AZURE.getEndpoints());
        endpoints.put("resourceManagerEndpointUrl", armEndpoint());
        return new AzureProfile("emulator-tenant", subscriptionId, new AzureEnvironment(endpoints));
    }

    /** The credential whose tokens this emulator accepts (ARM and data plane, by scope). */
    public EmulatorCredential tokenCredential() {
        return credential;
    }

    /** A hub in {@link #DEFAULT_LOCATION}; creates the subscription and resource group on first use. */
    public SimulatedHub addHub(String subscriptionId, String resourceGroup, String name) {
        return addHub(subscriptionId, resourceGroup, name, DEFAULT_LOCATION);
    }

    public synchronized SimulatedHub addHub(String subscriptionId, String resourceGroup, String name,
            String location) {
        if (!HUB_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a valid IoT hub name: " + name);
        }
        if (hubNamed(name) != null) {
            throw new IllegalArgumentException("hub names are globally unique; exists: " + name);
        }
        addResourceGroup(subscriptionId, resourceGroup);
        try {
            HttpsServer registry = newServer();
            SimulatedHub hub = new SimulatedHub(this, subscriptionId, resourceGroup, name, location,
                    "127.0.0.1:" + registry.getAddress().getPort());
            registry.createContext("/", new RegistryApi(this, hub));
            registry.start();
            registries.add(registry);
            hubs.add(hub);
            return hub;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes an (empty) resource group known, so lists in it answer 200 with no hubs instead of 404. */
    public void addResourceGroup(String subscriptionId, String resourceGroup) {
        subscriptions.putIfAbsent(subscriptionId.toLowerCase(Locale.ROOT), subscriptionId);
        resourceGroups.putIfAbsent(rgKey(subscriptionId, resourceGroup), resourceGroup);
    }

    /** The hub with this name (case-insensitive); fails the test when absent. */
    public SimulatedHub hub(String name) {
        SimulatedHub hub = hubNamed(name);
        if (hub == null) {
            throw new AssertionError("no hub " + name);
        }
        return hub;
    }

    public List<SimulatedHub> hubs() {
        return new ArrayList<>(hubs);
    }

    public Faults faults() {
        return faults;
    }

    public RequestLog requests() {
        return requests;
    }

    public LroSettings lro() {
        return lro;
    }

    /** Items per page for hub lists and listkeys (default 100, i.e. one page). */
    public IotHubEmulator pageSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("page size must be >= 1");
        }
        this.pageSize = size;
        return this;
    }

    public int pageSize() {
        return pageSize;
    }

    /** What the credential's principal may do on ARM (default CONTRIBUTOR). */
    public IotHubEmulator armRole(ArmRole role) {
        this.armRole = role;
        return this;
    }

    public ArmRole armRole() {
        return armRole;
    }

    /** The PKCS12 trust store (password {@code changeit}) holding the JVM's anchors plus the emulator certificate. */
    public Path trustStore() {
        return trustStore;
    }

    @Override
    public void close() {
        arm.stop(0);
        registries.forEach(s -> s.stop(0));
        executor.shutdownNow();
    }

    // ---- for the handlers ----

    EmulatorCredential credential() {
        return credential;
    }

    SimulatedHub hubNamed(String name) {
        return hubs.stream().filter(h -> h.name().equalsIgnoreCase(name)).findFirst().orElse(null);
    }

    SimulatedHub findHub(String sub, String rg, String name) {
        return hubs.stream().filter(h -> h.subscriptionId().equalsIgnoreCase(sub)
                && h.resourceGroup().equalsIgnoreCase(rg) && h.name().equalsIgnoreCase(name)).findFirst().orElse(null);
    }

    List<SimulatedHub> hubsIn(String sub, String rg) {
        return hubs.stream().filter(h -> h.subscriptionId().equalsIgnoreCase(sub)
                && (rg == null || h.resourceGroup().equalsIgnoreCase(rg))).collect(Collectors.toList());
    }

    boolean hasSubscription(String sub) {
        return subscriptions.containsKey(sub.toLowerCase(Locale.ROOT));
    }

    boolean hasResourceGroup(String sub, String rg) {
        return resourceGroups.containsKey(rgKey(sub, rg));
    }

    void register(HubOperation op) {
        operations.put(op.id, op);
    }

    HubOperation operation(String id) {
        return operations.get(id);
    }

    /** Opaque ARM-style etags (base64 of an 8-byte counter, like "AAAAAU0MAAE="). */
    String nextHubEtag() {
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(8).putLong(hubEtags.incrementAndGet()).array());
    }

    /** Registry-style etags (base64 of a decimal counter, like "MTI="). */
    String nextIdentityEtag() {
        return Base64.getEncoder().encodeToString(Long.toString(identityEtags.incrementAndGet()).getBytes(
                java.nio.charset.StandardCharsets.US_ASCII));
    }

    private static String rgKey(String sub, String rg) {
        return sub.toLowerCase(Locale.ROOT) + "|" + rg.toLowerCase(Locale.ROOT);
    }

    private HttpsServer newServer() throws IOException {
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0), 64);
        server.setHttpsConfigurator(new HttpsConfigurator(EmulatorTls.serverContext()));
        server.setExecutor(executor);
        return server;
    }
}
