package io.jenkins.plugins.azure.iothub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.verb.POST;

/**
 * The forms of {@code iotHubRenewPolicyKeys} and {@code iotHubRenewFleetKeys} keep the conventions of
 * {@code iotHubRenewKey} ({@link FormResourcesTest}, {@link StepHelpTest}): every option is a flat step argument and a
 * form entry with its own help, the step's help copies equal the configuration's (the Steps Reference reads those),
 * and every form method is POST-only.
 */
class SetFormsTest {

    private static final String BASE = "/io/jenkins/plugins/azure/iothub/";
    private static final Pattern ENTRY_FIELD = Pattern.compile("<f:entry\\s+field=\"([A-Za-z]+)\"");

    private record Form(Class<?> config, Class<?> step, Class<?> descriptor, Set<String> constructor) {}

    private static final List<Form> FORMS = List.of(
            new Form(RenewPolicyKeysConfig.class, IotHubRenewPolicyKeysStep.class,
                    RenewPolicyKeysConfig.DescriptorImpl.class, Set.of("hub", "policies")),
            new Form(RenewFleetKeysConfig.class, IotHubRenewFleetKeysStep.class,
                    RenewFleetKeysConfig.DescriptorImpl.class, Set.of("hub", "key")),
            new Form(PolicyKeyChoice.class, null, PolicyKeyChoice.DescriptorImpl.class, Set.of("policy", "key")));

    private static String resource(String path) throws IOException {
        try (InputStream in = SetFormsTest.class.getResourceAsStream(BASE + path)) {
            assertNotNull(in, () -> "missing resource " + path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Persisted options, including those of the shared {@link HubRenewalConfig}. */
    private static Set<String> options(Class<?> type) {
        Set<String> names = new TreeSet<>();
        for (Class<?> c = type; c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers())) {
                    names.add(f.getName());
                }
            }
        }
        return names;
    }

    private static Set<String> arguments(Form form, Class<?> type) {
        Set<String> names = new TreeSet<>(form.constructor());
        for (Method m : type.getMethods()) {
            if (m.isAnnotationPresent(DataBoundSetter.class)) {
                names.add(Character.toLowerCase(m.getName().charAt(3)) + m.getName().substring(4));
            }
        }
        return names;
    }

    @Test
    void everyOptionIsAFormEntryWithItsOwnHelp() throws IOException {
        for (Form form : FORMS) {
            String dir = form.config().getSimpleName() + "/";
            Set<String> entries = new TreeSet<>();
            Matcher m = ENTRY_FIELD.matcher(resource(dir + "config.jelly"));
            while (m.find()) {
                entries.add(m.group(1));
            }
            assertEquals(options(form.config()), entries, dir);
            assertEquals(options(form.config()), arguments(form, form.config()), dir + " setters");
            for (String option : options(form.config())) {
                assertTrue(resource(dir + "help-" + option + ".html").contains("<div>"), dir + option);
            }
        }
    }

    @Test
    void theStepsOfferEveryOptionAsAFlatArgumentWithTheConfigurationsHelpBesideThem() throws IOException {
        for (Form form : FORMS) {
            if (form.step() == null) {
                continue;
            }
            assertEquals(options(form.config()), arguments(form, form.step()), form.step().getSimpleName());
            for (String argument : arguments(form, form.step())) {
                assertEquals(resource(form.config().getSimpleName() + "/help-" + argument + ".html"),
                        resource(form.step().getSimpleName() + "/help-" + argument + ".html"), argument);
            }
            String help = resource(form.step().getSimpleName() + "/help.html");
            assertTrue(help.contains("Scripted Pipeline") && help.contains("Declarative Pipeline"), "examples");
            assertTrue(resource(form.step().getSimpleName() + "/config.jelly").contains("descriptor.configDescriptor"));
        }
    }

    @Test
    void everyFormMethodIsPostOnlyAndNamesAnOption() {
        List<String> problems = new ArrayList<>();
        for (Form form : FORMS) {
            for (Method m : form.descriptor().getMethods()) {
                String name = m.getName();
                if (!name.startsWith("doFill") && !name.startsWith("doCheck")) {
                    continue;
                }
                if (!m.isAnnotationPresent(POST.class)) {
                    problems.add(form.descriptor().getName() + "." + name + " is not @POST");
                }
                String rest = name.replaceFirst("^do(Fill|Check)", "").replaceFirst("Items$", "");
                String option = Character.toLowerCase(rest.charAt(0)) + rest.substring(1);
                if (!options(form.config()).contains(option)) {
                    problems.add(form.descriptor().getName() + "." + name + " names no option");
                }
            }
        }
        assertEquals(List.of(), problems);
    }
}
