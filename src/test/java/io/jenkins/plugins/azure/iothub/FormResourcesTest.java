package io.jenkins.plugins.azure.iothub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

/** The form, the help and the bound properties must describe the same options. */
class FormResourcesTest {

    private static final String BASE = "/io/jenkins/plugins/azure/iothub/";
    private static final Pattern ENTRY_FIELD = Pattern.compile("<f:entry\\s+field=\"([A-Za-z]+)\"");

    private static String resource(String path) throws IOException {
        try (InputStream in = FormResourcesTest.class.getResourceAsStream(BASE + path)) {
            assertNotNull(in, () -> "missing resource " + path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The persisted options of the configuration object, including those of the shared {@link HubRenewalConfig}. */
    private static Set<String> configFields() {
        Set<String> names = new TreeSet<>();
        for (Class<?> c = RenewKeyConfig.class; c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers())) {
                    names.add(f.getName());
                }
            }
        }
        return names;
    }

    private static Set<String> formFields(String jelly) {
        Set<String> names = new TreeSet<>();
        Matcher m = ENTRY_FIELD.matcher(jelly);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static Set<String> setterProperties(Class<?> type) {
        Set<String> names = new TreeSet<>();
        for (Method m : type.getMethods()) {
            if (m.isAnnotationPresent(DataBoundSetter.class) && m.getName().startsWith("set")) {
                names.add(Character.toLowerCase(m.getName().charAt(3)) + m.getName().substring(4));
            }
        }
        return names;
    }

    /** The form-only setter of the freestyle form's one choice of target; it sets persisted fields, is none. */
    private static final String TARGET = "target";

    /** The target views of the freestyle form's choice, and the configuration fields each sets. */
    private static final java.util.Map<String, Set<String>> TARGET_VIEWS = java.util.Map.of(
            "TargetChoice/Policy/config.jelly", Set.of("policy", "key"),
            "TargetChoice/Identity/config.jelly", Set.of("device", "module", "key", "dataPlaneAuth"));

    /** The Pipeline step's (flat) form shows every option. */
    @Test
    void everyOptionHasAFormEntry() throws IOException {
        assertEquals(configFields(), formFields(resource("RenewKeyConfig/config.jelly")));
    }

    /** The freestyle form shows every option too: the target's in the chosen target's view, each only there. */
    @Test
    void theFreestyleFormShowsEveryOptionOnceWithTheTargetAsOneChoice() throws IOException {
        String form = resource("RenewKeyConfig/config.jelly");
        String freestyle = form.replaceAll("(?s)<j:when test=\"\\$\\{flatTarget\\}\">.*?</j:when>", "")
                .replaceAll("(?s)<j:if test=\"\\$\\{flatTarget\\}\">.*?</j:if>", "");
        assertTrue(freestyle.contains("<f:hetero-radio field=\"target\" descriptors=\"${descriptor.targetDescriptors}\"/>"));
        Set<String> shown = new TreeSet<>(formFields(freestyle));
        Set<String> inTargets = new TreeSet<>();
        for (var view : TARGET_VIEWS.entrySet()) {
            Set<String> fields = formFields(resource(view.getKey()));
            assertEquals(view.getValue(), fields, view.getKey());
            for (String field : fields) {
                assertFalse(shown.contains(field), field + " is shown outside the target choice");
            }
            inTargets.addAll(fields);
        }
        shown.addAll(inTargets);
        assertEquals(configFields(), shown);
    }

    /** Each target's key list holds exactly its choices, starting on "choose". */
    @Test
    void eachTargetListsExactlyItsKeyChoices() {
        assertEquals(List.of("", "primary", "secondary", "swap"),
                new TargetChoice.Policy.DescriptorImpl().doFillKeyItems(null).stream().map(o -> o.value).toList());
        assertEquals(List.of("", "primary", "secondary", "swap", "both"),
                new TargetChoice.Identity.DescriptorImpl().doFillKeyItems(null).stream().map(o -> o.value).toList());
    }

    @Test
    void everyOptionHasItsOwnHelpFile() throws IOException {
        for (String field : configFields()) {
            String help = resource("RenewKeyConfig/help-" + field + ".html");
            assertTrue(help.strip().startsWith("<div>") && help.strip().endsWith("</div>"), field);
        }
        assertTrue(resource("IotHubKeyRenewalConfiguration/help-allowSystemBuildsToWriteSystemStore.html")
                .contains("SYSTEM"));
    }

    @Test
    void everyOptionExceptTheRequiredOnesHasASetter() {
        Set<String> optional = new TreeSet<>(configFields());
        optional.removeAll(Set.of("hub", "key"));
        optional.add(TARGET);
        assertEquals(optional, setterProperties(RenewKeyConfig.class));
    }

    @Test
    void theStepOffersEveryOptionAsAFlatArgument() throws Exception {
        Set<String> flat = setterProperties(RenewKeyConfig.class);
        flat.remove(TARGET);
        assertEquals(flat, setterProperties(IotHubRenewKeyStep.class));
        IotHubRenewKeyStep step = new IotHubRenewKeyStep("h-1", "swap");
        step.setPolicy("p");
        step.setPrimaryCredentialsId("a");
        step.setStore("key");
        step.setDryRun(true);
        step.setTimeoutSeconds(60);
        RenewKeyConfig expected = new RenewKeyConfig("h-1", "swap");
        expected.setPolicy("p");
        expected.setPrimaryCredentialsId("a");
        expected.setStore("key");
        expected.setDryRun(true);
        expected.setTimeoutSeconds(60);
        assertEquals(expected, step.toConfig());
    }

    @Test
    void stepHelpHasScriptedAndDeclarativeExamples() throws IOException {
        String help = resource("IotHubRenewKeyStep/help.html");
        assertTrue(help.contains("iotHubRenewKey hub:"), "scripted example");
        assertTrue(help.contains("pipeline {"), "declarative example");
        assertTrue(resource("IotHubRenewKeyBuilder/help.html").contains("iotHubRenewKey"));
    }

    @Test
    void stepAndBuilderFormsReuseTheConfigurationForm() throws IOException {
        assertTrue(resource("IotHubRenewKeyStep/config.jelly").contains("descriptor.configDescriptor"));
        assertTrue(resource("IotHubRenewKeyStep/config.jelly").contains("<j:set var=\"flatTarget\" value=\"${true}\"/>"));
        assertTrue(resource("IotHubRenewKeyBuilder/config.jelly").contains("<f:property field=\"renewal\"/>"));
    }

    @Test
    void formHasTestConnectionAndKeyTypeDropdownAndCredentialPicker() throws IOException {
        String form = resource("RenewKeyConfig/config.jelly");
        assertTrue(form.contains("method=\"testConnection\""));
        assertTrue(Pattern.compile("field=\"key\"[^>]*>\\s*<f:select/>").matcher(form).find());
        assertTrue(Pattern.compile("field=\"azureCredentialsId\"[^>]*>\\s*<c:select").matcher(form).find());
    }

    @Test
    void everyJellyFileEscapesByDefault() throws IOException {
        List<String> files = List.of("RenewKeyConfig/config.jelly", "IotHubRenewKeyStep/config.jelly",
                "IotHubRenewKeyBuilder/config.jelly", "IotHubKeyRenewalConfiguration/config.jelly",
                "KeyRenewalAction/index.jelly", "KeyRenewalAction/summary.jelly");
        for (String file : files) {
            assertTrue(resource(file).startsWith("<?jelly escape-by-default='true'?>"), file);
        }
    }

    /**
     * Stapler reads {@code ${%Label (x)}} as key "Label " with argument x, so the label renders cut short
     * (jenkinsci/stapler@2050.v425108fd5089:jelly/src/main/java/org/kohsuke/stapler/jelly/
     * InternationalizedStringExpression.java): such labels must come from a properties file.
     */
    @Test
    void noLocalizedLabelHasParentheses() throws IOException {
        Pattern withArguments = Pattern.compile("\\$\\{%[^}(]*\\(");
        for (String file : List.of("RenewKeyConfig/config.jelly", "IotHubKeyRenewalConfiguration/config.jelly",
                "KeyRenewalAction/index.jelly", "KeyRenewalAction/summary.jelly")) {
            Matcher m = withArguments.matcher(resource(file));
            assertFalse(m.find(), () -> file + " has a label Jelly cuts at '(': " + m.group());
        }
        assertTrue(resource("RenewKeyConfig/config.properties").contains("timeBudget=Time budget (seconds)"));
        assertTrue(resource("KeyRenewalAction/index.properties").contains("timeUtc=Time (UTC)"));
    }

    /** Messages shown on the form and in freestyle logs name options by these labels: they must be the form's. */
    @Test
    void theFormWordsOfEveryOptionAreItsLabel() throws IOException {
        String form = resource("RenewKeyConfig/config.jelly");
        String properties = resource("RenewKeyConfig/config.properties");
        assertEquals(configFields().stream().filter(f -> !Set.of("verify", "dryRun").contains(f))
                .collect(java.util.stream.Collectors.toCollection(TreeSet::new)), new TreeSet<>(Wording.LABELS.keySet()));
        Wording.LABELS.forEach((field, label) -> {
            Matcher title = Pattern.compile("field=\"" + field + "\" title=\"\\$\\{%([^}]*)\\}\"").matcher(form);
            assertTrue(title.find(), () -> "no titled entry for " + field);
            String shown = title.group(1);
            Matcher property = Pattern.compile("(?m)^" + Pattern.quote(shown) + "=(.*)$").matcher(properties);
            assertEquals(label, property.find() ? property.group(1) : shown, field);
        });
        for (var view : TARGET_VIEWS.entrySet()) {
            String jelly = resource(view.getKey());
            for (String field : view.getValue()) {
                Matcher title = Pattern.compile("field=\"" + field + "\" title=\"\\$\\{%([^}]*)\\}\"").matcher(jelly);
                assertTrue(title.find(), () -> "no titled entry for " + field + " in " + view.getKey());
                assertEquals(Wording.LABELS.get(field), title.group(1), view.getKey());
            }
        }
    }

    @Test
    void everyFormMethodIsPostOnly() {
        List<String> notPost = new ArrayList<>();
        // getMethods: the form methods inherited from HubRenewalDescriptor too
        List<Method> methods = new ArrayList<>(List.of(RenewKeyConfig.DescriptorImpl.class.getMethods()));
        methods.addAll(List.of(TargetChoice.Policy.DescriptorImpl.class.getDeclaredMethods()));
        methods.addAll(List.of(TargetChoice.Identity.DescriptorImpl.class.getDeclaredMethods()));
        for (Method m : methods) {
            boolean formMethod = m.getName().startsWith("doFill") || m.getName().startsWith("doCheck")
                    || m.getName().startsWith("doTest");
            if (formMethod && !m.isAnnotationPresent(POST.class)) {
                notPost.add(m.getName());
            }
        }
        assertEquals(List.of(), notPost);
    }

    @Test
    void everyCheckedFieldExists() {
        Set<String> fields = configFields();
        for (Method m : RenewKeyConfig.DescriptorImpl.class.getMethods()) {
            for (String prefix : List.of("doCheck", "doFill")) {
                if (m.getName().startsWith(prefix)) {
                    String rest = m.getName().substring(prefix.length()).replaceFirst("Items$", "");
                    String field = Character.toLowerCase(rest.charAt(0)) + rest.substring(1);
                    assertTrue(fields.contains(field), m.getName() + " refers to no field");
                }
            }
        }
    }

    @Test
    void actionPagesShowNoSecretAccessor() throws IOException {
        for (String page : List.of("KeyRenewalAction/index.jelly", "KeyRenewalAction/summary.jelly")) {
            String jelly = resource(page);
            assertFalse(jelly.contains("reveal"), page);
            assertFalse(jelly.contains("secret"), page);
        }
    }

    @Test
    void everyJellyAndHelpFileIsWellFormedXml() throws Exception {
        List<String> files = new ArrayList<>(List.of("RenewKeyConfig/config.jelly", "IotHubRenewKeyStep/config.jelly",
                "IotHubRenewKeyBuilder/config.jelly", "IotHubKeyRenewalConfiguration/config.jelly",
                "KeyRenewalAction/index.jelly", "KeyRenewalAction/summary.jelly", "IotHubRenewKeyStep/help.html",
                "IotHubRenewKeyBuilder/help.html",
                "IotHubKeyRenewalConfiguration/help-allowSystemBuildsToWriteSystemStore.html"));
        for (String field : configFields()) {
            files.add("RenewKeyConfig/help-" + field + ".html");
        }
        TARGET_VIEWS.forEach((view, fields) -> {
            files.add(view);
            fields.forEach(field -> files.add(view.replace("config.jelly", "help-" + field + ".html")));
        });
        javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        for (String file : files) {
            try (InputStream in = FormResourcesTest.class.getResourceAsStream(BASE + file)) {
                assertNotNull(in, file);
                factory.newDocumentBuilder().parse(in); // throws SAXParseException naming line and column
            }
        }
    }
}
