package io.jenkins.plugins.azure.iothub.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
    private final PolicyKeyRequest request;
    private final CallObserver observer;
    private final String action;
    private Failure lroFailure;

    PolicyRenewal(ArmGateway arm, Retrier retrier, Duration pollInterval, PolicyKeyRequest request,
            CallObserver observer) {
        this.arm = arm;
        this.retrier = retrier;
        this.deadline = retrier.deadline();
        this.pollInterval = pollInterval;
        this.request = request;
        this.observer = observer;
        this.action = request.keyType() == KeyType.SWAP
                ? "swapping the keys of policy '" + request.policyName() + "' on IoT hub '" + request.hubName() + "'"
                : "renewing the " + request.keyType().cliName() + " key of policy '" + request.policyName()
                        + "' on IoT hub '" + request.hubName() + "'";
    }

    PolicyKeyResult run() {
        HubLocator locator = new HubLocator(arm, retrier, observer);
        HubLocator.Located located = locator.locate(request.hubName(), request.resourceGroup(), action);
        HubInfo hub = located.info;
        Problems.Advice advice = HubLocator.advice(hub.name(), hub.resourceGroup(), arm.subscriptionId());
        ObjectNode base = update(locator, hub, located.description, null, advice);
        ObjectNode renewed = readBack(hub, base, advice);
        KeyOrigin origin = request.keyType() == KeyType.SWAP ? KeyOrigin.SWAPPED : KeyOrigin.AZURE;
        if (request.keyType() != KeyType.SWAP && Objects.equals(slotKey(renewed), slotKey(base))) {
            // Azure kept the old key although it was sent absent: set one made here, like CLIs before 2024-11
            LOGGER.info(() -> Deadline.capitalize(action) + ": Azure kept the old key when asked to generate one, so"
                    + " the plugin generated the new key (32 random bytes) and set it with one more update");
            String generated = KeyGenerator.newKey();
            base = update(locator, hub, null, generated, advice);
            renewed = readBack(hub, base, advice);
            origin = KeyOrigin.ENGINE;
            if (!generated.equals(slotKey(renewed))) {
                throw concurrentChange(hub, "does not hold the key this renewal set after the update: someone else"
                        + " changed it.");
            }
        }
        String problem = checkRenewed(base, renewed, null);
        if (problem != null) {
            throw concurrentChange(hub, problem);
        }
        if (LOGGER.isLoggable(Level.FINE)) {
            LOGGER.fine(Deadline.capitalize(action) + ": done with " + observer.requests() + " requests, new key "
                    + origin.describe());
        }
        String keyName = text(renewed, "keyName") != null ? text(renewed, "keyName") : text(base, "keyName");
        return new PolicyKeyResult(hub, keyName, text(renewed, "rights") != null ? text(renewed, "rights")
                : text(base, "rights"), request.keyType(), text(renewed, "primaryKey"),
                text(renewed, "secondaryKey"), origin);
    }

    /**
     * Writes the hub until one update is known to have taken effect.
     *
     * @param description the hub as read, or null to read it first
     * @param generated   the new key to set, or null to send it absent (Azure generates it)
     * @return the policy as it was when the update that took effect was built
     */
    private ObjectNode update(HubLocator locator, HubInfo hub, ObjectNode description, String generated,
            Problems.Advice advice) {
        ObjectNode base = null;
        boolean mayHaveChanged = generated != null; // a second update: the first one already changed the key
        for (int attempt = 1;; attempt++) {
            if (description == null) {
                try {
                    description = locator.reread(hub, action);
                } catch (IotHubKeyException e) {
                    throw Problems.marked(e, mayHaveChanged);
                }
            }
            List<ObjectNode> policies = listPolicies(hub, advice, mayHaveChanged);
            int index = indexOf(policies, request.policyName());
            if (index < 0) {
                throw notFound(hub, policies, mayHaveChanged);
            }
            ObjectNode current = policies.get(index);
            if (base != null && mayHaveChanged && checkRenewed(base, current, generated) == null) {
                LOGGER.fine(() -> Deadline.capitalize(action) + ": an earlier attempt took effect");
                return base;
            }
            base = current.deepCopy();
            ObjectNode body = HubDocument.forWrite(description, withRenewed(policies, index, generated));
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
                return base;
            }
            // LOST: the update may or may not have been applied; FAILED: Azure says it was not
            mayHaveChanged |= outcome == Outcome.LOST;
            retrier.pauseOrThrow(lroFailure, true, attempt, action, mayHaveChanged, advice);
        }
    }

    /** Polls by hand: honours the Retry-After of every answer, never an SDK default. */
    private Outcome waitForUpdate(ArmGateway.Update update) {
        if (update.done) {
            return Outcome.SUCCEEDED;
        }
        if (update.statusUrl == null) {
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

    private ObjectNode readBack(HubInfo hub, ObjectNode original, Problems.Advice advice) {
        String keyName = text(original, "keyName");
        try {
            return retrier.read(() -> arm.policyKeys(hub.resourceGroup(), hub.name(), keyName, observer),
                    "reading back the renewed key of policy '" + keyName + "' on IoT hub '" + hub.name() + "'",
                    advice);
        } catch (IotHubKeyException e) {
            throw Problems.marked(e, true);
        }
    }

    private IotHubKeyException concurrentChange(HubInfo hub, String problem) {
        return new IotHubKeyException(IotHubKeyException.Reason.CONCURRENT_CHANGE, "Policy '"
                + request.policyName() + "' on IoT hub '" + hub.name() + "' " + problem + " Run the renewal again,"
                + " and make sure nothing else renews this policy at the same time." + Problems.MAY_HAVE_CHANGED, true,
                null);
    }

    /** The renewed key's slot as Azure holds it (primary or secondary; null for swap). */
    private String slotKey(ObjectNode policy) {
        return request.keyType() == KeyType.PRIMARY ? text(policy, "primaryKey")
                : request.keyType() == KeyType.SECONDARY ? text(policy, "secondaryKey") : null;
    }

    /**
     * Null when {@code after} shows the renewal asked for, else what is wrong (no key material). With a generated
     * key, only that key counts; with an absent one, any other key than before does.
     */
    private String checkRenewed(ObjectNode before, ObjectNode after, String generated) {
        switch (request.keyType()) {
            case PRIMARY:
            case SECONDARY:
                String now = slotKey(after);
                String slot = request.keyType().cliName();
                if (now == null) {
                    return "has no " + slot + " key after the update.";
                }
                if (generated != null ? !generated.equals(now) : now.equals(slotKey(before))) {
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

    /** Copies of all policies in their order; only the target's keys changed, every other field kept. */
    private List<ObjectNode> withRenewed(List<ObjectNode> policies, int index, String generated) {
        List<ObjectNode> complete = new ArrayList<>(policies.size());
        for (int i = 0; i < policies.size(); i++) {
            ObjectNode copy = policies.get(i).deepCopy();
            if (i == index) {
                renew(copy, generated);
            }
            complete.add(copy);
        }
        return complete;
    }

    private void renew(ObjectNode rule, String generated) {
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

    private IotHubKeyException notFound(HubInfo hub, List<ObjectNode> policies, boolean mayHaveChanged) {
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
