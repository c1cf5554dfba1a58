package io.jenkins.plugins.azure.iothub.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.util.polling.PollResponse;
import com.azure.core.util.polling.SyncPoller;
import com.azure.core.management.polling.PollResult;
import com.azure.resourcemanager.iothub.IotHubManager;
import com.azure.resourcemanager.iothub.fluent.IotHubResourcesClient;
import com.azure.resourcemanager.iothub.fluent.models.IotHubDescriptionInner;
import com.azure.resourcemanager.iothub.fluent.models.SharedAccessSignatureAuthorizationRuleInner;
import com.azure.resourcemanager.iothub.models.AccessRights;
import com.azure.resourcemanager.iothub.models.ErrorDetailsException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Drives the ARM side with the real azure-resourcemanager-iothub 1.1.0 client. */
class ArmSdkTest {
    private static final String SUB = "00000000-0000-0000-0000-000000000001";
    private IotHubEmulator emu;
    private SimulatedHub hub;
    private IotHubResourcesClient client;

    @BeforeEach
    void start() {
        emu = IotHubEmulator.start();
        hub = emu.addHub(SUB, "rg-one", "hub-one");
        emu.addHub(SUB, "rg-one", "hub-two");
        emu.addHub(SUB, "rg-other", "hub-three");
        client = IotHubManager.configure().withDefaultPollInterval(Duration.ofMillis(10))
                .authenticate(emu.tokenCredential(), emu.azureProfile(SUB)).serviceClient().getIotHubResources();
    }

    @AfterEach
    void stop() {
        emu.close();
    }

    @Test
    void getReturnsHubWithHostNameAndEtagButNoPolicies() {
        IotHubDescriptionInner got = client.getByResourceGroup("RG-ONE", "HUB-ONE");
        assertEquals("hub-one", got.name());
        assertEquals(hub.etag(), got.etag());
        assertEquals(hub.hostName(), got.properties().hostname());
        assertEquals("S1", got.sku().name().toString());
        assertNull(got.properties().authorizationPolicies());
        assertEquals(hub.resourceId(), got.id());
    }

    @Test
    void unknownHubAndResourceGroupAre404() {
        ErrorDetailsException noHub = assertThrows(ErrorDetailsException.class,
                () -> client.getByResourceGroup("rg-one", "nope"));
        assertEquals(404, noHub.getResponse().getStatusCode());
        assertEquals("ResourceNotFound", noHub.getValue().getCode());
        ErrorDetailsException noRg = assertThrows(ErrorDetailsException.class,
                () -> client.getByResourceGroup("rg-missing", "hub-one"));
        assertEquals("ResourceGroupNotFound", noRg.getValue().getCode());
    }

    @Test
    void listsFollowNextLinkAcrossPages() {
        emu.pageSize(1);
        List<String> all = client.list().stream().map(IotHubDescriptionInner::name).collect(Collectors.toList());
        assertEquals(List.of("hub-one", "hub-two", "hub-three"), all);
        List<String> inRg = client.listByResourceGroup("rg-one").stream().map(IotHubDescriptionInner::name)
                .collect(Collectors.toList());
        assertEquals(List.of("hub-one", "hub-two"), inRg);
        assertEquals(3, emu.requests().count("GET", "/subscriptions/[^/]+/providers/Microsoft.Devices/IotHubs"));
    }

    @Test
    void listKeysPagesThroughAllPoliciesWithKeys() {
        emu.pageSize(2);
        List<SharedAccessSignatureAuthorizationRuleInner> rules = client.listKeys("rg-one", "hub-one").stream()
                .collect(Collectors.toList());
        assertEquals(List.of("iothubowner", "service", "device", "registryRead", "registryReadWrite"),
                rules.stream().map(SharedAccessSignatureAuthorizationRuleInner::keyName).collect(Collectors.toList()));
        assertEquals(hub.policy("service").primaryKey(), rules.get(1).primaryKey());
        assertEquals(AccessRights.REGISTRY_WRITE_SERVICE_CONNECT_DEVICE_CONNECT, rules.get(0).rights());
        assertEquals(1, emu.requests().count("POST", ".*/IotHubs/hub-one/listkeys"));
        assertEquals(2, emu.requests().count("GET", ".*/IotHubs/hub-one/listkeys"));
    }

    @Test
    void keysForKeyNameAndUnknownPolicy() {
        SharedAccessSignatureAuthorizationRuleInner rule = client.getKeysForKeyName("rg-one", "hub-one", "registryRead");
        assertEquals(hub.policy("registryRead").secondaryKey(), rule.secondaryKey());
        ErrorDetailsException e = assertThrows(ErrorDetailsException.class,
                () -> client.getKeysForKeyName("rg-one", "hub-one", "nosuch"));
        assertEquals(404, e.getResponse().getStatusCode());
    }

