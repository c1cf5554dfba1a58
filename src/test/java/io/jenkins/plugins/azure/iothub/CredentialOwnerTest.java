package io.jenkins.plugins.azure.iothub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CredentialOwnerTest {

    private static CredentialOwner owner(String hub, String policy, String device, String module) {
        RenewKeyConfig config = new RenewKeyConfig(hub, "primary");
        config.setPolicy(policy);
        config.setDevice(device);
        config.setModule(module);
        return CredentialOwner.of(config);
    }

    private static String written(String what, CredentialOwner owner) {
        return KeyRenewalService.OWNERSHIP_MARKER + ": " + what + " of " + owner.describe();
    }

    @Test
    void describesTheTargetAsTheBuildLogDoes() {
        RenewKeyConfig config = new RenewKeyConfig("h", "primary");
        config.setDevice("d");
        config.setModule("m");
        assertEquals(config.describeTarget(), CredentialOwner.of(config).describe());
        assertEquals("module 'm' of device 'd' on hub 'h'", CredentialOwner.of(config).describe());
    }

    @Test
    void ownsWhatThePluginWroteForItWhicheverSlotAndForm() {
        CredentialOwner p = owner("h", "service", null, null);
        assertTrue(p.owns(written("primary key", p)));
        assertTrue(p.owns(written("secondary connection string", p)));
        assertTrue(p.owns(KeyRenewalService.description(config("h", "service"),
                io.jenkins.plugins.azure.iothub.engine.KeySlot.PRIMARY, true)));
    }

    private static RenewKeyConfig config(String hub, String policy) {
        RenewKeyConfig config = new RenewKeyConfig(hub, "primary");
        config.setPolicy(policy);
        return config;
    }

    @Test
    void hubAndPolicyIgnoreCaseDevicesAndModulesDoNot() {
        assertTrue(owner("H", "Service", null, null).owns(written("primary key", owner("h", "service", null, null))));
        assertFalse(owner("h", null, "Sensor-1", null).owns(written("primary key", owner("h", null, "sensor-1", null))));
        assertTrue(owner("H", null, "Sensor-1", null).owns(written("primary key", owner("h", null, "Sensor-1", null))));
        assertFalse(owner("h", null, "d", "M").owns(written("primary key", owner("h", null, "d", "m"))));
    }

    @Test
    void aDeviceDoesNotOwnItsModulesCredentialNorAPolicyOfTheSameName() {
        CredentialOwner device = owner("h", null, "d", null);
        assertFalse(device.owns(written("primary key", owner("h", null, "d", "m"))));
        assertFalse(device.owns(written("primary key", owner("h", "d", null, null))));
        assertFalse(owner("h", "d", null, null).owns(written("primary key", device)));
    }

    @Test
    void anythingElseIsNotOwned() {
        CredentialOwner p = owner("h", "p", null, null);
        assertFalse(p.owns(null));
        assertFalse(p.owns("by hand"));
        assertFalse(p.owns("copied: " + written("primary key", p)));
        assertFalse(p.owns(written("primary key", p) + " (edited)"));
        assertFalse(p.owns(written("primary key", owner("other", "p", null, null))));
    }
}
