package io.jenkins.plugins.azure.iothub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.credential.AccessToken;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.domains.Domain;
import hudson.model.FreeStyleProject;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlRadioButtonInput;
import org.htmlunit.html.HtmlSelect;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;
import reactor.core.publisher.Mono;

/**
 * The freestyle form as a browser shows it (HtmlUnit with JavaScript, as JenkinsRule's WebClient runs it): issue 12's
 * "what it must show". Radio blocks show and hide by core's radioBlock.js (jenkins-2.541.3:core/src/main/resources/
 * lib/form/radioBlock/radioBlock.js), which marks the rows of an unchosen block {@code form-container--hidden}.
 */
@WithJenkins
class RenewKeyWebFormJenkinsTest {

    /** The step as it is when just added: nothing entered, nothing chosen. */
    private static FreeStyleProject newStep(JenkinsRule r) throws IOException {
        FreeStyleProject project = r.createFreeStyleProject();
        project.getBuildersList().add(new IotHubRenewKeyBuilder(new RenewKeyConfig(null, null)));
        return project;
    }

    private static HtmlPage configure(JenkinsRule r, FreeStyleProject project) throws Exception {
        JenkinsRule.WebClient wc = r.createWebClient();
        HtmlPage page = wc.getPage(project, "configure");
        wc.waitForBackgroundJavaScript(10_000); // the lists fill and the checks answer asynchronously
        return page;
    }

    private static List<HtmlRadioButtonInput> targetChoices(HtmlPage page) {
        return page.querySelectorAll("input.radio-block-control").stream()
                .map(HtmlRadioButtonInput.class::cast)
                .filter(radio -> radio.getNameAttribute().endsWith(".target"))
                .toList();
    }

    /** Whether core's radioBlock.js shows the row holding this control. */
    private static boolean shown(DomNode control) {
        for (DomNode n = control; n != null; n = n.getParentNode()) {
            if (n instanceof HtmlElement e && e.hasAttribute("class")
                    && (" " + e.getAttribute("class") + " ").contains(" form-container--hidden ")) {
                return false;
            }
        }
        return true;
    }

    @Test
    void aNewStepChoosesNothingAndShowsNoKeyError(JenkinsRule r) throws Exception {
        HtmlPage page = configure(r, newStep(r));

        List<HtmlRadioButtonInput> choices = targetChoices(page);
        assertEquals(2, choices.size(), "policy or identity");
        choices.forEach(choice -> assertFalse(choice.isChecked(), choice.getValueAttribute()));
        List<HtmlSelect> keyLists = page.querySelectorAll("select[name='_.key']").stream()
                .map(HtmlSelect.class::cast).toList();
        assertEquals(2, keyLists.size(), "one key list per target");
        for (HtmlSelect keys : keyLists) {
            assertEquals("", keys.getSelectedOptions().get(0).getValueAttribute(), "no key chosen in advance");
            assertEquals(Messages.key_choose(), keys.getSelectedOptions().get(0).getText());
        }
        String xml = page.asXml();
        assertFalse(xml.contains("Key to renew is required"), "no error on the key before a target is chosen");
        assertFalse(xml.contains("Choose what to renew"));
    }

    @Test
    void theTimeBudgetLabelIsRenderedInFull(JenkinsRule r) throws Exception {
        HtmlPage page = configure(r, newStep(r));

        assertTrue(page.asXml().contains("Time budget (seconds)"), "not cut at '(' by Jelly");
    }

    @Test
    void choosingDeviceShowsTheDeviceAndModuleFieldsOnly(JenkinsRule r) throws Exception {
        HtmlPage page = configure(r, newStep(r));
        HtmlRadioButtonInput identity = targetChoices(page).get(1);
        assertTrue(identity.getParentNode().asNormalizedText().contains(Messages.target_identity()));

        identity.click();
        page.getWebClient().waitForBackgroundJavaScript(5_000);

        assertTrue(shown(page.querySelector("input[name='_.device']")), "device");
        assertTrue(shown(page.querySelector("input[name='_.module']")), "module");
        assertFalse(shown(page.querySelector("input[name='_.policy']")), "policy is hidden");
        List<HtmlSelect> shownKeyLists = page.querySelectorAll("select[name='_.key']").stream()
                .map(HtmlSelect.class::cast).filter(RenewKeyWebFormJenkinsTest::shown).toList();
        assertEquals(1, shownKeyLists.size());
        assertEquals(List.of("", "primary", "secondary", "swap", "both"),
                shownKeyLists.get(0).getOptions().stream().map(o -> o.getValueAttribute()).toList());
    }

