package io.jenkins.plugins.azure.iothub.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Renews many identities of one hub at the registry's pace. Devices go in batches of up to 100: each device is read
 * (GET, for its keys, status and etag), then one Bulk Registry request ({@code POST /devices}) writes the whole batch
 * with {@code importMode: updateIfMatchETag} and each device's etag, the identity as read with only its keys changed.
 * Per device: no error = applied when the request succeeded, and read back when it did not (whether Azure applies the
 * other entries of a failed request is not documented); PreconditionFailed or EtagDoesNotMatch (another writer) = read
 * again and apply the key change on top; DeviceNotFound and other refusals = reported. A request whose outcome is unknown (dropped connection, 5xx) is settled
 * by reading the devices again: those holding the new keys are renewed, the others are written again. 429 waits the
 * Retry-After and sends the same batch again (nothing was applied). Modules are renewed one by one as in
 * {@link IdentityRenewal} (the Bulk Registry reference describes device identities). All registry operations go
 * through one {@link RegistryPacer}; every batch gets a fresh time budget and a fresh registry token.
 */
final class FleetRenewal {
    private static final Logger LOGGER = Logger.getLogger(FleetRenewal.class.getName());
    static final int BATCH = 100;
    private static final int QUERY_PAGE = 1000;

    /** A device of the current batch: as read, and the keys it should get. */
    private static final class Pending {
        final IdentityKeyRequest request;
        ObjectNode identity;
        String etag;
        String[] base;
        String[] target;

        Pending(IdentityKeyRequest request) {
            this.request = request;
        }
    }

    /** Ends the run early (interrupt, time budget) after the current batch has been reported. */
    private static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient IotHubKeyException cause;

