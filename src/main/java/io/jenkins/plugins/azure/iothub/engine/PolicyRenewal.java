package io.jenkins.plugins.azure.iothub.engine;

import com.azure.core.management.polling.PollResult;
import com.azure.core.util.polling.LongRunningOperationStatus;
import com.azure.core.util.polling.PollResponse;
import com.azure.core.util.polling.SyncPoller;
import com.azure.resourcemanager.iothub.fluent.models.IotHubDescriptionInner;
import com.azure.resourcemanager.iothub.fluent.models.SharedAccessSignatureAuthorizationRuleInner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * One policy key renewal: the CLI's read-modify-write of the whole hub (GET hub, list every policy with keys, PUT
 * the hub with the complete policy list and If-Match, wait for the operation, read the policy back), made safe
 * against conflicts, throttling, lost answers and aborts.
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
        IotHubDescriptionInner description = located.description;
        // the policy as it was when the latest update was built: what "renewed" and "already applied" compare with
        SharedAccessSignatureAuthorizationRuleInner base = null;
        boolean mayHaveChanged = false;
        for (int attempt = 1;; attempt++) {
            if (description == null) {
                try {
                    description = locator.reread(hub, action);
                } catch (IotHubKeyException e) {
                    throw Problems.marked(e, mayHaveChanged);
                }
            }
            List<SharedAccessSignatureAuthorizationRuleInner> policies = listPolicies(hub, advice, mayHaveChanged);
            int index = PolicyRenewal.indexOf(policies, request.policyName());
            if (index < 0) {
                throw notFound(hub, policies, mayHaveChanged);
            }
            SharedAccessSignatureAuthorizationRuleInner current = policies.get(index);
            if (base != null && mayHaveChanged && alreadyApplied(base, current)) {
                LOGGER.fine(() -> Deadline.capitalize(action) + ": an earlier attempt took effect");
                break;
            }
            base = copyOf(current);
            IotHubDescriptionInner body = withPolicies(description, policies, index, hub);
            String etag = description.etag();
            description = null; // whatever happens next, the next attempt starts from a fresh read
            SyncPoller<PollResult<IotHubDescriptionInner>, IotHubDescriptionInner> poller;
            try {
                observer.resetPut();
                poller = deadline.call(() -> arm.beginUpdate(hub.resourceGroup(), hub.name(), body, etag, observer),
                        action, true);
            } catch (Exception e) {
                mayHaveChanged = retrier.afterFailedWrite(e, attempt, action, mayHaveChanged, advice);
                continue;
            }
            Outcome outcome = waitForUpdate(poller);
            if (outcome == Outcome.SUCCEEDED) {
                break;
            }
            // LOST: the update may or may not have been applied; FAILED: Azure says it was not
            mayHaveChanged |= outcome == Outcome.LOST;
            retrier.pauseOrThrow(lroFailure, true, attempt, action, mayHaveChanged, advice);
        }
        return readBack(hub, base, advice);
    }

    /** Drives the poller by hand: honours Retry-After of every response, never the SDK's 30 s default. */
    private Outcome waitForUpdate(SyncPoller<PollResult<IotHubDescriptionInner>, IotHubDescriptionInner> poller) {
        Duration wait = nextWait(observer.putRetryAfter());
        int unanswered = 0;
        while (true) {
            if (!deadline.fits(wait)) {
                throw deadline.timedOut(action, true, null);
            }
            deadline.sleep(wait, action, true);
            PollResponse<PollResult<IotHubDescriptionInner>> response;
            try {
                response = deadline.call(poller::poll, action, true);
            } catch (IotHubKeyException e) {
                throw e;
            } catch (Exception e) {
                lroFailure = Failure.of(e);
                if (lroFailure.kind == Failure.Kind.CONNECTION && ++unanswered < retrier.maxAttempts()) {
                    // no answer: the poller's state is untouched, so simply ask again
                    wait = retrier.backoff(unanswered);
                    continue;
                }
                return Outcome.LOST;
            }
            LongRunningOperationStatus status = response.getStatus();
            if (status == LongRunningOperationStatus.SUCCESSFULLY_COMPLETED) {
                return Outcome.SUCCEEDED;
            }
            if (status == LongRunningOperationStatus.FAILED || status == LongRunningOperationStatus.USER_CANCELLED) {
                int httpStatus = observer.lastStatus();
                PollResult.Error error = response.getValue() == null ? null : response.getValue().getError();
                if (httpStatus >= 200 && httpStatus < 300) {
                    lroFailure = Failure.http(500, "LongRunningOperationFailed",
                            error == null ? "the hub update ended as " + status : error.getMessage(), null, null);
                    return Outcome.FAILED;
                }
                // the status request itself failed (throttled, server error): the outcome is unknown
                lroFailure = httpStatus == 0 ? Failure.connection(new java.io.IOException("no answer to status poll"))
                        : Failure.http(httpStatus, null, null, observer.lastRetryAfter(), null);
                return Outcome.LOST;
            }
            wait = nextWait(response.getRetryAfter());
        }
    }

    /** Retry-After when Azure gives one; "0" or none means the configured interval (a 0 must not become a spin). */
    private Duration nextWait(Duration retryAfter) {
        return retryAfter == null || retryAfter.isZero() ? pollInterval : retryAfter;
    }

    private List<SharedAccessSignatureAuthorizationRuleInner> listPolicies(HubInfo hub, Problems.Advice advice,
            boolean mayHaveChanged) {
        try {
            return retrier.read(() -> arm.listPolicies(hub.resourceGroup(), hub.name(), observer), action, advice);
        } catch (IotHubKeyException e) {
            throw Problems.marked(e, mayHaveChanged);
        }
    }

    private PolicyKeyResult readBack(HubInfo hub, SharedAccessSignatureAuthorizationRuleInner original,
            Problems.Advice advice) {
        SharedAccessSignatureAuthorizationRuleInner renewed;
        try {
            renewed = retrier.read(() -> arm.policyKeys(hub.resourceGroup(), hub.name(), original.keyName(), observer),
                    "reading back the renewed key of policy '" + original.keyName() + "' on IoT hub '" + hub.name()
                            + "'", advice);
        } catch (IotHubKeyException e) {
            throw Problems.marked(e, true);
        }
        String problem = checkRenewed(original, renewed);
        if (problem != null) {
            throw new IotHubKeyException(IotHubKeyException.Reason.CONCURRENT_CHANGE, "Policy '" + original.keyName()
                    + "' on IoT hub '" + hub.name() + "' " + problem + " Run the renewal again, and make sure nothing"
                    + " else renews this policy at the same time." + Problems.MAY_HAVE_CHANGED, true, null);
        }
        if (LOGGER.isLoggable(Level.FINE)) {
            LOGGER.fine(Deadline.capitalize(action) + ": done with " + observer.requests() + " ARM requests");
        }
        return new PolicyKeyResult(hub, renewed.keyName() != null ? renewed.keyName() : original.keyName(),
                rightsOf(renewed.rights() != null ? renewed : original), request.keyType(), renewed.primaryKey(),
                renewed.secondaryKey());
    }

    /** Null when the read-back shows exactly the renewal asked for, else what is wrong (no key material). */
    private String checkRenewed(SharedAccessSignatureAuthorizationRuleInner before,
            SharedAccessSignatureAuthorizationRuleInner after) {
        switch (request.keyType()) {
            case PRIMARY:
                if (after.primaryKey() == null || after.primaryKey().equals(before.primaryKey())) {
                    return "still has its old primary key after the update.";
                }
                return null;
            case SECONDARY:
                if (after.secondaryKey() == null || after.secondaryKey().equals(before.secondaryKey())) {
                    return "still has its old secondary key after the update.";
                }
                return null;
            default:
                if (!Objects.equals(after.primaryKey(), before.secondaryKey())
                        || !Objects.equals(after.secondaryKey(), before.primaryKey())) {
                    return "does not hold the swapped keys after the update: someone else changed them.";
                }
                return null;
        }
    }

    /** After an update whose outcome was unknown: is the wanted change already there? */
    private boolean alreadyApplied(SharedAccessSignatureAuthorizationRuleInner before,
            SharedAccessSignatureAuthorizationRuleInner now) {
        return checkRenewed(before, now) == null;
    }

    /** The hub as read, with the complete policy list in its original order and only the target policy changed. */
    private IotHubDescriptionInner withPolicies(IotHubDescriptionInner description,
            List<SharedAccessSignatureAuthorizationRuleInner> policies, int index, HubInfo hub) {
        if (description.properties() == null) {
            throw new IotHubKeyException(IotHubKeyException.Reason.SERVICE_ERROR, "Azure returned IoT hub '"
                    + hub.name() + "' without properties, so it cannot be updated safely; nothing was changed. Run"
                    + " again later.", false, null);
        }
        List<SharedAccessSignatureAuthorizationRuleInner> complete = new ArrayList<>(policies.size());
        for (int i = 0; i < policies.size(); i++) {
            SharedAccessSignatureAuthorizationRuleInner rule = policies.get(i);
            if (rule.rights() == null) {
                // the SDK could not map the rights string; sending the hub back would drop them
                throw new IotHubKeyException(IotHubKeyException.Reason.SERVICE_ERROR, "Policy '" + rule.keyName()
                        + "' on IoT hub '" + hub.name() + "' has rights this plugin cannot read, so updating the hub"
                        + " could damage it; nothing was changed. Renew the key with the Azure CLI instead.", false,
                        null);
            }
            SharedAccessSignatureAuthorizationRuleInner copy = copyOf(rule);
            if (i == index) {
                renew(copy);
            }
            complete.add(copy);
        }
        description.properties().withAuthorizationPolicies(complete);
        return description;
    }

    private void renew(SharedAccessSignatureAuthorizationRuleInner rule) {
        switch (request.keyType()) {
            case PRIMARY:
                rule.withPrimaryKey(null); // absent: the service generates a new key, as the current CLI does
                break;
            case SECONDARY:
                rule.withSecondaryKey(null);
                break;
            default:
                String primary = rule.primaryKey();
                rule.withPrimaryKey(rule.secondaryKey());
                rule.withSecondaryKey(primary);
        }
    }

    private IotHubKeyException notFound(HubInfo hub, List<SharedAccessSignatureAuthorizationRuleInner> policies,
            boolean mayHaveChanged) {
        String names = policies.stream().map(SharedAccessSignatureAuthorizationRuleInner::keyName)
                .collect(Collectors.joining(", "));
        return new IotHubKeyException(IotHubKeyException.Reason.NOT_FOUND, "Shared access policy '"
                + request.policyName() + "' was not found on IoT hub '" + hub.name() + "' (policies: "
                + (names.isEmpty() ? "none" : names) + "). Check the policy name."
                + (mayHaveChanged ? Problems.MAY_HAVE_CHANGED : ""), mayHaveChanged, null);
    }

    /** Case-insensitive, preferring an exact match. */
    static int indexOf(List<SharedAccessSignatureAuthorizationRuleInner> policies, String name) {
        int caseless = -1;
        for (int i = 0; i < policies.size(); i++) {
            String keyName = policies.get(i).keyName();
            if (name.equals(keyName)) {
                return i;
            }
            if (caseless < 0 && name.equalsIgnoreCase(keyName)) {
                caseless = i;
            }
        }
        return caseless;
    }

    static SharedAccessSignatureAuthorizationRuleInner copyOf(SharedAccessSignatureAuthorizationRuleInner rule) {
        return new SharedAccessSignatureAuthorizationRuleInner().withKeyName(rule.keyName()).withRights(rule.rights())
                .withPrimaryKey(rule.primaryKey()).withSecondaryKey(rule.secondaryKey());
    }

    static String rightsOf(SharedAccessSignatureAuthorizationRuleInner rule) {
        return rule.rights() == null ? "" : rule.rights().toString();
    }
}
