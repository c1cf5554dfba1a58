package io.jenkins.plugins.azure.iothub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.azure.iothub.engine.KeySlot;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The shared options live in {@link HubRenewalConfig}; each configuration saves and pickles them as before. */
class HubRenewalConfigTest {

    /**
     * XStream names each saved field by its own name and only qualifies it ({@code defined-in}) when a subclass
     * declares the same name; no such clash, so config.xml keeps the element names it had before the base class.
     */
    @Test
    void noConfigurationRedeclaresASharedOption() {
        for (Class<?> type : List.of(RenewKeyConfig.class, RotateKeyConfig.class, RenewPolicyKeysConfig.class,
                RenewFleetKeysConfig.class)) {
            List<String> names = new ArrayList<>();
            for (Class<?> c = type; c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (!Modifier.isStatic(f.getModifiers())) {
                        names.add(f.getName());
                    }
                }
            }
            Set<String> unique = new HashSet<>(names);
            assertEquals(unique.size(), names.size(), type.getSimpleName() + " " + names);
            assertTrue(unique.containsAll(List.of("hub", "resourceGroup", "subscriptionId", "azureCredentialsId",
                    "credentialsFolder", "store", "dryRun", "timeoutSeconds")), type.getSimpleName() + " " + names);
        }
    }

    /** Pipeline pickles the step execution with its configuration: the shared options survive, and equality. */
    @Test
    void bothSingleConfigurationsSurviveJavaSerialization() throws Exception {
        RenewKeyConfig renewal = new RenewKeyConfig("h-1", "secondary");
        renewal.setPolicy("service");
        shareOptions(renewal);
        renewal.setVerify(false);
        RotateKeyConfig rotation = new RotateKeyConfig("h-1");
        rotation.setDevice("dev-1");
        rotation.setInUse("primary");
        shareOptions(rotation);

        for (HubRenewalConfig<?> config : List.<HubRenewalConfig<?>>of(renewal, rotation)) {
            HubRenewalConfig<?> copy = roundTrip(config);
            assertEquals(config, copy);
            assertEquals("rg-1", copy.getResourceGroup());
            assertEquals("00000000-0000-0000-0000-000000000001", copy.getSubscriptionId());
            assertEquals("azure-sp", copy.getAzureCredentialsId());
            assertEquals("team", copy.getCredentialsFolder());
            assertEquals(RenewKeyConfig.STORE_KEY, copy.getStore());
            assertTrue(copy.isDryRun());
            assertEquals(42, copy.getTimeoutSeconds());
        }
        assertEquals(false, ((RenewKeyConfig) roundTrip(renewal)).isVerify());
    }

    /** A rotation's renewals carry the rotation's shared options, its dry run included. */
    @Test
    void aRotationsRenewalHasItsSharedOptions() {
        RotateKeyConfig rotation = new RotateKeyConfig("h-1");
        rotation.setPolicy("service");
        shareOptions(rotation);
        RenewKeyConfig renewal = rotation.renewal(KeySlot.SECONDARY);
        assertEquals("secondary", renewal.getKey());
        assertEquals("service", renewal.getPolicy());
        assertEquals("rg-1", renewal.getResourceGroup());
        assertEquals("azure-sp", renewal.getAzureCredentialsId());
        assertEquals("team", renewal.getCredentialsFolder());
        assertEquals(RenewKeyConfig.STORE_KEY, renewal.getStore());
        assertEquals(42, renewal.getTimeoutSeconds());
        assertTrue(renewal.isDryRun());
        assertEquals(rotation.stableCredentialId(), renewal.getSecondaryCredentialsId());
    }

    private static void shareOptions(HubRenewalConfig<?> config) {
        config.setResourceGroup("rg-1");
        config.setSubscriptionId("00000000-0000-0000-0000-000000000001");
        config.setAzureCredentialsId("azure-sp");
        config.setCredentialsFolder("team");
        config.setStore("KEY");
        config.setDryRun(true);
        config.setTimeoutSeconds(42);
    }

    private static HubRenewalConfig<?> roundTrip(HubRenewalConfig<?> config) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(config);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (HubRenewalConfig<?>) in.readObject();
        }
    }
}
