package io.jenkins.plugins.azure.iothub.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * One policy key renewal: the CLI's read-modify-write of the whole hub (GET hub, list every policy with keys, PUT
 * the hub as read with the complete policy list and If-Match, wait for the operation, read the policy back), made
 * safe against conflicts, throttling, lost answers and aborts. The renewed key is sent absent so that Azure generates
 * it, as the current CLI does; if the read-back shows that Azure kept the old key instead, one more update sets a key
 * the engine generated, as older CLIs did.
 */
final class PolicyRenewal {
    private static final Logger LOGGER = Logger.getLogger(PolicyRenewal.class.getName());

    private enum Outcome { SUCCEEDED, FAILED, LOST }

    private final ArmGateway arm;
    private final Retrier retrier;
    private final Deadline deadline;
    private final Duration pollInterval;
    /** One or more policies of one hub, all renewed by the same hub update. */
    private final List<PolicyKeyRequest> requests;
    private final CallObserver observer;
    private final String action;
    private Failure lroFailure;
    /** Each policy as it was when the first update that took effect was built; null until then. */
    private List<ObjectNode> originals;
    /** The located hub; null until located. */
    private HubInfo hub;
    /** Keys the engine generated for a second update (request index -> key); empty unless Azure kept old keys. */
    private final Map<Integer, String> generatedKeys = new HashMap<>();

    PolicyRenewal(ArmGateway arm, Retrier retrier, Duration pollInterval, PolicyKeyRequest request,
            CallObserver observer) {
        this(arm, retrier, pollInterval, List.of(request), observer);
    }

    PolicyRenewal(ArmGateway arm, Retrier retrier, Duration pollInterval, List<PolicyKeyRequest> requests,
            CallObserver observer) {
        this.arm = arm;
        this.retrier = retrier;
        this.deadline = retrier.deadline();
        this.pollInterval = pollInterval;
        this.requests = List.copyOf(requests);
        this.observer = observer;
        this.action = actionOf(this.requests);
    }

    static String actionOf(List<PolicyKeyRequest> requests) {
        PolicyKeyRequest first = requests.get(0);
        if (requests.size() > 1) {
            return "renewing the keys of policies " + requests.stream().map(r -> "'" + r.policyName() + "' ("
                    + r.keyType().cliName() + ")").collect(Collectors.joining(", ")) + " on IoT hub '"
                    + first.hubName() + "' in one hub update";
        }
        return first.keyType() == KeyType.SWAP
                ? "swapping the keys of policy '" + first.policyName() + "' on IoT hub '" + first.hubName() + "'"
                : "renewing the " + first.keyType().cliName() + " key of policy '" + first.policyName()
                        + "' on IoT hub '" + first.hubName() + "'";
    }

    PolicyKeyResult run() {
        return runAll().get(0);
    }