    @Test
    void putWithAbsentKeyRegeneratesItAfterTheOperationCompletes() {
        emu.lro().pollsUntilDone(2);
        IotHubDescriptionInner current = client.getByResourceGroup("rg-one", "hub-one");
        List<SharedAccessSignatureAuthorizationRuleInner> rules = client.listKeys("rg-one", "hub-one").stream()
                .collect(Collectors.toList());
        String oldPrimary = rules.get(1).primaryKey();
        String oldSecondary = rules.get(1).secondaryKey();
        rules.get(1).withPrimaryKey(null);
        current.properties().withAuthorizationPolicies(rules);
        String oldEtag = current.etag();

        SyncPoller<PollResult<IotHubDescriptionInner>, IotHubDescriptionInner> poller =
                client.beginCreateOrUpdate("rg-one", "hub-one", current, oldEtag);
        PollResponse<PollResult<IotHubDescriptionInner>> first = poller.poll();
        assertEquals("Running", first.getStatus().toString());
        assertFalse(first.getStatus().isComplete());
        assertEquals(oldPrimary, hub.policy("service").primaryKey(), "keys change only when the operation completes");
        assertEquals(oldEtag, hub.etag());
        poller.waitForCompletion(Duration.ofSeconds(10));
        IotHubDescriptionInner after = poller.getFinalResult();

        assertNotEquals(oldEtag, after.etag());
        String newPrimary = client.getKeysForKeyName("rg-one", "hub-one", "service").primaryKey();
        assertNotEquals(oldPrimary, newPrimary);
        assertEquals(newPrimary, hub.policy("service").primaryKey());
        assertEquals(oldSecondary, hub.policy("service").secondaryKey());
        assertEquals(5, hub.policies().size());
        assertEquals("$fallback", hub.writableProperties().path("routing").path("fallbackRoute").path("name").asText(),
                "what the SDK read it writes back");
        assertEquals(10, hub.writableProperties().path("cloudToDevice").path("maxDeliveryCount").asInt());
        RecordedRequest put = emu.requests().matching("PUT", ".*/IotHubs/hub-one").get(0);
        assertEquals(oldEtag, put.ifMatch());
        assertTrue(emu.requests().count("GET", ".*/operationResults/.*") >= 3);
    }

    @Test
    void staleEtagIs412WithTheServiceBody() {
        IotHubDescriptionInner current = client.getByResourceGroup("rg-one", "hub-one");
        current.properties().withAuthorizationPolicies(client.listKeys("rg-one", "hub-one").stream()
                .collect(Collectors.toList()));
        hub.tag("someone", "else");
        ErrorDetailsException e = assertThrows(ErrorDetailsException.class,
                () -> client.createOrUpdate("rg-one", "hub-one", current, current.etag()));
        assertEquals(412, e.getResponse().getStatusCode());
        assertEquals("412001", e.getValue().getCode());
        assertEquals("PreconditionFailed", e.getValue().getHttpStatusCode());
    }

    @Test
    void failedOperationIsReportedAsFailedAndChangesNothing() {
        emu.faults().on("PUT", ".*/IotHubs/hub-one").lroFailed();
        IotHubDescriptionInner current = client.getByResourceGroup("rg-one", "hub-one");
        List<SharedAccessSignatureAuthorizationRuleInner> rules = client.listKeys("rg-one", "hub-one").stream()
                .collect(Collectors.toList());
        rules.get(0).withPrimaryKey(null);
        current.properties().withAuthorizationPolicies(rules);
        String before = hub.policy("iothubowner").primaryKey();
        SyncPoller<PollResult<IotHubDescriptionInner>, IotHubDescriptionInner> poller =
                client.beginCreateOrUpdate("rg-one", "hub-one", current, current.etag());
        PollResponse<PollResult<IotHubDescriptionInner>> last = poller.waitForCompletion(Duration.ofSeconds(10));
        assertEquals("FAILED", last.getStatus().toString());
        assertEquals(before, hub.policy("iothubowner").primaryKey());
        assertEquals("Active", hub.state());
    }

    @Test
    void sdkRetryPolicyGetsPastThrottlingAndADroppedConnection() {
        emu.faults().on("GET", ".*/IotHubs/hub-one").throttle(1);
        emu.faults().on("GET", ".*/IotHubs/hub-one").dropConnection();
        assertEquals("hub-one", client.getByResourceGroup("rg-one", "hub-one").name());
        List<RecordedRequest> gets = emu.requests().matching("GET", ".*/IotHubs/hub-one");
        assertEquals(3, gets.size(), emu.requests().describe());
        assertEquals(429, gets.get(0).status());
        assertEquals(-1, gets.get(1).status());
        assertEquals(200, gets.get(2).status());
    }
}
