package io.jenkins.plugins.azure.iothub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.hudson.plugins.folder.Folder;
import hudson.model.FreeStyleProject;
import hudson.model.Item;
import hudson.model.Result;
import io.jenkins.plugins.azure.iothub.emulator.SimulatedHub;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;
import jenkins.model.Jenkins;
import org.htmlunit.ScriptException;
import org.htmlunit.WebConsole;
import org.htmlunit.html.HtmlOption;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.htmlunit.javascript.SilentJavaScriptErrorListener;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.TestExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Issue 12, "no browser console warnings from the plugin's views": every page the plugin renders is loaded with
 * JavaScript, as a browser runs Jenkins' own scripts, and what they print with {@code console.warn}/{@code error} or
 * throw is collected. A page that also exists without the plugin's part is loaded both ways, and only what the
 * plugin's part adds counts, so the test does not depend on what core prints for itself.
 *
 * <p>The messages issue 12 reported come from core's form scripts when a field's markup is not where they look for it:
 * {@code updateListBox} in jenkins-2.541.3:core/src/main/resources/lib/form/select/select.js ("Couldn't find the
 * expected validation element", "Couldn't find the expected status element") and {@code registerValidator} /
 * {@code refillOnChange} in jenkins-2.541.3:war/src/main/webapp/scripts/hudson-behavior.js ("Unable to find nearby",
 * "Failed to register validation method"). Pages without a plugin-free twin are checked for those.
 */
@WithJenkins
class PluginViewsConsoleJenkinsTest {

    private static final String SUBSCRIPTION = "00000000-0000-0000-0000-00000000c0a5";
    private static final String RG = "rg-views";

    /** What core's form scripts print when a field's markup is not where they expect it (see the class comment). */
    private static final Predicate<String> FORM_MARKUP_WARNING = m -> m.contains("Couldn't find the expected")
            || m.contains("Unable to find nearby") || m.contains("Failed to register validation method")
            || m.contains("Legacy checkUrl");

    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension();

    private JenkinsRule r;
    private SimulatedHub hub;
    private final List<JenkinsRule.WebClient> clients = new ArrayList<>();

    @BeforeEach
    void setUp(JenkinsRule r) throws Exception {
        this.r = r;
        hub = JenkinsStores.hub(EMULATOR.get(), SUBSCRIPTION, RG, "hub-views");
        JenkinsStores.addEmulatorCredential(r.jenkins, EMULATOR.get(), SUBSCRIPTION);
        IotHubKeyRenewalConfiguration.get().setAllowSystemBuildsToWriteSystemStore(true);
    }

    @AfterEach
    void closeClients() {
        clients.forEach(JenkinsRule.WebClient::close);
    }

    /**
     * A browser whose console and script errors are recorded in {@code console}, which must be a synchronized list:
     * HtmlUnit runs timers (the project page's builds card reloads every 5 s) on its own thread.
     */
    private JenkinsRule.WebClient browser(List<String> console) {
        JenkinsRule.WebClient wc = r.createWebClient();
        clients.add(wc);
        wc.getWebConsole().setLogger(new RecordingConsole(console));
        wc.setJavaScriptErrorListener(new SilentJavaScriptErrorListener() {
            @Override
            public void scriptException(HtmlPage page, ScriptException e) {
                console.add("script error: " + e.getMessage());
            }

            @Override
            public void loadScriptError(HtmlPage page, URL scriptUrl, Exception e) {
                console.add("script load error: " + scriptUrl);
            }
        });
        wc.getOptions().setThrowExceptionOnScriptError(false); // recorded instead, so every page is seen whole
        return wc;
    }

    /** What the page printed once loaded and its lists filled and checks answered. */
    private List<String> consoleOf(Item item, String page, String user) throws Exception {
        List<String> console = Collections.synchronizedList(new ArrayList<>());
        JenkinsRule.WebClient wc = browser(console);
        if (user != null) {
            wc.login(user);
        }
        wc.getPage(item, page);
        return settled(wc, console);
    }

    private List<String> consoleOf(String url) throws Exception {
        List<String> console = Collections.synchronizedList(new ArrayList<>());
        JenkinsRule.WebClient wc = browser(console);
        wc.goTo(url);
        return settled(wc, console);
    }

    /** The messages once the page's lists are filled and its checks answered; the page's later timers end here. */
    private static List<String> settled(JenkinsRule.WebClient wc, List<String> console) {
        wc.waitForBackgroundJavaScript(10_000);
        List<String> seen;
        synchronized (console) {
            seen = List.copyOf(console);
        }
        wc.close();
        return seen;
    }

    /**
     * What {@code withPlugin} printed beyond {@code without}, one message for one message, compared as
     * {@link #comparable} gives them.
     */
    private static List<String> added(List<String> without, List<String> withPlugin) {
        List<String> rest = new ArrayList<>(
                without.stream().map(PluginViewsConsoleJenkinsTest::comparable).toList());
        List<String> added = new ArrayList<>();
        for (String message : withPlugin) {
            if (!rest.remove(comparable(message))) {
                added.add(message);
            }
        }
        return added;
    }

    /**
     * A message as it compares between two pages: without job names in addresses, and without the position HtmlUnit
     * gives an inline script ("script in URL from (r, c) to (r, c)", "#line"), which moves with everything above it.
     */
    private static String comparable(String message) {
        return message.replaceAll("job/[^/\\s]+/", "job/*/")
                .replaceAll("from \\(\\d+, \\d+\\) to \\(\\d+, \\d+\\)", "from * to *")
                .replaceAll("#\\d+", "#*");
    }

    private RenewKeyConfig policyRenewal() {
        RenewKeyConfig config = new RenewKeyConfig(hub.name(), "secondary");
        config.setPolicy("service");
        config.setResourceGroup(RG);
        config.setAzureCredentialsId(JenkinsStores.AZURE_CREDENTIAL);
        return config;
    }

    /** One project holding each of the plugin's build steps, saved with each target kind. */
    private FreeStyleProject projectWithEveryStep() throws Exception {
        FreeStyleProject project = r.createFreeStyleProject("every-step");
        project.getBuildersList().add(new IotHubRenewKeyBuilder(new RenewKeyConfig(null, null))); // as just added
        project.getBuildersList().add(new IotHubRenewKeyBuilder(policyRenewal()));
        RenewKeyConfig module = new RenewKeyConfig(hub.name(), "both");
        module.setDevice("sensor-1");
        module.setModule("telemetry");
        module.setAzureCredentialsId(JenkinsStores.AZURE_CREDENTIAL);
        project.getBuildersList().add(new IotHubRenewKeyBuilder(module));
        RotateKeyConfig rotation = new RotateKeyConfig(hub.name());
        rotation.setPolicy("service");
        rotation.setCredentialsId("iothub-service");
        rotation.setInUse("primary");
        rotation.setAzureCredentialsId(JenkinsStores.AZURE_CREDENTIAL);
        project.getBuildersList().add(new IotHubRotateKeyBuilder(rotation, "prepare"));
        project.getBuildersList().add(new IotHubRenewPolicyKeysBuilder(new RenewPolicyKeysConfig(hub.name(),
                List.of(new PolicyKeyChoice("service", "secondary"), new PolicyKeyChoice("registryRead", "swap")))));
        RenewFleetKeysConfig fleet = new RenewFleetKeysConfig(hub.name(), "secondary");
        fleet.setDevices("sensor-1\nsensor-2/telemetry");
        fleet.setRotation("2026-12");
        project.getBuildersList().add(new IotHubRenewFleetKeysBuilder(fleet));
        return project;
    }

    @Test
    void theConfigurePageHoldingEveryStepPrintsNothingMore(JenkinsRule r) throws Exception {
        List<String> without = consoleOf(r.createFreeStyleProject("no-step"), "configure", null);
        List<String> with = consoleOf(projectWithEveryStep(), "configure", null);

        assertEquals(List.of(), added(without, with));
    }

    /** Read-only mode replaces each filled list by its text (select.js handleFilled): the page a reader sees. */
    @Test
    void theReadOnlyConfigurationPagePrintsNothingMore(JenkinsRule r) throws Exception {
        boolean extendedRead = Item.EXTENDED_READ.getEnabled();
        Item.EXTENDED_READ.setEnabled(true); // off unless hudson.security.ExtendedReadPermission is set
        try {
            readOnlyConfigurationPagePrintsNothingMore(r);
        } finally {
            Item.EXTENDED_READ.setEnabled(extendedRead);
        }
    }

    private void readOnlyConfigurationPagePrintsNothingMore(JenkinsRule r) throws Exception {
        r.jenkins.setSecurityRealm(r.createDummySecurityRealm());
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ, Item.EXTENDED_READ).everywhere().to("reader"));
        FreeStyleProject plain = r.createFreeStyleProject("no-step");
        FreeStyleProject project = projectWithEveryStep();

        List<String> without = consoleOf(plain, "configure", "reader");
        List<String> with = consoleOf(project, "configure", "reader");

        assertEquals(List.of(), added(without, with));
    }

    @Test
    void theBuildPagesOfARenewalPrintNothingMore(JenkinsRule r) throws Exception {
        FreeStyleProject plain = r.createFreeStyleProject("no-step");
        r.buildAndAssertSuccess(plain);
        FreeStyleProject project = r.createFreeStyleProject("renews");
        project.getBuildersList().add(new IotHubRenewKeyBuilder(policyRenewal()));
        r.assertBuildStatus(Result.SUCCESS, project.scheduleBuild2(0));

        assertEquals(List.of(), added(consoleOf(plain, "1/", null), consoleOf(project, "1/", null)), "build page");
        assertEquals(List.of(), added(consoleOf(plain, "", null), consoleOf(project, "", null)), "project page");
        List<String> action = consoleOf(project, "1/iothub-keys/", null);
        assertEquals(List.of(), action.stream().filter(FORM_MARKUP_WARNING.or(m -> m.startsWith("script"))).toList(),
                () -> "the renewals page; the whole console: " + action);
    }

    /** The Snippet Generator renders a step's form on demand when it is chosen: what choosing it adds. */
    @Test
    void choosingEachStepInTheSnippetGeneratorPrintsNothing(JenkinsRule r) throws Exception {
        WorkflowJob job = r.createProject(WorkflowJob.class, "pipeline");
        for (String step : List.of("iotHubRenewKey", "iotHubRotateKey", "iotHubRenewPolicyKeys", "iotHubRenewFleetKeys")) {
            List<String> console = Collections.synchronizedList(new ArrayList<>());
            JenkinsRule.WebClient wc = browser(console);
            HtmlPage page = wc.getPage(job, "pipeline-syntax/");
            wc.waitForBackgroundJavaScript(10_000);
            List<String> before;
            synchronized (console) {
                before = List.copyOf(console);
            }
            HtmlSelect steps = (HtmlSelect) page.querySelector("select.dropdownList");
            HtmlOption option = steps.getOptions().stream()
                    .filter(o -> o.getText().startsWith(step + ":")).findFirst().orElseThrow();
            steps.setSelectedAttribute(option, true);
            wc.waitForBackgroundJavaScript(10_000);
            assertTrue(page.querySelector("input[name='_.hub']") != null, step + "'s form is shown");

            List<String> after;
            synchronized (console) {
                after = List.copyOf(console);
            }
            // core's own message when a choice replaces one whose form was still being fetched (hudson-behavior.js,
            // renderOnDemandCallback): about the page's timing, not the step's form
            assertEquals(List.of(), added(before, after).stream()
                    .filter(m -> !m.contains("selection is no longer valid")).toList(), step);
        }
    }

    @Test
    void theGlobalConfigurationAndTheFolderPropertyPrintNoFormWarning(JenkinsRule r) throws Exception {
        IotHubKeyRenewalConfiguration.get().setDefaultAzureCredentialsId(JenkinsStores.AZURE_CREDENTIAL);
        Folder team = r.createProject(Folder.class, "team");
        team.getProperties().add(new DefaultAzureCredentialProperty(JenkinsStores.AZURE_CREDENTIAL));
        Predicate<String> problem = FORM_MARKUP_WARNING.or(m -> m.startsWith("script"));

        List<String> global = consoleOf("manage/configure");
        assertEquals(List.of(), global.stream().filter(problem).toList(), () -> "global; the whole console: " + global);
        List<String> folder = consoleOf(team, "configure", null);
        assertEquals(List.of(), folder.stream().filter(problem).toList(), () -> "folder; the whole console: " + folder);
    }

    /** HtmlUnit's console, recording every warning and error as the browser would print it. */
    private record RecordingConsole(List<String> messages) implements WebConsole.Logger {
        @Override
        public boolean isTraceEnabled() {
            return false;
        }

        @Override
        public void trace(Object message) {}

        @Override
        public boolean isDebugEnabled() {
            return false;
        }

        @Override
        public void debug(Object message) {}

        @Override
        public boolean isInfoEnabled() {
            return false;
        }

        @Override
        public void info(Object message) {}

        @Override
        public boolean isWarnEnabled() {
            return true;
        }

        @Override
        public void warn(Object message) {
            messages.add("warn: " + message);
        }

        @Override
        public boolean isErrorEnabled() {
            return true;
        }

        @Override
        public void error(Object message) {
            messages.add("error: " + message);
        }
    }

    /** Registers the emulator credential type for these tests only. */
    @TestExtension
    public static final class EmulatorCredentialsDescriptor extends EmulatorAzureCredentials.EmulatorDescriptor {}
}