    /** The renewed policies in the order of the requests. */
    List<PolicyKeyResult> runAll() {
        HubLocator locator = new HubLocator(arm, retrier, observer);
        HubLocator.Located located = locator.locate(requests.get(0).hubName(), requests.get(0).resourceGroup(),
                action);
        HubInfo hub = located.info;
        this.hub = hub;
        Problems.Advice advice = HubLocator.advice(hub.name(), hub.resourceGroup(), arm.subscriptionId());
        List<ObjectNode> bases = update(locator, hub, located.description, Map.of(), advice);
        List<ObjectNode> renewed = readBack(hub, bases, advice);
        Map<Integer, String> generated = new HashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            PolicyKeyRequest request = requests.get(i);
            if (request.keyType() != KeyType.SWAP
                    && Objects.equals(slotKey(renewed.get(i), request), slotKey(bases.get(i), request))) {
                generated.put(i, KeyGenerator.newKey());
            }
        }
        List<ObjectNode> checkedAgainst = bases;
        if (!generated.isEmpty()) {
            // Azure kept the old key although it was sent absent: set one made here, like CLIs before 2024-11
            LOGGER.info(() -> Deadline.capitalize(action) + ": Azure kept the old key when asked to generate one, so"
                    + " the plugin generated the new key (32 random bytes) and set it with one more update");
            generatedKeys.putAll(generated);
            List<ObjectNode> second = update(locator, hub, null, generated, advice);
            renewed = readBack(hub, second, advice);
            checkedAgainst = new ArrayList<>(bases);
            for (Map.Entry<Integer, String> e : generated.entrySet()) {
                checkedAgainst.set(e.getKey(), second.get(e.getKey()));
                if (!e.getValue().equals(slotKey(renewed.get(e.getKey()), requests.get(e.getKey())))) {
                    throw concurrentChange(hub, requests.get(e.getKey()), "does not hold the key this renewal set"
                            + " after the update: someone else changed it.");
                }
            }
        }
        List<PolicyKeyResult> results = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            PolicyKeyRequest request = requests.get(i);
            String problem = checkRenewed(checkedAgainst.get(i), renewed.get(i), null, request);
            if (problem != null) {
                throw concurrentChange(hub, request, problem);
            }
            KeyOrigin origin = request.keyType() == KeyType.SWAP ? KeyOrigin.SWAPPED
                    : generated.containsKey(i) ? KeyOrigin.ENGINE : KeyOrigin.AZURE;
            results.add(result(hub, checkedAgainst.get(i), renewed.get(i), request, origin));
        }
        if (LOGGER.isLoggable(Level.FINE)) {
            LOGGER.fine(Deadline.capitalize(action) + ": done with " + observer.requests() + " requests");
        }
        return results;
    }

    private static PolicyKeyResult result(HubInfo hub, ObjectNode base, ObjectNode renewed, PolicyKeyRequest request,
            KeyOrigin origin) {
        String keyName = text(renewed, "keyName") != null ? text(renewed, "keyName") : text(base, "keyName");
        return new PolicyKeyResult(hub, keyName, text(renewed, "rights") != null ? text(renewed, "rights")
                : text(base, "rights"), request.keyType(), text(renewed, "primaryKey"),
                text(renewed, "secondaryKey"), origin);
    }

    /**
     * After a failure that may have left new keys in Azure: reads every policy once more (with a short budget of its
     * own, since the call's budget may be what ended it) and sorts the requested policies into renewed (with the
     * keys Azure holds), still on their old keys, and unknown.
     */
    PolicyBatchException report(IotHubKeyException failure, Retrier reportRetrier) {
        List<PolicyKeyResult> renewed = new ArrayList<>();
        List<String> old = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        List<ObjectNode> now = null;
        if (failure.keyMayHaveChanged() && originals != null && hub != null) {
            try {
                now = reportRetrier.read(() -> arm.listPolicies(hub.resourceGroup(), hub.name(), observer), action,
                        HubLocator.advice(hub.name(), hub.resourceGroup(), arm.subscriptionId()));
            } catch (IotHubKeyException unreadable) {
                now = null;
            }
        }
        for (int i = 0; i < requests.size(); i++) {
            PolicyKeyRequest request = requests.get(i);
            if (!failure.keyMayHaveChanged()) {
                old.add(request.policyName());
                continue;
            }
            int index = now == null ? -1 : indexOf(now, request.policyName());
            if (index < 0) {
                unknown.add(request.policyName());
                continue;
            }
            ObjectNode current = now.get(index);
            ObjectNode original = originals.get(i);
            if (checkRenewed(original, current, null, request) == null) {
                KeyOrigin origin = request.keyType() == KeyType.SWAP ? KeyOrigin.SWAPPED
                        : Objects.equals(generatedKeys.get(i), slotKey(current, request)) ? KeyOrigin.ENGINE
                        : KeyOrigin.AZURE;
                renewed.add(result(hub, original, current, request, origin));
            } else if (Objects.equals(text(current, "primaryKey"), text(original, "primaryKey"))
                    && Objects.equals(text(current, "secondaryKey"), text(original, "secondaryKey"))) {
                old.add(request.policyName());
            } else {
                unknown.add(request.policyName());
            }
        }
        return new PolicyBatchException(failure, renewed, old, unknown);
    }

    /**
     * Writes the hub until one update is known to have taken effect.
     *
     * @param description the hub as read, or null to read it first
     * @param generated   request index -> the new key to set; empty for the first update, which sends every renewed
     *                    key absent (Azure generates it) and swaps; a second update changes only these policies
     * @return each policy as it was when the update that took effect was built
     */
    private List<ObjectNode> update(HubLocator locator, HubInfo hub, ObjectNode description,
            Map<Integer, String> generated, Problems.Advice advice) {
        List<ObjectNode> bases = null;
        boolean mayHaveChanged = !generated.isEmpty(); // a second update: the first one already changed keys
        for (int attempt = 1;; attempt++) {
            if (description == null) {
                try {
                    description = locator.reread(hub, action);
                } catch (IotHubKeyException e) {
                    throw Problems.marked(e, mayHaveChanged);
                }
            }
            List<ObjectNode> policies = listPolicies(hub, advice, mayHaveChanged);
            int[] indices = new int[requests.size()];
            for (int i = 0; i < requests.size(); i++) {
                indices[i] = indexOf(policies, requests.get(i).policyName());
                if (indices[i] < 0) {
                    throw notFound(hub, requests.get(i), policies, mayHaveChanged);
                }
            }
            if (bases != null && mayHaveChanged && tookEffect(bases, policies, indices, generated)) {
                LOGGER.fine(() -> Deadline.capitalize(action) + ": an earlier attempt took effect");
                return bases;
            }
            bases = new ArrayList<>(requests.size());
            for (int index : indices) {
                bases.add(policies.get(index).deepCopy());
            }
            if (generated.isEmpty()) {
                originals = bases; // what a failure report compares with: the state this update started from
            }
            ObjectNode body = HubDocument.forWrite(description, withRenewed(policies, indices, generated));
            String etag = HubDocument.etag(description);
            description = null; // whatever happens next, the next attempt starts from a fresh read
            ArmGateway.Update started;
            try {
                started = deadline.call(() -> arm.beginUpdate(hub.resourceGroup(), hub.name(), body, etag, observer),
                        action, true);
            } catch (Exception e) {
                mayHaveChanged = retrier.afterFailedWrite(e, attempt, action, mayHaveChanged, advice);
                continue;
            }
            Outcome outcome = waitForUpdate(started);
            if (outcome == Outcome.SUCCEEDED) {
                return bases;
            }
            // LOST: the update may or may not have been applied; FAILED: Azure says it was not
            mayHaveChanged |= outcome == Outcome.LOST;
            retrier.pauseOrThrow(lroFailure, true, attempt, action, mayHaveChanged, advice);
        }
    }

    /** Whether every policy the update changes already shows that change (an earlier attempt took effect). */
    private boolean tookEffect(List<ObjectNode> bases, List<ObjectNode> policies, int[] indices,
            Map<Integer, String> generated) {
        for (int i = 0; i < requests.size(); i++) {
            if (inScope(i, generated) && checkRenewed(bases.get(i), policies.get(indices[i]), generated.get(i),
                    requests.get(i)) != null) {
                return false;
            }
        }
        return true;
    }

    private static boolean inScope(int requestIndex, Map<Integer, String> generated) {
        return generated.isEmpty() || generated.containsKey(requestIndex);
    }

    /** Polls by hand: honours the Retry-After of every answer, never an SDK default. */
    private Outcome waitForUpdate(ArmGateway.Update update) {
        if (update.done) {
            return Outcome.SUCCEEDED;
        }
        if (update.statusUrl == null) { // the PUT's own answer said Failed or Canceled
            lroFailure = Failure.http(500, "LongRunningOperationFailed", "the hub update did not finish", null, null);
            return Outcome.FAILED;
        }
        Duration wait = nextWait(update.retryAfter);
        int unanswered = 0;
        while (true) {
            if (!deadline.fits(wait)) {
                throw deadline.timedOut(action, true, lroFailure);
            }
            deadline.sleep(wait, action, true);
            ArmGateway.Poll poll;
            try {
                poll = deadline.call(() -> arm.poll(update, observer), action, true);
            } catch (IotHubKeyException e) {
                throw e;
            } catch (Exception e) {
                lroFailure = Failure.of(e);
                if (lroFailure.kind == Failure.Kind.CONNECTION && ++unanswered < retrier.maxAttempts()) {
                    wait = retrier.backoff(unanswered); // no answer: simply ask again
                    continue;
                }
                return Outcome.LOST; // the status request failed (throttled, server error): the outcome is unknown
            }
            if (poll.state == ArmGateway.Poll.State.SUCCEEDED) {
                return Outcome.SUCCEEDED;
            }
            if (poll.state == ArmGateway.Poll.State.FAILED) {
                lroFailure = Failure.http(500, "LongRunningOperationFailed", poll.error, null, null);
                return Outcome.FAILED;
            }
            wait = nextWait(poll.retryAfter);
        }
    }

    /** Retry-After when Azure gives one; "0" or none means the configured interval (a 0 must not become a spin). */
    private Duration nextWait(Duration retryAfter) {
        return retryAfter == null || retryAfter.isZero() ? pollInterval : retryAfter;
    }

    private List<ObjectNode> listPolicies(HubInfo hub, Problems.Advice advice, boolean mayHaveChanged) {
        try {
            return retrier.read(() -> arm.listPolicies(hub.resourceGroup(), hub.name(), observer), action, advice);
        } catch (IotHubKeyException e) {
            throw Problems.marked(e, mayHaveChanged);
        }
    }

    /** One read: the single policy's own listkeys, or for several policies the hub's listkeys (all pages). */
    private List<ObjectNode> readBack(HubInfo hub, List<ObjectNode> bases, Problems.Advice advice) {
        try {
            if (requests.size() == 1) {
                String keyName = text(bases.get(0), "keyName");
                return List.of(retrier.read(() -> arm.policyKeys(hub.resourceGroup(), hub.name(), keyName, observer),
                        "reading back the renewed key of policy '" + keyName + "' on IoT hub '" + hub.name() + "'",
                        advice));
            }
            List<ObjectNode> all = retrier.read(() -> arm.listPolicies(hub.resourceGroup(), hub.name(), observer),
                    "reading back the renewed keys of policies on IoT hub '" + hub.name() + "'", advice);
            List<ObjectNode> renewed = new ArrayList<>(bases.size());
            for (int i = 0; i < bases.size(); i++) {
                int index = indexOf(all, text(bases.get(i), "keyName"));
                if (index < 0) {
                    throw notFound(hub, requests.get(i), all, true);
                }
                renewed.add(all.get(index));
            }
            return renewed;
        } catch (IotHubKeyException e) {
            throw Problems.marked(e, true);
        }
    }

    private static IotHubKeyException concurrentChange(HubInfo hub, PolicyKeyRequest request, String problem) {
        return new IotHubKeyException(IotHubKeyException.Reason.CONCURRENT_CHANGE, "Policy '"
                + request.policyName() + "' on IoT hub '" + hub.name() + "' " + problem + " Run the renewal again,"
                + " and make sure nothing else renews this policy at the same time." + Problems.MAY_HAVE_CHANGED, true,
                null);
    }

    /** The renewed key's slot as Azure holds it (primary or secondary; null for swap). */
    private static String slotKey(ObjectNode policy, PolicyKeyRequest request) {
        return request.keyType() == KeyType.PRIMARY ? text(policy, "primaryKey")
                : request.keyType() == KeyType.SECONDARY ? text(policy, "secondaryKey") : null;
    }

    /**
     * Null when {@code after} shows the renewal asked for, else what is wrong (no key material). With a generated
     * key, only that key counts; with an absent one, any other key than before does.
     */
    private static String checkRenewed(ObjectNode before, ObjectNode after, String generated,
            PolicyKeyRequest request) {
        switch (request.keyType()) {
            case PRIMARY:
            case SECONDARY:
                String now = slotKey(after, request);
                String slot = request.keyType().cliName();
                if (now == null) {
                    return "has no " + slot + " key after the update.";
                }
                if (generated != null ? !generated.equals(now) : now.equals(slotKey(before, request))) {
                    return "still has its old " + slot + " key after the update.";
                }
                return null;
            default:
                if (!Objects.equals(text(after, "primaryKey"), text(before, "secondaryKey"))
                        || !Objects.equals(text(after, "secondaryKey"), text(before, "primaryKey"))) {
                    return "does not hold the swapped keys after the update: someone else changed them.";
                }
                return null;
        }
    }

    /** Copies of all policies in their order; only the targets' keys changed, every other field kept. */
    private List<ObjectNode> withRenewed(List<ObjectNode> policies, int[] indices, Map<Integer, String> generated) {
        List<ObjectNode> complete = new ArrayList<>(policies.size());
        for (ObjectNode policy : policies) {
            complete.add(policy.deepCopy());
        }
        for (int i = 0; i < requests.size(); i++) {
            if (inScope(i, generated)) {
                renew(complete.get(indices[i]), generated.get(i), requests.get(i));
            }
        }
        return complete;
    }

    private static void renew(ObjectNode rule, String generated, PolicyKeyRequest request) {
        switch (request.keyType()) {
            case PRIMARY:
            case SECONDARY:
                String field = request.keyType() == KeyType.PRIMARY ? "primaryKey" : "secondaryKey";
                if (generated == null) {
                    rule.remove(field); // absent: the service generates a new key, as the current CLI does
                } else {
                    rule.put(field, generated);
                }
                break;
            default:
                String primary = text(rule, "primaryKey");
                rule.put("primaryKey", text(rule, "secondaryKey"));
                rule.put("secondaryKey", primary);
        }
    }

    private static IotHubKeyException notFound(HubInfo hub, PolicyKeyRequest request, List<ObjectNode> policies,
            boolean mayHaveChanged) {
        String names = policies.stream().map(p -> text(p, "keyName")).collect(Collectors.joining(", "));
        return new IotHubKeyException(IotHubKeyException.Reason.NOT_FOUND, "Shared access policy '"
                + request.policyName() + "' was not found on IoT hub '" + hub.name() + "' (policies: "
                + (names.isEmpty() ? "none" : names) + "). Check the policy name."
                + (mayHaveChanged ? Problems.MAY_HAVE_CHANGED : ""), mayHaveChanged, null);
    }

    /** Case-insensitive, preferring an exact match. */
    static int indexOf(List<ObjectNode> policies, String name) {
        int caseless = -1;
        for (int i = 0; i < policies.size(); i++) {
            String keyName = text(policies.get(i), "keyName");
            if (name.equals(keyName)) {
                return i;
            }
            if (caseless < 0 && name.equalsIgnoreCase(keyName)) {
                caseless = i;
            }
        }
        return caseless;
    }

    static String text(ObjectNode policy, String field) {
        return EngineJson.text(policy, field);
    }
}
