package io.jenkins.plugins.azure.iothub.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.TextNode;
import io.jenkins.plugins.azure.iothub.emulator.SharedAccessPolicy;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Several policies of one hub renewed in one hub update. */
class PolicyBatchTest {
    private static final String HUB = EngineFixture.HUB;
    private static final String RG = EngineFixture.RG;
    private EngineFixture fx;

    @BeforeEach
    void start() {
        fx = new EngineFixture();
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    private static PolicyKeyRequest request(String policy, KeyType type) {
        return PolicyKeyRequest.of(HUB, RG, policy, type);
    }

    private static List<String> names(List<SharedAccessPolicy> policies) {
        return policies.stream().map(SharedAccessPolicy::keyName).collect(Collectors.toList());
    }

    @Test
    void fivePoliciesInOneUpdateWithOnePutAndEverythingElseUntouched() {
        fx.hub.addPolicy("untouched", "RegistryRead, ServiceConnect");
        fx.hub.tag("owner", "team-a");
        fx.hub.setProperty("enableDataResidency", com.fasterxml.jackson.databind.node.BooleanNode.TRUE);
        fx.hub.setProperty("futureProperty", TextNode.valueOf("kept"));
        Map<String, SharedAccessPolicy> before = fx.hub.policies().stream()
                .collect(Collectors.toMap(SharedAccessPolicy::keyName, p -> p));
        List<String> order = names(fx.hub.policies());
        var properties = fx.hub.writableProperties();

        List<PolicyKeyResult> results = fx.client().renewPolicyKeys(List.of(
                request("iothubowner", KeyType.SWAP),
                request("service", KeyType.PRIMARY),
                request("device", KeyType.SECONDARY),
                request("registryRead", KeyType.PRIMARY),
                request("registryReadWrite", KeyType.SWAP)));

        assertEquals(1, fx.emulator.requests().count("PUT", ".*/IotHubs/" + HUB), fx.describeRequests());
        assertEquals(1, fx.emulator.requests().count("GET", ".*/operationResults/.*") > 0 ? 1 : 0);
        assertEquals(1, fx.emulator.requests().count("GET", ".*/IotHubs/" + HUB), "one read of the hub");
        assertEquals(2, fx.emulator.requests().count("POST", ".*/IotHubs/" + HUB + "/listkeys"),
                "one read of the policies before the update, one read-back");
        assertEquals(List.of("iothubowner", "service", "device", "registryRead", "registryReadWrite"),
                results.stream().map(PolicyKeyResult::policyName).collect(Collectors.toList()));

        SharedAccessPolicy owner = fx.hub.policy("iothubowner");
        assertEquals(before.get("iothubowner").secondaryKey(), owner.primaryKey());
        assertEquals(before.get("iothubowner").primaryKey(), owner.secondaryKey());
        assertNotEquals(before.get("service").primaryKey(), fx.hub.policy("service").primaryKey());
        assertEquals(before.get("service").secondaryKey(), fx.hub.policy("service").secondaryKey());
        assertNotEquals(before.get("device").secondaryKey(), fx.hub.policy("device").secondaryKey());
        assertEquals(before.get("device").primaryKey(), fx.hub.policy("device").primaryKey());
        assertNotEquals(before.get("registryRead").primaryKey(), fx.hub.policy("registryRead").primaryKey());
        assertEquals(before.get("registryReadWrite").secondaryKey(), fx.hub.policy("registryReadWrite").primaryKey());
        for (PolicyKeyResult result : results) {
            SharedAccessPolicy now = fx.hub.policy(result.policyName());
            assertEquals(now.primaryKey(), result.key(KeySlot.PRIMARY).reveal(), result.policyName());
            assertEquals(now.secondaryKey(), result.key(KeySlot.SECONDARY).reveal(), result.policyName());
            assertEquals(result.keyType() == KeyType.SWAP ? KeyOrigin.SWAPPED : KeyOrigin.AZURE, result.keyOrigin());
        }
        SharedAccessPolicy untouched = fx.hub.policy("untouched");
        assertEquals(before.get("untouched").primaryKey(), untouched.primaryKey());
        assertEquals(before.get("untouched").secondaryKey(), untouched.secondaryKey());
        assertEquals(before.get("untouched").rights(), untouched.rights());
        assertEquals(order, names(fx.hub.policies()), "order of policies is kept");
        assertEquals(Map.of("owner", "team-a"), fx.hub.tags());
        assertEquals(properties, fx.hub.writableProperties(), "hub properties untouched");
    }

    @Test
    void whenAzureKeepsOldKeysOnlyThosePoliciesGetEngineKeysInASecondUpdate() {
        fx.hub.keepAbsentKeys(true);
        SharedAccessPolicy owner = fx.hub.policy("iothubowner");
        java.util.logging.Logger log = java.util.logging.Logger.getLogger(PolicyRenewal.class.getName());
        log.setUseParentHandlers(false); // the engine's INFO line about the fallback is expected here

        List<PolicyKeyResult> results;
        try {
            results = fx.client().renewPolicyKeys(List.of(
                    request("service", KeyType.PRIMARY), request("iothubowner", KeyType.SWAP)));
        } finally {
            log.setUseParentHandlers(true);
        }

        assertEquals(2, fx.emulator.requests().count("PUT", ".*/IotHubs/" + HUB));
        assertEquals(KeyOrigin.ENGINE, results.get(0).keyOrigin());
        assertEquals(fx.hub.policy("service").primaryKey(), results.get(0).key(KeySlot.PRIMARY).reveal());
        assertEquals(owner.secondaryKey(), fx.hub.policy("iothubowner").primaryKey(), "swapped once, not back");
        assertEquals(owner.primaryKey(), fx.hub.policy("iothubowner").secondaryKey());
    }

    @Test
    void aFailedUpdateReportsEveryPolicyAsStillOnItsOldKeys() {
        SharedAccessPolicy service = fx.hub.policy("service");
        fx.emulator.faults().on("PUT", ".*/IotHubs/" + HUB).times(20).lroFailed();

        PolicyBatchException e = assertThrows(PolicyBatchException.class, () -> fx.builder().maxAttempts(2).build()
                .renewPolicyKeys(List.of(request("service", KeyType.PRIMARY), request("device", KeyType.SWAP))));

        assertTrue(e.renewed().isEmpty(), e.getMessage());
        assertEquals(List.of("service", "device"), e.notRenewed());
        assertTrue(e.unknown().isEmpty());
        assertTrue(e.getMessage().contains("Old keys kept: service, device."), e.getMessage());
        assertEquals(service.primaryKey(), fx.hub.policy("service").primaryKey());
    }

    @Test
    void anUpdateThatTookEffectButCouldNotBeReadBackReportsTheNewKeys() {
        fx.emulator.faults().on("POST", ".*/IotHubs/" + HUB + "/listkeys").skip(1).times(2).serverError();

        PolicyBatchException e = assertThrows(PolicyBatchException.class, () -> fx.builder().maxAttempts(2).build()
                .renewPolicyKeys(List.of(request("service", KeyType.PRIMARY), request("device", KeyType.SECONDARY))));

        assertEquals(List.of("service", "device"), e.renewed().stream().map(PolicyKeyResult::policyName)
                .collect(Collectors.toList()), e.getMessage());
        assertEquals(fx.hub.policy("service").primaryKey(), e.renewed().get(0).key(KeySlot.PRIMARY).reveal());
        assertEquals(fx.hub.policy("device").secondaryKey(), e.renewed().get(1).key(KeySlot.SECONDARY).reveal());
        assertTrue(e.keyMayHaveChanged());
        assertFalse(e.getMessage().contains(fx.hub.policy("service").primaryKey()));
    }

    @Test
    void requestsForTwoHubsOrAPolicyTwiceAreRefusedBeforeAnythingIsSent() {
        IotHubKeyException twoHubs = assertThrows(IotHubKeyException.class, () -> fx.client().renewPolicyKeys(
                List.of(request("service", KeyType.PRIMARY), PolicyKeyRequest.of("other-hub", RG, "device",
                        KeyType.PRIMARY))));
        assertEquals(IotHubKeyException.Reason.INVALID_ARGUMENT, twoHubs.reason());
        IotHubKeyException twice = assertThrows(IotHubKeyException.class, () -> fx.client().renewPolicyKeys(
                List.of(request("service", KeyType.PRIMARY), request("SERVICE", KeyType.SECONDARY))));
        assertEquals(IotHubKeyException.Reason.INVALID_ARGUMENT, twice.reason());
        assertEquals(0, fx.requests().size());
    }
}
