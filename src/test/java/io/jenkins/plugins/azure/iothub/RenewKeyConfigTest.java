package io.jenkins.plugins.azure.iothub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.jenkins.plugins.azure.iothub.engine.KeySlot;
import java.lang.reflect.Field;
import java.util.List;
import org.junit.jupiter.api.Test;

class RenewKeyConfigTest {

    private static RenewKeyConfig policy(String hub, String policy, String key) {
        RenewKeyConfig config = new RenewKeyConfig(hub, key);
        config.setPolicy(policy);
        config.setAzureCredentialsId("azure-sp");
        return config;
    }

    private static RenewKeyConfig device(String hub, String device, String key) {
        RenewKeyConfig config = new RenewKeyConfig(hub, key);
        config.setDevice(device);
        config.setAzureCredentialsId("azure-sp");
        return config;
    }

    private static String onlyProblem(RenewKeyConfig config) {
        List<String> problems = config.validate();
        assertEquals(1, problems.size(), () -> "expected exactly one problem, got " + problems);
        return problems.get(0);
    }

    @Test
    void aCompletePolicyConfigurationHasNoProblems() {
        assertEquals(List.of(), policy("contoso-hub", "service", "primary").validate());
        assertEquals(List.of(), device("contoso-hub", "thermostat-7", "both").validate());
    }

    @Test
    void defaultsAreConnectionStringVerifiedKeyAuthAndFiveMinutes() {
        RenewKeyConfig config = policy("contoso-hub", "service", "primary");
        assertEquals("connectionString", config.getStore());
        assertEquals("key", config.getDataPlaneAuth());
        assertTrue(config.isVerify());
        assertEquals(300, config.getTimeoutSeconds());
    }

    @Test
    void keyTypeIsCaseInsensitiveLikeTheCli() {
        assertEquals(List.of(), policy("contoso-hub", "service", "Primary").validate());
        assertEquals("primary", policy("contoso-hub", "service", " PRIMARY ").getKey());
    }

    @Test
    void missingHubAndKeyAreReportedTogether() {
        RenewKeyConfig config = new RenewKeyConfig(" ", null);
        config.setPolicy("service");
        config.setAzureCredentialsId("azure-sp");
        List<String> problems = config.validate();
        assertEquals(2, problems.size(), problems::toString);
        assertTrue(problems.get(0).startsWith("hub is required"), problems::toString);
        assertTrue(problems.get(1).startsWith("key is required"), problems::toString);
    }

    @Test
    void exactlyOneOfPolicyOrDevice() {
        RenewKeyConfig neither = new RenewKeyConfig("contoso-hub", "primary");
        neither.setAzureCredentialsId("azure-sp");
        assertTrue(onlyProblem(neither).contains("either policy"));

        RenewKeyConfig both = policy("contoso-hub", "service", "primary");
        both.setDevice("thermostat-7");
        assertTrue(onlyProblem(both).contains("only one of policy or device"));
    }

    @Test
    void moduleNeedsADevice() {
        RenewKeyConfig config = policy("contoso-hub", "service", "primary");
        config.setModule("edge-agent");
        assertTrue(onlyProblem(config).contains("module 'edge-agent' needs device"));
    }

    @Test
    void bothIsOnlyForIdentities() {
        assertTrue(onlyProblem(policy("contoso-hub", "service", "both")).contains("only to device and module keys"));
    }

    @Test
    void unknownKeyTypeNamesTheValue() {
        assertTrue(onlyProblem(policy("contoso-hub", "service", "tertiary")).contains("'tertiary'"));
    }

    @Test
    void badNamesAreRefusedWithTheValueAndTheRule() {
        assertTrue(onlyProblem(policy("-hub", "service", "primary")).contains("hub '-hub'"));
        assertTrue(onlyProblem(policy("contoso-hub", "ser vice", "primary")).contains("policy 'ser vice'"));
        assertTrue(onlyProblem(device("contoso-hub", "dev?x", "primary")).contains("device 'dev?x'"));
        assertTrue(onlyProblem(device("contoso-hub", "..", "primary")).contains("device '..'"));
        RenewKeyConfig rg = policy("contoso-hub", "service", "primary");
        rg.setResourceGroup("rg.");
        assertTrue(onlyProblem(rg).contains("resourceGroup 'rg.'"));
        RenewKeyConfig sub = policy("contoso-hub", "service", "primary");
        sub.setSubscriptionId("not-a-guid");
        assertTrue(onlyProblem(sub).contains("subscriptionId 'not-a-guid'"));
    }