    @Test
    void aSavedPolicyTargetIsTheChosenOneOnTheForm(JenkinsRule r) throws Exception {
        RenewKeyConfig config = new RenewKeyConfig("contoso-hub", "secondary");
        config.setPolicy("service");
        FreeStyleProject project = r.createFreeStyleProject();
        project.getBuildersList().add(new IotHubRenewKeyBuilder(config));

        HtmlPage page = configure(r, project);

        List<HtmlRadioButtonInput> choices = targetChoices(page);
        assertTrue(choices.get(0).isChecked());
        assertFalse(choices.get(1).isChecked());
        assertTrue(shown(page.querySelector("input[name='_.policy']")));
        assertFalse(shown(page.querySelector("input[name='_.device']")));
    }

    /** The rotation chooses its keys itself: its targets show their fields and no key list. */
    @Test
    void theRotationsTargetsShowNoKeyList(JenkinsRule r) throws Exception {
        FreeStyleProject project = r.createFreeStyleProject();
        project.getBuildersList().add(new IotHubRotateKeyBuilder(new RotateKeyConfig(null), "prepare"));

        HtmlPage page = configure(r, project);

        assertEquals(2, targetChoices(page).size());
        targetChoices(page).forEach(choice -> assertFalse(choice.isChecked()));
        assertEquals(1, page.querySelectorAll("input[name='_.policy']").size());
        assertEquals(1, page.querySelectorAll("input[name='_.device']").size());
        assertEquals(0, page.querySelectorAll("select[name='_.key']").size());
    }

    /** Azure's resource manager on a closed local port: the form gets its answer within the 4 s budget. */
    @Test
    void testConnectionWithAnUnreachableEndpointAnswersWithinFiveSeconds(JenkinsRule r) throws Exception {
        String closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = "https://127.0.0.1:" + socket.getLocalPort() + "/";
        }
        CredentialsProvider.lookupStores(r.jenkins).iterator().next().addCredentials(Domain.global(),
                new EmulatorAzureCredentials("away", closed, "00000000-0000-0000-0000-00000000d002",
                        request -> Mono.just(new AccessToken("t", OffsetDateTime.now().plusHours(1)))));
        RenewKeyConfig config = new RenewKeyConfig("hub-away", null);
        config.setPolicy("service");
        config.setAzureCredentialsId("away");
        FreeStyleProject project = r.createFreeStyleProject();
        project.getBuildersList().add(new IotHubRenewKeyBuilder(config));
        HtmlPage page = configure(r, project);
        HtmlButton test = page.querySelectorAll("button").stream().map(HtmlButton.class::cast)
                .filter(b -> b.asNormalizedText().contains("Test connection")).findFirst().orElseThrow();

        long start = System.nanoTime();
        test.click();
        // Poll for the answer: waitForBackgroundJavaScript(10_000) alone would also wait for any unrelated timer of
        // the page and so measure up to its whole timeout instead of the answer's arrival.
        long deadline = start + Duration.ofSeconds(10).toNanos();
        while (!page.asXml().contains("Azure could not be reached") && System.nanoTime() < deadline) {
            page.getWebClient().waitForBackgroundJavaScript(100);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertTrue(page.asXml().contains("Azure could not be reached"), page.asXml());
        assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "answered after " + took);
    }

    /** Registers the emulator credential type for these tests only. */
    @TestExtension
    public static final class EmulatorCredentialsDescriptor extends EmulatorAzureCredentials.EmulatorDescriptor {}
}
