package io.jenkins.plugins.azure.iothub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * Every argument of {@code iotHubRenewKey} has its help beside the step. That the step's descriptor answers with the
 * configuration's help needs a Stapler request: {@code IotHubRenewKeyFormJenkinsTest}.
 */
class StepHelpTest {

    private static final String BASE = "/io/jenkins/plugins/azure/iothub/";

    /** Constructor arguments plus every data-bound setter of the step. */
    static Set<String> stepArguments() {
        Set<String> names = new TreeSet<>(Set.of("hub", "key"));
        for (Method m : IotHubRenewKeyStep.class.getMethods()) {
            if (m.isAnnotationPresent(DataBoundSetter.class)) {
                names.add(Character.toLowerCase(m.getName().charAt(3)) + m.getName().substring(4));
            }
        }
        return names;
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = StepHelpTest.class.getResourceAsStream(BASE + path)) {
            assertNotNull(in, () -> "missing resource " + path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theArgumentsAreExactlyTheConfigurationOptions() {
        Set<String> options = new TreeSet<>();
        for (Class<?> c = RenewKeyConfig.class; c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers())) {
                    options.add(f.getName());
                }
            }
        }
        assertEquals(options, stepArguments());
    }

    @Test
    void theStepsReferenceFindsEveryArgumentsHelpBesideTheStepAndItMatchesTheForm() throws IOException {
        // Pipeline Syntax » Steps Reference reads help-<argument>.html from the step class's own resource folder.
        for (String argument : stepArguments()) {
            assertEquals(resource("RenewKeyConfig/help-" + argument + ".html"),
                    resource("IotHubRenewKeyStep/help-" + argument + ".html"),
                    () -> "IotHubRenewKeyStep/help-" + argument + ".html must be a copy of RenewKeyConfig's");
        }
    }
}
