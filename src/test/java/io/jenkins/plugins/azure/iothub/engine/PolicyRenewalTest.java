package io.jenkins.plugins.azure.iothub.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.azure.iothub.emulator.RecordedRequest;
import io.jenkins.plugins.azure.iothub.emulator.SharedAccessPolicy;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Policy key renewal against the emulator: what the CLI does, and what it must never do. */
class PolicyRenewalTest {
    private EngineFixture fx;

    @BeforeEach
    void start() {
        fx = new EngineFixture();
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    private static List<String> names(List<SharedAccessPolicy> policies) {
        return policies.stream().map(SharedAccessPolicy::keyName).collect(Collectors.toList());
    }

    @Test
    void primaryRenewalGetsAServiceGeneratedKeyAndLeavesEverythingElseAlone() {
        List<SharedAccessPolicy> before = fx.hub.policies();
        SharedAccessPolicy service = fx.hub.policy("service");

        PolicyKeyResult result = fx.client().renewPolicyKey(PolicyKeyRequest.of(EngineFixture.HUB, EngineFixture.RG,
                "service", KeyType.PRIMARY));

        SharedAccessPolicy after = fx.hub.policy("service");
        assertNotEquals(service.primaryKey(), after.primaryKey());
        assertEquals(service.secondaryKey(), after.secondaryKey());
        assertEquals(after.primaryKey(), result.key(KeySlot.PRIMARY).reveal());
        assertEquals(after.secondaryKey(), result.key(KeySlot.SECONDARY).reveal());
        assertEquals(names(before), names(fx.hub.policies()), "order of policies is kept");
        for (SharedAccessPolicy old : before) {
            if (!old.keyName().equals("service")) {
                SharedAccessPolicy now = fx.hub.policy(old.keyName());
                assertEquals(old.primaryKey(), now.primaryKey(), old.keyName());
                assertEquals(old.secondaryKey(), now.secondaryKey(), old.keyName());
                assertEquals(old.rights(), now.rights(), old.keyName());
            }
        }
        assertEquals("service", result.policyName());
        assertEquals(fx.hub.hostName(), result.hostName());
        assertEquals(EngineFixture.RG, result.resourceGroup());
        assertEquals("HostName=" + fx.hub.hostName() + ";SharedAccessKeyName=service;SharedAccessKey="
                + after.primaryKey(), result.connectionString(KeySlot.PRIMARY).reveal());
    }

    @Test
    void putSendsTheRenewedKeyAbsentAndTheHubEtag() {
        String etag = fx.hub.etag();
        fx.client().renewPolicyKey(PolicyKeyRequest.of(EngineFixture.HUB, EngineFixture.RG, "registryRead",
                KeyType.SECONDARY));
        List<RecordedRequest> puts = fx.emulator.requests().matching("PUT", ".*/IotHubs/" + EngineFixture.HUB);
        assertEquals(1, puts.size(), fx.describeRequests());
        assertEquals(etag, puts.get(0).ifMatch());
        String body = puts.get(0).body();
        assertTrue(body.contains("\"keyName\":\"registryRead\""), body);
        int at = body.indexOf("\"keyName\":\"registryRead\"");
        String policyJson = body.substring(body.lastIndexOf('{', at), body.indexOf('}', at) + 1);
        assertFalse(policyJson.contains("secondaryKey"), "renewed key must be absent: " + policyJson.length());
        assertTrue(policyJson.contains("primaryKey"));
    }

    /**
     * A PUT answered 200 with a transitional provisioningState and no operation to poll (allowed by the
     * CreateOrUpdate specification): the engine reads the hub until the update is over, and sends it once.
     */
    @Test
    void aTransitionalAnswerWithoutAnOperationIsFollowedByReadingTheHub() {
        fx.emulator.lro().withoutOperation(true).autoCompleteAfter(Duration.ofMillis(300));
        SharedAccessPolicy service = fx.hub.policy("service");

        PolicyKeyResult result = fx.client().renewPolicyKey(PolicyKeyRequest.of(EngineFixture.HUB, EngineFixture.RG,
                "service", KeyType.SECONDARY));

        SharedAccessPolicy after = fx.hub.policy("service");
        assertNotEquals(service.secondaryKey(), after.secondaryKey());
        assertEquals(service.primaryKey(), after.primaryKey());
        assertEquals(after.secondaryKey(), result.key(KeySlot.SECONDARY).reveal());
        assertEquals(1, fx.emulator.requests().matching("PUT", ".*/IotHubs/" + EngineFixture.HUB).size(),
                fx.describeRequests());
        assertTrue(fx.emulator.requests().matching("GET", ".*/IotHubs/" + EngineFixture.HUB).size() > 1,
                "the hub was read until its update was over: " + fx.describeRequests());
    }

    @Test
    void withResourceGroupARenewalTakesAtMostSixRequests() {
        fx.client().renewPolicyKey(PolicyKeyRequest.of(EngineFixture.HUB, EngineFixture.RG, "service",
                KeyType.PRIMARY));
        assertTrue(fx.requests().size() <= 6, fx.describeRequests());
    }

    @Test
    void swapExchangesBothKeysExplicitly() {
        SharedAccessPolicy before = fx.hub.policy("iothubowner");
        PolicyKeyResult result = fx.client().renewPolicyKey(PolicyKeyRequest.of(EngineFixture.HUB, null,
                "iothubowner", KeyType.SWAP));
        SharedAccessPolicy after = fx.hub.policy("iothubowner");
        assertEquals(before.secondaryKey(), after.primaryKey());
        assertEquals(before.primaryKey(), after.secondaryKey());
        assertEquals(after.primaryKey(), result.key(KeySlot.PRIMARY).reveal());
    }

    @Test
    void policyAndHubNamesMatchCaseInsensitivelyAndResultsUseStoredCasing() {
        PolicyKeyResult result = fx.client().renewPolicyKey(PolicyKeyRequest.of("HUB-KEYS", null, "REGISTRYREADWRITE",
                KeyType.PRIMARY));
        assertEquals("registryReadWrite", result.policyName());
        assertEquals(EngineFixture.HUB, result.hubName());
        assertEquals(EngineFixture.RG, result.resourceGroup());
        assertEquals(fx.hub.policy("registryReadWrite").primaryKey(), result.key(KeySlot.PRIMARY).reveal());
    }

    @Test
    void unknownPolicyIsNotFoundAndNamesHubAndPolicy() {
        IotHubKeyException e = assertThrows(IotHubKeyException.class, () -> fx.client().renewPolicyKey(
                PolicyKeyRequest.of(EngineFixture.HUB, EngineFixture.RG, "nope", KeyType.PRIMARY)));
        assertEquals(IotHubKeyException.Reason.NOT_FOUND, e.reason());
        assertTrue(e.getMessage().contains("'nope'") && e.getMessage().contains(EngineFixture.HUB), e.getMessage());
        assertFalse(e.keyMayHaveChanged());
        assertEquals(0, fx.emulator.requests().count("PUT", ".*"));
    }

    @Test
    void resultToStringShowsNoKey() {
        PolicyKeyResult result = fx.client().renewPolicyKey(PolicyKeyRequest.of(EngineFixture.HUB, EngineFixture.RG,
                "service", KeyType.PRIMARY));
        String text = result + " " + result.key(KeySlot.PRIMARY) + " " + result.connectionString(KeySlot.SECONDARY);
        assertFalse(text.contains(result.key(KeySlot.PRIMARY).reveal()), text);
        assertFalse(text.contains(result.key(KeySlot.SECONDARY).reveal()), text);
    }

    @Test
    void withoutResourceGroupTheHubIsFoundOnALaterPageOfTheSubscriptionList() {
        for (int i = 0; i < 5; i++) {
            fx.emulator.addHub(EngineFixture.SUBSCRIPTION, "rg-other-" + i, "aaa-hub-" + i);
        }
        fx.emulator.addHub("another-subscription", "rg-x", "zzz-foreign");
        io.jenkins.plugins.azure.iothub.emulator.SimulatedHub late =
                fx.emulator.addHub(EngineFixture.SUBSCRIPTION, "rg-late", "Late-Hub");
        fx.emulator.pageSize(2);
        PolicyKeyResult result = fx.client().renewPolicyKey(PolicyKeyRequest.of("late-hub", null, "service",
                KeyType.SECONDARY));
        assertEquals("rg-late", result.resourceGroup());
        assertEquals("Late-Hub", result.hubName());
        assertEquals(late.policy("service").secondaryKey(), result.key(KeySlot.SECONDARY).reveal());
        assertTrue(fx.emulator.requests().count("GET", ".*/providers/Microsoft.Devices/IotHubs") >= 2,
                fx.describeRequests());
    }

    @Test
    void allPagesOfPoliciesAreSentBackInTheirOrder() {
        for (int i = 0; i < 7; i++) {
            fx.hub.addPolicy("extra" + i, i % 2 == 0 ? "ServiceConnect" : "RegistryRead, DeviceConnect");
        }
        fx.emulator.pageSize(3);
        List<SharedAccessPolicy> before = fx.hub.policies();
        fx.client().renewPolicyKey(PolicyKeyRequest.of(EngineFixture.HUB, EngineFixture.RG, "extra3",
                KeyType.PRIMARY));
        List<SharedAccessPolicy> after = fx.hub.policies();
        assertEquals(names(before), names(after));
        for (int i = 0; i < before.size(); i++) {
            if (!before.get(i).keyName().equals("extra3")) {
                assertEquals(before.get(i).primaryKey(), after.get(i).primaryKey());
                assertEquals(before.get(i).secondaryKey(), after.get(i).secondaryKey());
            }
        }
        assertNotEquals(fx.hub.policy("extra3").primaryKey(), before.get(names(before).indexOf("extra3")).primaryKey());
    }

    @Test
    void unknownHubWithResourceGroupNamesHubAndGroup() {
        IotHubKeyException e = assertThrows(IotHubKeyException.class, () -> fx.client().renewPolicyKey(
                PolicyKeyRequest.of("no-such-hub", EngineFixture.RG, "service", KeyType.PRIMARY)));
        assertEquals(IotHubKeyException.Reason.NOT_FOUND, e.reason());
        assertTrue(e.getMessage().contains("'no-such-hub'") && e.getMessage().contains(EngineFixture.RG),
                e.getMessage());
    }

    @Test
    void unknownResourceGroupIsNamed() {
        IotHubKeyException e = assertThrows(IotHubKeyException.class, () -> fx.client().renewPolicyKey(
                PolicyKeyRequest.of(EngineFixture.HUB, "rg-missing", "service", KeyType.PRIMARY)));
        assertEquals(IotHubKeyException.Reason.NOT_FOUND, e.reason());
        assertTrue(e.getMessage().contains("'rg-missing'") && e.getMessage().contains(EngineFixture.HUB),
                e.getMessage());
    }

    @Test
    void unknownHubWithoutResourceGroupSearchesTheSubscription() {
        fx.emulator.pageSize(1);
        fx.emulator.addHub(EngineFixture.SUBSCRIPTION, "rg-b", "hub-b");
        IotHubKeyException e = assertThrows(IotHubKeyException.class, () -> fx.client().renewPolicyKey(
                PolicyKeyRequest.of("no-such-hub", null, "service", KeyType.PRIMARY)));
        assertEquals(IotHubKeyException.Reason.NOT_FOUND, e.reason());
        assertTrue(e.getMessage().contains("'no-such-hub'") && e.getMessage().contains(EngineFixture.SUBSCRIPTION),
                e.getMessage());
        assertEquals(2, fx.emulator.requests().count("GET", ".*/providers/Microsoft.Devices/IotHubs"),
                "every page was read: " + fx.describeRequests());
    }

    @Test
    void bothIsRefusedForPoliciesBeforeAnyRequest() {
        IotHubKeyException e = assertThrows(IotHubKeyException.class,
                () -> PolicyKeyRequest.of(EngineFixture.HUB, null, "service", KeyType.BOTH));
        assertEquals(IotHubKeyException.Reason.INVALID_ARGUMENT, e.reason());
        assertTrue(e.getMessage().contains("'service'") && e.getMessage().contains(EngineFixture.HUB));
        assertEquals(0, fx.requests().size());
    }

    @Test
    void theRequestSequenceIsTheClisWithoutTheFinalHubGet() {
        fx.emulator.lro().pollsUntilDone(0);
        fx.client().renewPolicyKey(PolicyKeyRequest.of(EngineFixture.HUB, EngineFixture.RG, "service",
                KeyType.PRIMARY));
        List<String> sequence = fx.requests().stream().map(r -> r.method() + " " + r.rawPath()
                .replaceAll(".*/IotHubs/" + EngineFixture.HUB, "HUB").replaceAll(".*/operationResults/.*", "OPERATION"))
                .collect(Collectors.toList());
        assertEquals(List.of("GET HUB", "POST HUB/listkeys", "PUT HUB", "GET OPERATION",
                "POST HUB/IotHubKeys/service/listkeys"), sequence);
    }

    @Test
    void aSuccessfulRenewalLeavesNothingInTheLogAtInfo() {
        List<String> records = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler handler = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                String name = String.valueOf(record.getLoggerName()) + " " + record.getSourceClassName();
                if (record.getLevel().intValue() >= java.util.logging.Level.INFO.intValue()
                        && (name.contains("com.azure") || name.contains("iothub.engine"))) {
                    records.add(name + ": " + record.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        root.addHandler(handler);
        try {
            fx.client().renewPolicyKey(PolicyKeyRequest.of(EngineFixture.HUB, EngineFixture.RG, "service",
                    KeyType.SECONDARY));
        } finally {
            root.removeHandler(handler);
        }
        assertEquals(List.of(), records, "the SDK pipeline must not log per request (e.g. retry exhausted)");
    }

    @Test
    void armRoleWithoutWriteAccessIsUnauthorizedWithAdvice() {
        fx.emulator.armRole(io.jenkins.plugins.azure.iothub.emulator.ArmRole.READER);
        IotHubKeyException e = assertThrows(IotHubKeyException.class, () -> fx.client().renewPolicyKey(
                PolicyKeyRequest.of(EngineFixture.HUB, EngineFixture.RG, "service", KeyType.PRIMARY)));
        assertEquals(IotHubKeyException.Reason.UNAUTHORIZED, e.reason());
        assertTrue(e.getMessage().contains(EngineFixture.HUB) && e.getMessage().contains("role"), e.getMessage());
    }

    @Test
    void aCredentialThatCannotSignInIsUnauthorized() {
        fx.emulator.tokenCredential().failTokenRequests(true);
        IotHubKeyException e = assertThrows(IotHubKeyException.class, () -> fx.client().renewPolicyKey(
                PolicyKeyRequest.of(EngineFixture.HUB, EngineFixture.RG, "service", KeyType.PRIMARY)));
        assertEquals(IotHubKeyException.Reason.UNAUTHORIZED, e.reason());
        assertTrue(e.getMessage().contains("token") && e.getMessage().contains(EngineFixture.HUB), e.getMessage());
    }
}
