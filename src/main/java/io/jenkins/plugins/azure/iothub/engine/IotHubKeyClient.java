package io.jenkins.plugins.azure.iothub.engine;

import com.azure.core.credential.TokenCredential;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * Renews IoT Hub policy keys (through Azure Resource Manager) and device/module keys (through the hub's registry)
 * the way the Azure CLI does, on the services' REST APIs through azure-core pipelines that never log bodies or
 * headers. Immutable and safe to share between threads; every call has its own time budget.
 * Every failure is an {@link IotHubKeyException} with a one-line message; no method logs or returns key material
 * except inside {@link KeyMaterial}.
 */
public final class IotHubKeyClient {
    private final ArmGateway arm;
    private final TokenCredential credential;
    private final AzureCloud cloud;
    private final Proxy dataPlaneProxy;
    private final Duration pollInterval;
    private final Duration retryDelay;
    private final int maxAttempts;
    private final Duration timeBudget;

    IotHubKeyClient(IotHubKeyClientBuilder builder) {
        this.credential = builder.credential;
        this.cloud = builder.cloud;
        this.dataPlaneProxy = builder.dataPlaneProxy;
        this.pollInterval = builder.pollInterval;
        this.retryDelay = builder.retryDelay;
        this.maxAttempts = builder.maxAttempts;
        this.timeBudget = builder.timeBudget;
        this.arm = new ArmGateway(cloud, credential, builder.subscriptionId, builder.httpClient);
    }

    public static IotHubKeyClientBuilder builder() {
        return new IotHubKeyClientBuilder();
    }

    /**
     * Renews the primary or secondary key (Azure generates the new one; if Azure keeps the old key, the engine sets one
     * it generated, see {@link PolicyKeyResult#keyOrigin()}) or swaps the two keys of a policy, keeping every other
     * policy, the order of all policies and every other property of the hub unchanged.
     *
     * @throws IotHubKeyException on any failure; see {@link IotHubKeyException#keyMayHaveChanged()}
     */
    public PolicyKeyResult renewPolicyKey(PolicyKeyRequest request) {
        return guarded(() -> new PolicyRenewal(arm, newRetrier(), pollInterval, request, new CallObserver()).run(),
                "renewing policy '" + request.policyName() + "' on IoT hub '" + request.hubName() + "'", true);
    }

    /**
     * Renews several policies of one hub (any mix of primary, secondary and swap) in <b>one</b> hub update: one read
     * of the hub and its policies, one PUT, one long-running operation, one read-back of all policies. Every other
     * policy, the order of all policies and every other hub property stay as they were. The same key rules as
     * {@link #renewPolicyKey} apply per policy (Azure generates renewed keys; if Azure keeps an old key, one more
     * update sets keys the engine generated for exactly those policies).
     *
     * @param requests one per policy, all for the same hub and resource group, no policy twice
     * @return the renewed policies as Azure holds them, in the order of {@code requests}
     * @throws IotHubKeyException INVALID_ARGUMENT for an empty list, several hubs or a policy named twice (nothing
     *                            is sent)
     * @throws PolicyBatchException for any failure after the hub was found: per policy, whether Azure holds new keys
     *                              (with those keys), still the old ones, or unknown
     */
    public List<PolicyKeyResult> renewPolicyKeys(List<PolicyKeyRequest> requests) {
        PolicyBatch.check(requests);
        PolicyRenewal renewal = new PolicyRenewal(arm, newRetrier(), pollInterval, requests, new CallObserver());
        try {
            return guarded(renewal::runAll, PolicyRenewal.actionOf(requests), true);
        } catch (IotHubKeyException e) {
            throw renewal.report(e, new Retrier(maxAttempts, retryDelay, Deadline.after(PolicyBatch.reportBudget(
                    timeBudget))));
        }
    }

    /**
     * Sets new keys (32 random bytes each) on a SAS device or module, or swaps its keys, and reads them back.
     *
     * @throws IotHubKeyException on any failure; NOT_SAS for X.509 identities
     */
    public IdentityKeyResult renewIdentityKey(IdentityKeyRequest request) {
        String action = IdentityRenewal.actionOf(request);
        return guarded(() -> {
            Call call = new Call();
            HubInfo hub = call.locateHub(request.hubName(), request.resourceGroup(), action);
            DataPlane.Registry registry = call.registryFor(hub, request.auth(), action);
            return new IdentityRenewal(call.retrier, request).run(hub, registry);
        }, action, true);
    }

    /**
     * Renews the keys of many devices and modules of one hub at the registry's pace (see {@link FleetKeyRequest}):
     * devices in Bulk Registry requests of up to 100, each conditional on the device's etag, modules one by one.
     * Per-identity problems do not end the run; they are in {@link FleetKeyResult#failed()} with each identity's state.
     * Every batch whose new keys Azure holds is handed to {@link FleetProgress#renewed} before the next batch starts,
     * so that a run that ends early has handed over every key Azure holds. An interrupt or the time budget of a batch
     * ends the run with a result (the rest {@code NOT_RENEWED}, the batch in flight {@code UNKNOWN} where its write
     * may have been applied). Each batch (and each module) gets the client's {@code timeBudget}.
     *
     * @param progress may be null
     * @throws IotHubKeyException only when nothing was written: hub not found, no registry access, failed query
     */
    public FleetKeyResult renewIdentityKeys(FleetKeyRequest request, FleetProgress progress) {
        FleetRenewal.DataPlaneFactory planes = (retrier, hub, auth, action) -> new DataPlane(arm, retrier,
                new CallObserver(), credential, cloud, dataPlaneProxy).registryFor(hub, auth, action);
        return guarded(() -> new FleetRenewal(arm, this::newRetrier, planes, request,
                progress == null ? FleetProgress.NONE : progress).run(), "renewing the keys of devices and modules"
                + " on IoT hub '" + request.hubName() + "'", true);
    }

    /** Read-only: finds the hub, by resource group or by name in the whole subscription. */
    public HubInfo findHub(String hubName, String resourceGroup) {
        Names.checkHub(hubName);
        String group = Names.checkResourceGroup(resourceGroup, hubName);
        String action = "looking up IoT hub '" + hubName + "'";
        return guarded(() -> new Call().locateHub(hubName, group, action), action, false);
    }

    /** Read-only: the hub and the policy exist (dry run). */
    public PolicyInfo checkPolicy(PolicyKeyRequest request) {
        String action = "checking policy '" + request.policyName() + "' on IoT hub '" + request.hubName() + "'";
        return guarded(() -> {
            FoundPolicy found = findPolicy(request, action);
            return new PolicyInfo(found.hub, PolicyRenewal.text(found.policy, "keyName"),
                    PolicyRenewal.text(found.policy, "rights"));
        }, action, false);
    }

    /** Read-only: the two keys the policy holds now (ARM listkeys), for a rotation to compare with a credential. */
    public CurrentKeys currentPolicyKeys(PolicyKeyRequest request) {
        String action = "reading the keys of policy '" + request.policyName() + "' on IoT hub '"
                + request.hubName() + "'";
        return guarded(() -> {
            FoundPolicy found = findPolicy(request, action);
            return new CurrentKeys(found.hub, "SharedAccessKeyName=" + PolicyRenewal.text(found.policy, "keyName"),
                    PolicyRenewal.text(found.policy, "primaryKey"), PolicyRenewal.text(found.policy, "secondaryKey"));
        }, action, false);
    }

    private record FoundPolicy(HubInfo hub, ObjectNode policy) {}

    private FoundPolicy findPolicy(PolicyKeyRequest request, String action) {
        Call call = new Call();
        HubInfo hub = call.locateHub(request.hubName(), request.resourceGroup(), action);
        List<ObjectNode> policies = call.retrier.read(
                () -> arm.listPolicies(hub.resourceGroup(), hub.name(), call.observer), action,
                HubLocator.advice(hub.name(), hub.resourceGroup(), arm.subscriptionId()));
        int index = PolicyRenewal.indexOf(policies, request.policyName());
        if (index < 0) {
            throw new IotHubKeyException(IotHubKeyException.Reason.NOT_FOUND, "Shared access policy '"
                    + request.policyName() + "' was not found on IoT hub '" + hub.name() + "'. Check the policy"
                    + " name.", false, null);
        }
        return new FoundPolicy(hub, policies.get(index));
    }

    /** Read-only: the two keys the device or module holds now (registry read), refusing non-SAS identities. */
    public CurrentKeys currentIdentityKeys(IdentityKeyRequest request) {
        String action = "reading the keys of " + request.describe() + " on IoT hub '" + request.hubName() + "'";
        return guarded(() -> {
            Call call = new Call();
            HubInfo hub = call.locateHub(request.hubName(), request.resourceGroup(), action);
            DataPlane.Registry registry = call.registryFor(hub, request.auth(), action);
            DataPlane.Identity identity = IdentityRenewal.read(call.retrier, registry, request, hub, action);
            return new CurrentKeys(hub, "DeviceId=" + request.deviceId()
                    + (request.moduleId() == null ? "" : ";ModuleId=" + request.moduleId()),
                    IdentityRenewal.keyOf(identity, KeySlot.PRIMARY), IdentityRenewal.keyOf(identity, KeySlot.SECONDARY));
        }, action, false);
    }

    /** Read-only: the device or module exists and uses SAS keys (dry run). */
    public IdentityInfo checkIdentity(IdentityKeyRequest request) {
        String action = "checking " + request.describe() + " on IoT hub '" + request.hubName() + "'";
        return guarded(() -> {
            Call call = new Call();
            HubInfo hub = call.locateHub(request.hubName(), request.resourceGroup(), action);
            DataPlane.Registry registry = call.registryFor(hub, request.auth(), action);
            IdentityRenewal.read(call.retrier, registry, request, hub, action);
            return new IdentityInfo(hub, request.deviceId(), request.moduleId());
        }, action, false);
    }

    /**
     * Proves the renewed key works with one SAS-signed read on the hub's data plane.
     *
     * @throws IotHubKeyException UNAUTHORIZED if the hub refuses the key; INVALID_ARGUMENT for DeviceConnect-only
     *                            policies, whose keys cannot be checked from the service side
     */
    public void verifyPolicyKey(PolicyKeyResult result, KeySlot slot) {
        guarded(() -> {
            new PolicyProbe(newRetrier(), dataPlaneProxy).verify(result, slot);
            return null;
        }, "verifying policy '" + result.policyName() + "' on IoT hub '" + result.hubName() + "'", false);
    }

    /** Reads the device or module back and checks that it still holds the key the renewal set. */
    public void verifyIdentityKey(IdentityKeyResult result, KeySlot slot) {
        IdentityKeyRequest request = result.request();
        String action = "verifying the keys of " + request.describe() + " on IoT hub '" + result.hubName() + "'";
        guarded(() -> {
            Call call = new Call();
            DataPlane.Registry registry = call.registryFor(result.hub(), result.dataPlaneAuth(), action);
            DataPlane.Identity identity = IdentityRenewal.read(call.retrier, registry, request, result.hub(), action);
            String stored = IdentityRenewal.keyOf(identity, slot);
            if (stored == null || !KeyMaterial.of(stored).sameAs(result.key(slot))) {
                throw new IotHubKeyException(IotHubKeyException.Reason.CONCURRENT_CHANGE, Deadline.capitalize(
                        request.describe()) + " on IoT hub '" + result.hubName() + "' no longer holds the "
                        + slot.name().toLowerCase(java.util.Locale.ROOT) + " key this renewal set: something else"
                        + " changed it. Run the renewal again." + Problems.MAY_HAVE_CHANGED, true, null);
            }
            return null;
        }, action, false);
    }

    private Retrier newRetrier() {
        return new Retrier(maxAttempts, retryDelay, Deadline.after(timeBudget));
    }

    /** One public call's retries (with its time budget) and ARM observer, shared by every step of that call. */
    private final class Call {
        final Retrier retrier = newRetrier();
        final CallObserver observer = new CallObserver();

        HubInfo locateHub(String hubName, String resourceGroup, String action) {
            return new HubLocator(arm, retrier, observer).locate(hubName, resourceGroup, action).info;
        }

        DataPlane.Registry registryFor(HubInfo hub, DataPlaneAuth auth, String action) {
            return new DataPlane(arm, retrier, observer, credential, cloud, dataPlaneProxy).registryFor(hub, auth,
                    action);
        }
    }

    /** Last line of defence: nothing but an IotHubKeyException leaves the engine, and never with key material. */
    private static <T> T guarded(Supplier<T> work, String action, boolean changesKeys) {
        try {
            return work.get();
        } catch (IotHubKeyException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IotHubKeyException(IotHubKeyException.Reason.SERVICE_ERROR, Deadline.capitalize(action)
                    + " failed unexpectedly (" + e.getClass().getSimpleName() + "). Run again; if it persists, report"
                    + " it with the build log." + (changesKeys ? Problems.MAY_HAVE_CHANGED : ""), changesKeys,
                    Failure.sanitized(e));
        }
    }
}