        Stop(IotHubKeyException cause) {
            super(cause.getMessage(), null, false, false);
            this.cause = cause;
        }
    }

    private final ArmGateway arm;
    private final Supplier<Retrier> retriers;
    private final DataPlaneFactory planes;
    private final FleetKeyRequest request;
    private final FleetProgress progress;
    private final String action;
    private final List<IdentityKeyResult> renewed = new ArrayList<>();
    private final List<FleetFailure> failed = new ArrayList<>();
    private final long startNanos = System.nanoTime();
    private RegistryPacer pacer;
    private int total;

    /** Makes the registry client of one batch (fresh token). */
    interface DataPlaneFactory {
        DataPlane.Registry registry(Retrier retrier, HubInfo hub, DataPlaneAuth auth, String action);
    }

    FleetRenewal(ArmGateway arm, Supplier<Retrier> retriers, DataPlaneFactory planes, FleetKeyRequest request,
            FleetProgress progress) {
        this.arm = arm;
        this.retriers = retriers;
        this.planes = planes;
        this.request = request;
        this.progress = progress;
        this.action = "renewing the " + request.keyType().cliName() + " keys of devices and modules on IoT hub '"
                + request.hubName() + "'";
    }

    FleetKeyResult run() {
        Retrier setup = retriers.get();
        HubLocator.Located located = new HubLocator(arm, setup, new CallObserver()).locate(request.hubName(),
                request.resourceGroup(), action);
        HubInfo hub = located.info;
        JsonNode sku = located.description.path("sku");
        pacer = new RegistryPacer(request.operationsPerMinute() != null ? request.operationsPerMinute()
                : RegistryPacer.DEFAULT_SHARE * RegistryPacer.tierLimit(EngineJson.text(sku, "name"),
                        sku.path("capacity").asInt(1)));
        DataPlane.Registry registry = planes.registry(setup, hub, request.auth(), action);
        List<IdentityId> targets = request.condition() != null ? query(setup, registry, hub)
                : request.identities();
        List<IdentityId> skipped = new ArrayList<>();
        List<IdentityId> devices = new ArrayList<>();
        List<IdentityId> modules = new ArrayList<>();
        for (IdentityId id : targets) {
            if (request.alreadyRenewed().contains(id)) {
                skipped.add(id);
            } else {
                (id.isModule() ? modules : devices).add(id);
            }
        }
        total = devices.size() + modules.size();
        List<IdentityId> remaining = new ArrayList<>(devices);
        remaining.addAll(modules);
        try {
            for (int from = 0; from < devices.size(); from += BATCH) {
                List<IdentityId> batch = devices.subList(from, Math.min(devices.size(), from + BATCH));
                deviceBatch(hub, batch);
                remaining.removeAll(batch);
            }
            for (IdentityId module : modules) {
                module(hub, module);
                remaining.remove(module);
            }
        } catch (Stop stop) {
            LOGGER.fine(() -> Deadline.capitalize(action) + ": stopped early (" + stop.cause.reason() + ")");
            for (IdentityId id : remaining) {
                if (failed.stream().noneMatch(f -> f.id().equals(id))
                        && renewed.stream().noneMatch(r -> idOf(r).equals(id))) {
                    failed.add(new FleetFailure(id, FleetFailure.State.NOT_RENEWED, "not attempted: "
                            + stop.cause.reason().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')));
                }
            }
        }
        return new FleetKeyResult(hub, renewed, skipped, failed, pacer.operations(), elapsed(),
                pacer.perMinute());
    }

    /** Every SAS device whose twin matches the condition, all pages (x-ms-continuation). */
    private List<IdentityId> query(Retrier retrier, DataPlane.Registry registry, HubInfo hub) {
        String query = "SELECT * FROM devices" + (request.condition().isEmpty() ? ""
                : " WHERE " + request.condition());
        Problems.Advice advice = new Problems.Advice("The device query on IoT hub '" + hub.name() + "' was not"
                + " found: check that the hub's tier has device twins (not Basic).",
                IdentityRenewal.advice(IdentityKeyRequest.device(hub.name(), hub.resourceGroup(), "query",
                        request.keyType(), request.auth()), hub.name(), registry.policyName).unauthorized);
        List<IdentityId> ids = new ArrayList<>();
        String continuation = null;
        do {
            String token = continuation;
            RestPipeline.Reply page = retrier.read(() -> registry.query(query, token, QUERY_PAGE),
                    "querying the devices of IoT hub '" + hub.name() + "' (" + Texts.shorten(query) + ")", advice);
            try {
                for (JsonNode twin : EngineJson.parseArray(page.body)) {
                    String id = EngineJson.text(twin, "deviceId");
                    if (id != null && "sas".equalsIgnoreCase(EngineJson.text(twin, "authenticationType"))) {
                        ids.add(IdentityId.device(id));
                    }
                }
            } catch (java.io.IOException e) {
                throw Problems.fail(Failure.of(e), "reading the device query answer of IoT hub '" + hub.name()
                        + "'", 1, false, advice);
            }
            continuation = page.header("x-ms-continuation");
        } while (continuation != null && !continuation.isEmpty());
        return ids;
    }

    private void deviceBatch(HubInfo hub, List<IdentityId> batch) {
        Retrier retrier = retriers.get();
        Deadline deadline = retrier.deadline();
        String batchAction = "renewing the keys of " + batch.size() + " devices (from '" + batch.get(0).deviceId()
                + "') on IoT hub '" + hub.name() + "'";
        Map<String, Pending> pending = new LinkedHashMap<>();
        List<IdentityKeyResult> done = new ArrayList<>();
        boolean mayHaveBeenApplied = false;
        try {
            DataPlane.Registry registry = planes.registry(retrier, hub, request.auth(), batchAction);
            for (IdentityId id : batch) {
                Pending p = new Pending(IdentityKeyRequest.device(hub.name(), hub.resourceGroup(), id.deviceId(),
                        request.keyType(), request.auth()));
                if (read(retrier, registry, hub, p, null)) {
                    pending.put(id.deviceId(), p);
                }
            }
            for (int attempt = 1; !pending.isEmpty(); attempt++) {
                ArrayNode entries = EngineJson.object().arrayNode();
                pending.values().forEach(p -> entries.add(entry(p)));
                pacer.acquire(entries.size(), deadline, batchAction, mayHaveBeenApplied);
                Failure failure;
                BulkAnswer answer;
                try {
                    RestPipeline.Reply reply = deadline.call(() -> registry.bulk(entries), batchAction, true);
                    answer = answerOf(reply);
                    failure = null;
                } catch (IotHubKeyException e) {
                    throw e;
                } catch (Exception e) {
                    failure = Failure.of(e);
                    answer = null;
                }
                List<Pending> reread = new ArrayList<>();
                if (answer != null) {
                    Map<String, String[]> errors = answer.errors();
                    for (Pending p : new ArrayList<>(pending.values())) {
                        String[] error = errors.get(p.request.deviceId());
                        if (error == null && answer.successful()) {
                            done.add(result(hub, p));
                            pending.remove(p.request.deviceId());
                        } else if (error == null) {
                            // a failed request's other entries: whether Azure applied them is not documented
                            mayHaveBeenApplied = true;
                            reread.add(p); // read back: renewed if it holds the new keys, else written again
                        } else if (isStaleEtag(error[0]) && attempt < retrier.maxAttempts()) {
                            reread.add(p); // another writer: read again, apply only the keys on top of its change
                        } else {
                            pending.remove(p.request.deviceId());
                            failed.add(new FleetFailure(IdentityId.device(p.request.deviceId()),
                                    "DeviceNotFound".equalsIgnoreCase(error[0]) ? FleetFailure.State.NOT_FOUND
                                            : FleetFailure.State.NOT_RENEWED, Texts.shorten(error[0] + ": "
                                            + Texts.serviceSummary(error[1]))));
                        }
                    }
                } else {
                    boolean applied = failure.mayHaveBeenApplied();
                    mayHaveBeenApplied |= applied;
                    boolean retryable = failure.isTransient() && attempt < retrier.maxAttempts();
                    if (!retryable) {
                        if (applied) {
                            settle(retrier, registry, hub, pending, done, "the write's outcome is unknown ("
                                    + failure.describe() + ")");
                        }
                        for (Pending p : pending.values()) {
                            failed.add(new FleetFailure(IdentityId.device(p.request.deviceId()),
                                    FleetFailure.State.NOT_RENEWED, failure.describe()));
                        }
                        pending.clear();
                        break;
                    }
                    Duration wait = failure.retryAfter != null ? failure.retryAfter : retrier.backoff(attempt);
                    if (!deadline.fits(wait)) {
                        throw deadline.timedOut(batchAction, mayHaveBeenApplied, failure);
                    }
                    deadline.sleep(wait, batchAction, mayHaveBeenApplied);
                    if (applied) {
                        reread.addAll(pending.values());
                    }
                }
                for (Pending p : reread) {
                    if (read(retrier, registry, hub, p, done)) {
                        continue;
                    }
                    pending.remove(p.request.deviceId());
                }
            }
        } catch (IotHubKeyException e) {
            // the batch cannot go on (interrupt, time budget, registry unreachable): report what is known
            for (Pending p : pending.values()) {
                failed.add(new FleetFailure(IdentityId.device(p.request.deviceId()), mayHaveBeenApplied
                        ? FleetFailure.State.UNKNOWN : FleetFailure.State.NOT_RENEWED, Texts.shorten(e.getMessage())));
            }
            for (IdentityId id : batch) {
                if (!pending.containsKey(id.deviceId()) && done.stream().noneMatch(r -> idOf(r).equals(id))
                        && failed.stream().noneMatch(f -> f.id().equals(id))) {
                    failed.add(new FleetFailure(id, FleetFailure.State.NOT_RENEWED, Texts.shorten(e.getMessage())));
                }
            }
            report(done);
            if (e.reason() == IotHubKeyException.Reason.INTERRUPTED || e.reason() == IotHubKeyException.Reason.TIMEOUT
                    || Thread.currentThread().isInterrupted()) {
                throw new Stop(e);
            }
            return;
        }
        report(done);
    }

    /**
     * After an outcome that is unknown for good: reads every pending device once; those holding the new keys are
     * renewed, the others are left pending (reported as not renewed by the caller).
     */
    private void settle(Retrier retrier, DataPlane.Registry registry, HubInfo hub, Map<String, Pending> pending,
            List<IdentityKeyResult> done, String why) {
        LOGGER.fine(() -> Deadline.capitalize(action) + ": settling " + pending.size() + " devices, " + why);
        for (Pending p : new ArrayList<>(pending.values())) {
            try {
                pacer.acquire(1, retrier.deadline(), action, true);
                DataPlane.Identity identity = retrier.read(() -> registry.get(p.request), action,
                        IdentityRenewal.advice(p.request, hub.name(), registry.policyName));
                if (Objects.equals(keys(identity.json)[0], p.target[0])
                        && Objects.equals(keys(identity.json)[1], p.target[1])) {
                    done.add(result(hub, p));
                    pending.remove(p.request.deviceId());
                }
            } catch (IotHubKeyException e) {
                pending.remove(p.request.deviceId());
                failed.add(new FleetFailure(IdentityId.device(p.request.deviceId()), FleetFailure.State.UNKNOWN,
                        Texts.shorten(e.getMessage())));
            }
        }
    }

    /**
     * Reads a device and decides its target keys. When {@code done} is given (a re-read) and the device already holds
     * the target keys, it is moved there. Returns false when the device is finished (failed or done).
     */
    private boolean read(Retrier retrier, DataPlane.Registry registry, HubInfo hub, Pending p,
            List<IdentityKeyResult> done) {
        IdentityId id = IdentityId.device(p.request.deviceId());
        DataPlane.Identity identity;
        try {
            pacer.acquire(1, retrier.deadline(), action, done != null);
            identity = IdentityRenewal.read(retrier, registry, p.request, hub, action);
        } catch (IotHubKeyException e) {
            if (e.reason() == IotHubKeyException.Reason.INTERRUPTED || e.reason() == IotHubKeyException.Reason.TIMEOUT) {
                throw e;
            }
            failed.add(new FleetFailure(id, e.reason() == IotHubKeyException.Reason.NOT_FOUND
                    ? FleetFailure.State.NOT_FOUND : e.reason() == IotHubKeyException.Reason.NOT_SAS
                    ? FleetFailure.State.NOT_SAS : done != null ? FleetFailure.State.UNKNOWN
                    : FleetFailure.State.NOT_RENEWED, Texts.shorten(e.getMessage())));
            return false;
        }
        String[] current = keys(identity.json);
        if (done != null && p.target != null && Objects.equals(current[0], p.target[0])
                && Objects.equals(current[1], p.target[1])) {
            done.add(result(hub, p));
            return false;
        }
        if (p.target == null || !Objects.equals(current[0], p.base[0]) || !Objects.equals(current[1], p.base[1])) {
            p.base = current;
            p.target = renewedKeys(current);
        }
        p.identity = identity.json;
        p.etag = identity.etag;
        return true;
    }

    private String[] renewedKeys(String[] current) {
        switch (request.keyType()) {
            case PRIMARY:
                return new String[] {KeyGenerator.newKey(), current[1]};
            case SECONDARY:
                return new String[] {current[0], KeyGenerator.newKey()};
            case BOTH:
                return new String[] {KeyGenerator.newKey(), KeyGenerator.newKey()};
            default:
                return new String[] {current[1], current[0]};
        }
    }

    /** The ExportImportDevice: the identity's own fields as read, its keys replaced, conditional on its etag. */
    private static ObjectNode entry(Pending p) {
        ObjectNode entry = EngineJson.object();
        entry.put("id", p.request.deviceId());
        entry.put("eTag", p.etag);
        entry.put("importMode", "updateIfMatchETag");
        for (String field : new String[] {"status", "statusReason", "capabilities", "deviceScope", "parentScopes"}) {
            if (p.identity.has(field)) {
                entry.set(field, p.identity.get(field).deepCopy());
            }
        }
        ObjectNode auth = p.identity.path("authentication").deepCopy();
        ObjectNode symmetric = auth.with("symmetricKey");
        symmetric.put("primaryKey", p.target[0]);
        symmetric.put("secondaryKey", p.target[1]);
        entry.set("authentication", auth);
        return entry;
    }

    /** A BulkRegistryOperationResult: whether the request succeeded, and deviceId -> {errorCode, errorStatus}. */
    private record BulkAnswer(boolean successful, Map<String, String[]> errors) {}

    /** Reads a BulkRegistryOperationResult (200 or 400). */
    private static BulkAnswer answerOf(RestPipeline.Reply reply) throws java.io.IOException {
        ObjectNode result;
        try {
            result = reply.json();
        } catch (java.io.IOException e) {
            result = null;
        }
        if (result == null || !result.has("isSuccessful")) {
            if (reply.status == 400) {
                // a 400 without a per-identity result refused the whole request
                throw new RestPipeline.CallFailed(RestPipeline.failure(400, reply.headers, reply.body));
            }
            throw new java.io.IOException("the answer is not a JSON object");
        }
        Map<String, String[]> errors = new HashMap<>();
        for (JsonNode error : result.path("errors")) {
            String id = EngineJson.text(error, "deviceId");
            if (id != null) {
                errors.put(id, new String[] {error.path("errorCode").asText("error"),
                        EngineJson.text(error, "errorStatus")});
            }
        }
        boolean successful = result.path("isSuccessful").asBoolean(false);
        if (!successful && errors.isEmpty()) {
            throw new RestPipeline.CallFailed(RestPipeline.failure(reply.status == 200 ? 500 : reply.status,
                    reply.headers, reply.body));
        }
        return new BulkAnswer(successful, errors);
    }

    private void module(HubInfo hub, IdentityId id) {
        Retrier retrier = retriers.get();
        IdentityKeyRequest module = IdentityKeyRequest.module(hub.name(), hub.resourceGroup(), id.deviceId(),
                id.moduleId(), request.keyType(), request.auth());
        try {
            DataPlane.Registry registry = planes.registry(retrier, hub, request.auth(), action);
            pacer.acquire(3, retrier.deadline(), action, false); // read, conditional write, read-back
            IdentityKeyResult result = new IdentityRenewal(retrier, module).run(hub, registry);
            report(List.of(result));
        } catch (IotHubKeyException e) {
            failed.add(new FleetFailure(id, e.reason() == IotHubKeyException.Reason.NOT_FOUND
                    ? FleetFailure.State.NOT_FOUND : e.reason() == IotHubKeyException.Reason.NOT_SAS
                    ? FleetFailure.State.NOT_SAS : e.keyMayHaveChanged() ? FleetFailure.State.UNKNOWN
                    : FleetFailure.State.NOT_RENEWED, Texts.shorten(e.getMessage())));
            progress.progress(status());
            if (e.reason() == IotHubKeyException.Reason.INTERRUPTED || e.reason() == IotHubKeyException.Reason.TIMEOUT) {
                throw new Stop(e);
            }
        }
    }

    private void report(List<IdentityKeyResult> batch) {
        renewed.addAll(batch);
        if (!batch.isEmpty()) {
            progress.renewed(List.copyOf(batch));
        }
        progress.progress(status());
    }

    private FleetStatus status() {
        int done = renewed.size() + failed.size();
        Duration elapsed = elapsed();
        double minutes = elapsed.toNanos() / 60e9;
        double achieved = minutes > 0 ? pacer.operations() / minutes : 0;
        int perIdentity = 2; // a read and a share of the bulk write (modules: 3)
        return new FleetStatus(done, total, failed.size(), achieved, pacer.perMinute(), elapsed,
                pacer.timeFor(Math.max(0, total - done) * perIdentity));
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    private static IdentityId idOf(IdentityKeyResult result) {
        return result.moduleId() == null ? IdentityId.device(result.deviceId())
                : IdentityId.module(result.deviceId(), result.moduleId());
    }

    private static IdentityKeyResult result(HubInfo hub, Pending p) {
        return new IdentityKeyResult(hub, p.request, p.target[0], p.target[1], List.of());
    }

    private static String[] keys(ObjectNode identity) {
        JsonNode keys = identity.path("authentication").path("symmetricKey");
        return new String[] {EngineJson.text(keys, "primaryKey"), EngineJson.text(keys, "secondaryKey")};
    }

    /**
     * A per-device refusal because another writer changed the identity: the registry's error codes name it both ways
     * (DeviceRegistryOperationError.errorCode lists PreconditionFailed and EtagDoesNotMatch), and the bulk reference
     * does not say which one updateIfMatchETag returns.
     */
    static boolean isStaleEtag(String errorCode) {
        return "PreconditionFailed".equalsIgnoreCase(errorCode) || "EtagDoesNotMatch".equalsIgnoreCase(errorCode);
    }
}
