package io.jenkins.plugins.azure.iothub.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreeScanner;
import io.jenkins.plugins.azure.iothub.IotHubRenewKeyStep;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The {@code iotHubRenewKey} examples in README.md, docs/ and the step's help pages use only parameters the step
 * has, and those written with plain values are configurations the step accepts.
 */
class StepExamplesTest {

    /** Every documentation file a user reads examples in. */
    private static List<StepCall> documentedCalls() {
        Path root = DocFiles.root();
        List<Path> files = new ArrayList<>(DocFiles.markdown());
        try (Stream<Path> help = Files.walk(root.resolve("src/main/resources"))) {
            help.filter(p -> p.toString().endsWith(".html")).sorted().forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<StepCall> calls = new ArrayList<>();
        for (Path file : files) {
            calls.addAll(StepCall.findAll(root.relativize(file).toString(), DocFiles.read(file)));
        }
        return calls;
    }

    @Test
    void everyDocumentedParameterExistsOnTheStep() {
        Set<String> parameters = stepParameters();
        List<StepCall> calls = documentedCalls();
        List<String> unknown = new ArrayList<>();
        for (StepCall call : calls) {
            for (String name : call.arguments().keySet()) {
                if (!parameters.contains(name)) {
                    unknown.add(call.where() + ": " + (name.isEmpty() ? "positional argument "
                            + call.arguments().get(name) : name));
                }
            }
        }
        assertTrue(unknown.isEmpty(), () -> "iotHubRenewKey has no such parameter (it has " + parameters + "):\n"
                + String.join("\n", unknown));
        // Rotations are iotHubRotateKey examples (ZeroDowntimeExamplesTest); these are the single renewals left.
        assertTrue(calls.size() >= 4, () -> "expected the docs' examples, found only " + calls);
        for (String doc : List.of("README.md", "docs/user-guide.md")) {
            assertTrue(calls.stream().anyMatch(c -> c.where().startsWith(doc + ":")), () -> "no example in " + doc);
        }
    }

    @Test
    void documentedExamplesWithPlainValuesAreValidConfigurations() throws Exception {
        List<String> invalid = new ArrayList<>();
        int checked = 0;
        for (StepCall call : documentedCalls()) {
            Map<String, Object> values = new LinkedHashMap<>();
            call.arguments().forEach((name, source) -> values.put(name, StepCall.literal(source)));
            if (values.containsValue(null) || !stepParameters().containsAll(values.keySet())) {
                continue; // an expression, or reported by the other test
            }
            List<String> problems = build(values).toConfig().validate();
            if (!problems.isEmpty()) {
                invalid.add(call.where() + ": " + problems);
            }
            checked++;
        }
        assertTrue(invalid.isEmpty(), () -> "documented examples the step would refuse:\n" + String.join("\n", invalid));
        assertTrue(checked >= 4, "expected to check the docs' examples, checked " + checked);
    }

    @Test
    void aWrongParameterNameInAnExampleIsReported() {
        String doc = """
                ```groovy
                iotHubRenewKey(hub: 'h-1', polcy: 'service', key: 'primary')   // typo
                iotHubRenewKey hub: 'h-1', device: 'd', key: 'both',
                               azureCredential: 'sp'
                ```
                Then rerun iotHubRenewKey with the same arguments.
                """;

        List<StepCall> calls = StepCall.findAll("example.md", doc);

        assertEquals(2, calls.size(), calls::toString);
        assertEquals("example.md:2", calls.get(0).where());
        assertEquals(List.of("hub", "polcy", "key"), List.copyOf(calls.get(0).arguments().keySet()));
        assertEquals(List.of("hub", "device", "key", "azureCredential"),
                List.copyOf(calls.get(1).arguments().keySet()));
        Set<String> parameters = stepParameters();
        assertTrue(!parameters.contains("polcy") && !parameters.contains("azureCredential"));
        assertEquals("sp", StepCall.literal(calls.get(1).arguments().get("azureCredential")));
        assertNull(StepCall.literal("env.HUB"));
        assertNull(StepCall.literal("\"${hub}\""));
    }

    @Test
    void stepParametersAreReadFromTheStepItself() {
        Set<String> parameters = stepParameters();
        assertTrue(parameters.containsAll(List.of("hub", "key", "policy", "device", "module", "azureCredentialsId",
                "timeoutSeconds")), parameters::toString);
        assertEquals(constructorParameters(), List.of("hub", "key"));
    }

    /** The names Pipeline accepts: the @DataBoundConstructor parameters and the @DataBoundSetter properties. */
    static Set<String> stepParameters() {
        Set<String> names = new LinkedHashSet<>(constructorParameters());
        for (Method method : IotHubRenewKeyStep.class.getMethods()) {
            if (method.isAnnotationPresent(DataBoundSetter.class) && method.getName().startsWith("set")) {
                String property = method.getName().substring(3);
                names.add(property.substring(0, 1).toLowerCase(Locale.ROOT) + property.substring(1));
            }
        }
        return names;
    }

    private static Constructor<?> dataBoundConstructor() {
        return Arrays.stream(IotHubRenewKeyStep.class.getConstructors())
                .filter(c -> c.isAnnotationPresent(DataBoundConstructor.class))
                .findFirst()
                .orElseThrow(() -> new AssertionError("IotHubRenewKeyStep has no @DataBoundConstructor"));
    }

    /**
     * Parameter names as Stapler sees them: from the class file when compiled with {@code -parameters}, else from
     * the {@code .stapler} file Stapler's annotation processor writes, else from the source.
     */
    static List<String> constructorParameters() {
        Parameter[] parameters = dataBoundConstructor().getParameters();
        if (Arrays.stream(parameters).allMatch(Parameter::isNamePresent)) {
            return Arrays.stream(parameters).map(Parameter::getName).collect(Collectors.toList());
        }
        try (InputStream in = IotHubRenewKeyStep.class.getResourceAsStream("IotHubRenewKeyStep.stapler")) {
            if (in != null) {
                Properties stapler = new Properties();
                stapler.load(in);
                String names = stapler.getProperty("constructor");
                if (names != null) {
                    return Arrays.asList(names.split(","));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return constructorParametersFromSource();
    }

    private static List<String> constructorParametersFromSource() {
        Path source = DocFiles.root().resolve("src/main/java/io/jenkins/plugins/azure/iothub/IotHubRenewKeyStep.java");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> names = new ArrayList<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8)) {
            JavacTask task = (JavacTask) javac.getTask(null, files, d -> {}, List.of("-proc:none"), null,
                    files.getJavaFileObjects(source));
            new TreeScanner<Void, Void>() {
                @Override
                public Void visitMethod(MethodTree method, Void unused) {
                    boolean bound = method.getModifiers().getAnnotations().stream()
                            .map(AnnotationTree::getAnnotationType)
                            .anyMatch(type -> type.toString().endsWith("DataBoundConstructor"));
                    if (bound) {
                        method.getParameters().stream().map(VariableTree::getName).map(Object::toString)
                                .forEach(names::add);
                    }
                    return super.visitMethod(method, unused);
                }
            }.scan(task.parse(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    /** The step as Pipeline would build it from these named values. */
    private static IotHubRenewKeyStep build(Map<String, Object> values) throws Exception {
        List<String> constructorNames = constructorParameters();
        Object[] arguments = constructorNames.stream().map(values::get).toArray();
        IotHubRenewKeyStep step = (IotHubRenewKeyStep) dataBoundConstructor().newInstance(arguments);
        for (Map.Entry<String, Object> value : values.entrySet()) {
            if (constructorNames.contains(value.getKey())) {
                continue;
            }
            String setter = "set" + value.getKey().substring(0, 1).toUpperCase(Locale.ROOT) + value.getKey().substring(1);
            Method method = Arrays.stream(IotHubRenewKeyStep.class.getMethods())
                    .filter(m -> m.getName().equals(setter) && m.getParameterCount() == 1)
                    .findFirst().orElseThrow();
            Object argument = value.getValue();
            if (method.getParameterTypes()[0] == String.class) {
                argument = String.valueOf(argument);
            }
            method.invoke(step, argument);
        }
        return step;
    }
}
