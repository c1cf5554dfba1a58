package io.jenkins.plugins.azure.iothub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.azure.iothub.engine.KeySlot;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CredentialIdsTest {

    private static String policy(String hub, String policy) {
        return CredentialIds.defaultId(hub, policy, null, null, KeySlot.PRIMARY);
    }

    private static String device(String hub, String device) {
        return CredentialIds.defaultId(hub, null, device, null, KeySlot.PRIMARY);
    }

    private static String module(String hub, String device, String module) {
        return CredentialIds.defaultId(hub, null, device, module, KeySlot.PRIMARY);
    }

    @Test
    void idsAreReadable() {
        assertEquals("iothub.contoso-hub.policy.service.primary", policy("contoso-hub", "service"));
        assertEquals("iothub.contoso-hub.policy.iothubowner.secondary",
                CredentialIds.defaultId("Contoso-Hub", "iotHubOwner", null, null, KeySlot.SECONDARY));
        assertEquals("iothub.contoso-hub.device.thermostat-7.primary", device("contoso-hub", "thermostat-7"));
        assertEquals("iothub.contoso-hub.device.thermostat-7.module.edge-agent.primary",
                module("contoso-hub", "thermostat-7", "edge-agent"));
    }

    @Test
    void hubAndPolicyIgnoreCaseAsAzureDoes() {
        assertEquals(policy("contoso-hub", "service"), policy("CONTOSO-HUB", "Service"));
    }

    @Test
    void deviceAndModuleIdsKeepTheirCaseBecauseIotHubIdsAreCaseSensitive() {
        assertNotEquals(device("h", "Sensor-1"), device("h", "sensor-1"));
        assertNotEquals(module("h", "d", "Edge"), module("h", "d", "edge"));
    }

    @Test
    void targetsThatUsedToShareAnIdNoLongerDo() {
        assertNotEquals(policy("a-b", "c"), policy("a", "b-c"));
        assertNotEquals(policy("h", "device-x"), device("h", "x"));
        assertNotEquals(device("h", "d-module-m"), module("h", "d", "m"));
        assertNotEquals(device("h", "a.b"), device("h", "a_b"));
        assertNotEquals(device("h", "a.b"), device("h", "a_2eb"));
    }

    @Test
    void everyCharacterAnIotHubIdMayHoldGivesAValidCredentialId() {
        // IoT Hub device and module ids: ASCII letters, digits and - . % _ * ? ! ( ) , : = @ $ '
        String id = device("h", "a-.%_*?!(),:=@$'z");
        assertTrue(id.matches("[a-zA-Z0-9_.-]+"), id); // what Jenkins accepts (BaseStandardCredentials.doCheckId)
        assertEquals("iothub.h.device.a-_2e_25_5f_2a_3f_21_28_29_2c_3a_3d_40_24_27z.primary", id);
    }

    @Test
    void manyLookAlikeNamesStayApart() {
        List<String> names = List.of("a", "A", "a.b", "a_b", "a-b", "a_2eb", "a.b.c", "device", "module", "a%b",
                "a_25b", "policy", "x.module.y", "_", ".", "-");
        Set<String> ids = new HashSet<>();
        for (String d : names) {
            ids.add(device("h", d));
            for (String m : names) {
                ids.add(module("h", d, m));
            }
        }
        for (String p : names) {
            ids.add(policy("h", p.toLowerCase(java.util.Locale.ROOT) + "-p"));
        }
        int policies = (int) names.stream().map(n -> n.toLowerCase(java.util.Locale.ROOT)).distinct().count();
        assertEquals(names.size() + names.size() * names.size() + policies, ids.size());
    }
}