    /** A folder's or the global default may supply it: the build decides (AzureCredentialsAccess), not validate. */
    @Test
    void theAzureCredentialMayComeFromADefault() {
        RenewKeyConfig config = new RenewKeyConfig("contoso-hub", "primary");
        config.setPolicy("service");
        assertEquals(List.of(), config.validate());
    }

    @Test
    void storeDataPlaneAuthAndTimeoutAreChecked() {
        RenewKeyConfig store = policy("contoso-hub", "service", "primary");
        store.setStore("file");
        assertTrue(onlyProblem(store).contains("store 'file'"));
        RenewKeyConfig auth = device("contoso-hub", "d1", "primary");
        auth.setDataPlaneAuth("password");
        assertTrue(onlyProblem(auth).contains("dataPlaneAuth 'password'"));
        RenewKeyConfig timeout = policy("contoso-hub", "service", "primary");
        timeout.setTimeoutSeconds(5);
        assertTrue(onlyProblem(timeout).contains("timeoutSeconds '5' is out of range"));
    }

    @Test
    void storeAcceptsAnyCasingButKeepsTheDocumentedSpelling() {
        RenewKeyConfig config = policy("contoso-hub", "service", "primary");
        config.setStore("CONNECTIONSTRING");
        assertEquals("connectionString", config.getStore());
        config.setStore("Key");
        assertEquals("key", config.getStore());
    }

    @Test
    void configuredCredentialIdsWin() {
        RenewKeyConfig config = policy("contoso-hub", "service", "primary");
        config.setPrimaryCredentialsId("svc-cs");
        assertEquals("svc-cs", config.credentialIdFor(KeySlot.PRIMARY));
    }

    @Test
    void storedSlotsFollowTheKeyType() {
        assertEquals(List.of(KeySlot.PRIMARY), policy("h-1", "p", "primary").storedSlots());
        assertEquals(List.of(KeySlot.SECONDARY), policy("h-1", "p", "secondary").storedSlots());
        assertEquals(List.of(KeySlot.PRIMARY, KeySlot.SECONDARY), policy("h-1", "p", "swap").storedSlots());
        assertEquals(List.of(KeySlot.PRIMARY, KeySlot.SECONDARY), device("h-1", "d", "both").storedSlots());
    }

    @Test
    void swapNeedsTwoDifferentCredentialIds() {
        RenewKeyConfig config = policy("contoso-hub", "service", "swap");
        config.setPrimaryCredentialsId("same");
        config.setSecondaryCredentialsId("same");
        assertTrue(onlyProblem(config).contains("must differ"));
    }

    @Test
    void badCredentialIdIsRefused() {
        RenewKeyConfig config = policy("contoso-hub", "service", "primary");
        config.setPrimaryCredentialsId("a b");
        assertTrue(onlyProblem(config).contains("primaryCredentialsId 'a b'"));
    }

    @Test
    void describeTargetNamesEverything() {
        RenewKeyConfig m = device("contoso-hub", "d1", "primary");
        m.setModule("m1");
        assertEquals("module 'm1' of device 'd1' on hub 'contoso-hub'", m.describeTarget());
        assertEquals("policy 'p' on hub 'h-1'", policy("h-1", "p", "primary").describeTarget());
    }

    @Test
    void theKeyMessageListsExactlyTheChoicesOfTheTarget() {
        RenewKeyConfig policy = policy("contoso-hub", "service", null);
        assertEquals("key is required: primary, secondary or swap", onlyProblem(policy));
        RenewKeyConfig device = device("contoso-hub", "thermostat-7", null);
        assertEquals("key is required: primary, secondary, both or swap", onlyProblem(device));
    }

    @Test
    void theFormSpeaksOfLabelsAndPipelinesOfArguments() {
        RenewKeyConfig config = policy("contoso-hub", "service", "primary");
        config.setTimeoutSeconds(5);
        config.setSubscriptionId("nope");

        assertEquals(List.of("subscriptionId 'nope' is not a subscription id (a GUID)",
                "timeoutSeconds '5' is out of range: use 10 to 3600"), config.validate(Wording.PIPELINE));
        assertEquals(List.of("Subscription id 'nope' is not a subscription id (a GUID)",
                "Time budget (seconds) '5' is out of range: use 10 to 3600"), config.validate(Wording.FORM));
        String freestyle = Wording.FORM.invalidConfiguration(config.validate(Wording.FORM));
        assertFalse(freestyle.startsWith("iotHubRenewKey"), freestyle);
        assertTrue(Wording.PIPELINE.invalidConfiguration(config.validate()).startsWith("iotHubRenewKey: "));
    }

