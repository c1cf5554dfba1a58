package io.jenkins.plugins.azure.iothub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.azure.iothub.engine.IdentityId;
import io.jenkins.plugins.azure.iothub.engine.KeySlot;
import org.junit.jupiter.api.Test;

/** What a fleet writes stays under the owner rules of {@link CredentialOwner}, and the label never widens them. */
class FleetOwnershipTest {

    private static RenewFleetKeysConfig fleet() {
        RenewFleetKeysConfig config = new RenewFleetKeysConfig("hub-a", "primary");
        config.setWhere("tags.site = 'north'");
        return config;
    }

    @Test
    void aDeviceCredentialWithTheRotationLabelBelongsToThatDeviceOnly() {
        RenewKeyConfig device = fleet().member(IdentityId.device("sensor-1"));
        String description = KeyRenewalService.description(device, KeySlot.PRIMARY, true, "2026-12");

        assertEquals("Managed by Azure IoT Hub Key Renewal: primary connection string (fleet rotation '2026-12') of"
                + " device 'sensor-1' on hub 'hub-a'", description);
        assertTrue(CredentialOwner.of(device).owns(description));
        assertFalse(CredentialOwner.of(fleet().member(IdentityId.device("Sensor-1"))).owns(description),
                "device ids are case-sensitive");
        assertFalse(CredentialOwner.of(fleet().member(IdentityId.module("sensor-1", "m"))).owns(description));
        assertEquals(RotationPhase.COMPLETE, RotationPhase.of(description), "not a rotation's hand-over");
    }

    @Test
    void aLabelOutsideItsCharactersIsNotAcceptedAsOurs() {
        RenewKeyConfig device = fleet().member(IdentityId.device("sensor-1"));
        String forged = KeyRenewalService.description(device, KeySlot.PRIMARY, true, "x') of device 'other");

        assertFalse(CredentialOwner.of(device).owns(forged));
        assertFalse(CredentialOwner.of(fleet().member(IdentityId.device("other"))).owns(forged));
    }

    @Test
    void theSecretFileBelongsToItsHubAndSelectionOnly() {
        String description = KeyRenewalService.OWNERSHIP_MARKER + ": fleet keys of fleet devices where tags.site ="
                + " 'north' on hub 'hub-a'";
        CredentialOwner owner = CredentialOwner.fleet("hub-a", fleet().selection());

        assertTrue(owner.owns(description));
        assertTrue(CredentialOwner.fleet("HUB-A", fleet().selection()).owns(description), "hub names ignore case");
        assertFalse(CredentialOwner.fleet("hub-a", "devices where tags.site = 'NORTH'").owns(description));
        assertFalse(CredentialOwner.fleet("hub-a", "every SAS device").owns(description));
        assertFalse(CredentialOwner.of(fleet().member(IdentityId.device("sensor-1"))).owns(description));
    }

    @Test
    void resumeReadsOnlyIdentitiesWhoseEveryStoredSlotCarriesTheLabel() {
        RenewFleetKeysConfig config = new RenewFleetKeysConfig("hub-a", "both");
        config.setAllDevices(true);
        RenewKeyConfig one = config.member(IdentityId.device("d1"));
        RenewKeyConfig two = config.member(IdentityId.module("d2", "m"));
        java.util.List<String> descriptions = java.util.List.of(
                KeyRenewalService.description(one, KeySlot.PRIMARY, true, "r1"),
                KeyRenewalService.description(one, KeySlot.SECONDARY, true, "r1"),
                KeyRenewalService.description(two, KeySlot.PRIMARY, true, "r1"), // its secondary was not stored
                KeyRenewalService.description(config.member(IdentityId.device("d3")), KeySlot.PRIMARY, true, "r0"),
                KeyRenewalService.description(config.member(IdentityId.device("d3")), KeySlot.SECONDARY, true, "r0"));
        CredentialTarget target = new CredentialTarget() {
            @Override
            public String describe() {
                return "a store";
            }

            @Override
            public void checkWritable(java.util.List<String> ids, CredentialOwner owner) {}

            @Override
            public WriteResult write(String id, CredentialOwner owner, String description,
                    io.jenkins.plugins.azure.iothub.engine.KeyMaterial secret) {
                throw new AssertionError("not written");
            }

            @Override
            public Stored read(String id, CredentialOwner owner) {
                return null;
            }

            @Override
            public java.util.List<String> ownedDescriptions() {
                return descriptions;
            }
        };

        assertEquals(java.util.Set.of(IdentityId.device("d1")), new CredentialStorage(target, "r1").alreadyRenewed(config));
        assertEquals(java.util.Set.of(), new CredentialStorage(target, null).alreadyRenewed(config), "no label, no resume");
    }
}
