package io.jenkins.plugins.azure.iothub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.Item;
import hudson.util.FormValidation;
import io.jenkins.plugins.azure.iothub.jenkins.AzureCredentialsAccess;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.verb.POST;
import org.springframework.security.access.AccessDeniedException;

/** Form checks answer only job configurers; "Test connection" refuses everyone else before touching anything. */
class FormPermissionTest {

    private final RenewKeyConfig.DescriptorImpl form = new RenewKeyConfig.DescriptorImpl();

    /** A job on which the current user holds Item/Configure or nothing. */
    private static Item job(boolean mayConfigure) {
        return (Item) Proxy.newProxyInstance(Item.class.getClassLoader(), new Class<?>[] {Item.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "hasPermission" -> mayConfigure && args[0] == Item.CONFIGURE;
                    case "checkPermission" -> {
                        if (!(mayConfigure && args[0] == Item.CONFIGURE)) {
                            throw new AccessDeniedException("missing " + args[0]);
                        }
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void configurersSeeTheProblem() {
        FormValidation hub = form.doCheckHub(job(true), "-not-a-hub");

        assertEquals(FormValidation.Kind.ERROR, hub.kind);
        assertTrue(hub.getMessage().contains("-not-a-hub"), hub.getMessage());
    }

    /** A new step: nothing entered yet, so no field shows an error (issue 12: no error before a target). */
    @Test
    void aNewStepShowsNoErrorUntilATargetIsEntered() {
        Item job = job(true);
        List<FormValidation> answers = List.of(form.doCheckKey(job, "", "", ""), form.doCheckPolicy(job, "", ""),
                form.doCheckDevice(job, "", ""));

        answers.forEach(answer -> assertEquals(FormValidation.Kind.OK, answer.kind, answer.getMessage()));
    }

    /** Once a target is entered, the empty key fails with exactly that target's choices. */
    @Test
    void theKeyIsRequiredOnceATargetIsEnteredWithItsOwnChoices() {
        Item job = job(true);

        FormValidation policy = form.doCheckKey(job, "", "service", "");
        FormValidation device = form.doCheckKey(job, "", "", "thermostat-7");

        assertEquals(FormValidation.Kind.ERROR, policy.kind);
        assertEquals("Key to renew is required: primary, secondary or swap", policy.getMessage());
        assertEquals("Key to renew is required: primary, secondary, both or swap", device.getMessage());
        assertEquals(FormValidation.Kind.OK, form.doCheckKey(job, "secondary", "service", "").kind);
    }

    /** The freestyle form's target choice: quiet on a new step, then each target's key check lists its choices. */
    @Test
    void eachTargetOfTheChoiceChecksItsOwnKey() {
        Item job = job(true);
        TargetChoice.Policy.DescriptorImpl policy = new TargetChoice.Policy.DescriptorImpl();
        TargetChoice.Identity.DescriptorImpl identity = new TargetChoice.Identity.DescriptorImpl();

        List.of(policy.doCheckKey(job, "", ""), policy.doCheckPolicy(job, ""), identity.doCheckKey(job, "", ""),
                identity.doCheckDevice(job, ""), identity.doCheckModule(job, "", ""))
                .forEach(answer -> assertEquals(FormValidation.Kind.OK, answer.kind, answer.getMessage()));
        assertEquals("Key to renew is required: primary, secondary or swap",
                policy.doCheckKey(job, "", "service").getMessage());
        assertEquals("Key to renew is required: primary, secondary, both or swap",
                identity.doCheckKey(job, "", "thermostat-7").getMessage());
        assertEquals(FormValidation.Kind.ERROR, policy.doCheckKey(job, "both", "service").kind);
        assertEquals(FormValidation.Kind.OK, identity.doCheckKey(job, "both", "thermostat-7").kind);
        assertEquals(FormValidation.Kind.ERROR, identity.doCheckModule(job, "m", "").kind);
        assertEquals(FormValidation.Kind.OK, policy.doCheckKey(job(false), "both", "service").kind);
        assertEquals(FormValidation.Kind.OK, identity.doCheckDevice(job(false), "not a device").kind);
    }

    @Test
    void everyoneElseLearnsNothingFromTheChecks() {
        Item job = job(false);
        List<FormValidation> answers = List.of(
                form.doCheckHub(job, "-not-a-hub"),
                form.doCheckKey(job, "neither", "p", null),
                form.doCheckPolicy(job, "p", "d"),
                form.doCheckDevice(job, "d", "p"),
                form.doCheckModule(job, "m", null),
                form.doCheckResourceGroup(job, "bad."),
                form.doCheckSubscriptionId(job, "nope"),
                form.doCheckAzureCredentialsId(job, ""),
                form.doCheckPrimaryCredentialsId(job, "a b"),
                form.doCheckSecondaryCredentialsId(job, "a b"),
                form.doCheckTimeoutSeconds(job, "x"));

        answers.forEach(answer -> assertEquals(FormValidation.Kind.OK, answer.kind, answer.getMessage()));
    }

    @Test
    void testConnectionIsRefusedWithoutConfigureBeforeAnyLookup() {
        assertThrows(AccessDeniedException.class,
                () -> form.doTestConnection(job(false), "hub-1", null, null, "azure-sp"));
    }

    /** The answer is HTML, escaped by FormValidation.error as Jenkins does; the form shows the label's words. */
    @Test
    void testConnectionChecksTheArgumentsBeforeLookingAnythingUp() {
        FormValidation answer = form.doTestConnection(job(true), "hub-1", null, "nope", "azure-sp");

        assertEquals(FormValidation.Kind.ERROR, answer.kind);
        assertTrue(answer.getMessage().startsWith("Subscription id &#039;nope&#039; is not a subscription id"),
                answer.getMessage());
    }

    @Test
    void everyWebMethodOfThePluginIsPostOnly() {
        List<String> notPost = new ArrayList<>();
        for (Class<?> type : List.of(RenewKeyConfig.class, RenewKeyConfig.DescriptorImpl.class,
                IotHubRenewKeyStep.class, IotHubRenewKeyStep.DescriptorImpl.class, IotHubRenewKeyBuilder.class,
                IotHubRenewKeyBuilder.DescriptorImpl.class, IotHubKeyRenewalConfiguration.class,
                KeyRenewalAction.class, RenewalReport.class, AzureCredentialsAccess.class)) {
            for (Method m : type.getMethods()) { // inherited web methods too (HubRenewalDescriptor)
                boolean webMethod = m.getName().startsWith("do") && m.getName().length() > 2
                        && Character.isUpperCase(m.getName().charAt(2));
                if (webMethod && !m.isAnnotationPresent(POST.class)) {
                    notPost.add(type.getSimpleName() + "#" + m.getName());
                }
            }
        }
        assertEquals(List.of(), notPost);
    }
}