    /**
     * XStream's default reflection provider creates objects with {@code Unsafe.allocateInstance} (no constructor, no
     * field initialiser), then sets the fields it finds in the XML and calls {@code readResolve}. Done here by hand
     * for a job saved with hub, key and policy only.
     */
    @Test
    void aConfigurationSavedWithoutNewerOptionsGetsTheirDefaults() throws Exception {
        Field unsafeField = Class.forName("sun.misc.Unsafe").getDeclaredField("theUnsafe");
        unsafeField.setAccessible(true);
        Object unsafe = unsafeField.get(null);
        RenewKeyConfig loaded = (RenewKeyConfig) unsafe.getClass().getMethod("allocateInstance", Class.class)
                .invoke(unsafe, RenewKeyConfig.class);
        set(loaded, "hub", "contoso-hub");
        set(loaded, "key", "secondary");
        set(loaded, "policy", "service");

        RenewKeyConfig resolved = (RenewKeyConfig) loaded.readResolve();

        assertTrue(resolved.isVerify());
        assertEquals(RenewKeyConfig.DEFAULT_TIMEOUT_SECONDS, resolved.getTimeoutSeconds());
        RenewKeyConfig fresh = new RenewKeyConfig("contoso-hub", "secondary");
        fresh.setPolicy("service");
        assertEquals(fresh, resolved);
    }

    /** As XStream does, finds the field in the class that declares it (the shared options are in the base class). */
    private static void set(Object target, String field, Object value) throws ReflectiveOperationException {
        for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(field);
                f.setAccessible(true);
                f.set(target, value);
                return;
            } catch (NoSuchFieldException e) {
                // declared further up
            }
        }
        throw new NoSuchFieldException(field);
    }

    /** The freestyle form's one choice of target sets the flat fields the Pipeline step uses; none of its own. */
    @Test
    void theTargetChoiceSetsTheFlatFieldsAndComesBackFromThem() {
        RenewKeyConfig policy = new RenewKeyConfig("h-1", null);
        policy.setTarget(new TargetChoice.Policy(" service ", "Secondary"));
        assertEquals("service", policy.getPolicy());
        assertEquals("secondary", policy.getKey());
        assertEquals(null, policy.getDevice());
        TargetChoice.Policy back = (TargetChoice.Policy) policy.getTarget();
        assertEquals("service", back.getPolicy());
        assertEquals("secondary", back.getKey());

        RenewKeyConfig module = new RenewKeyConfig("h-1", null);
        module.setPolicy("left-over");
        TargetChoice.Identity chosen = new TargetChoice.Identity("dev-1", "both");
        chosen.setModule("mod-1");
        chosen.setDataPlaneAuth("login");
        module.setTarget(chosen);
        assertEquals(null, module.getPolicy());
        assertEquals("dev-1", module.getDevice());
        assertEquals("mod-1", module.getModule());
        assertEquals("both", module.getKey());
        assertEquals("login", module.getDataPlaneAuth());
        assertEquals(List.of(), module.validate());
        TargetChoice.Identity identity = (TargetChoice.Identity) module.getTarget();
        assertEquals("mod-1", identity.getModule());
        assertEquals("login", identity.getDataPlaneAuth());

        RenewKeyConfig expected = new RenewKeyConfig("h-1", "both");
        expected.setDevice("dev-1");
        expected.setModule("mod-1");
        expected.setDataPlaneAuth("login");
        assertEquals(expected, module);
        assertEquals(null, new RenewKeyConfig("h-1", null).getTarget());
    }

    /** XStream saves fields: the choice adds none, so a saved job keeps the Pipeline's flat names. */
    @Test
    void theTargetChoiceIsNotSaved() {
        for (Class<?> c = RenewKeyConfig.class; c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                assertFalse(TargetChoice.class.isAssignableFrom(f.getType()), f.getName());
            }
        }
    }
}
