package io.jenkins.plugins.azure.iothub.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class JenkinsTestConventionTest {

    @Test
    void theTestSourcesFollowTheConvention() throws Exception {
        assertEquals(List.of(), JenkinsTestConvention.problems(SourceTree.root().resolve("src/test/java")));
    }

    @Test
    void aJenkinsRuleTestWithAnOrdinaryNameIsReported() {
        String text = "import org.jvnet.hudson.test.junit.jupiter.WithJenkins;\n@WithJenkins class FormTest {}";

        assertEquals(List.of("x/FormTest.java: needs a running Jenkins, so its name must end in JenkinsTest"),
                JenkinsTestConvention.check("x/FormTest.java", "FormTest.java", text));
    }

    @Test
    void aJenkinsTestThatNeedsNoJenkinsIsReported() {
        assertEquals(List.of("x/PlainJenkinsTest.java: named *JenkinsTest but needs no Jenkins; it would never run "
                        + "offline"),
                JenkinsTestConvention.check("x/PlainJenkinsTest.java", "PlainJenkinsTest.java", "class PlainJenkinsTest {}"));
    }

    @Test
    void aJenkinsRuleImportCounts() {
        String text = "package x;\n\nimport org.jvnet.hudson.test.JenkinsRule;\nclass AJenkinsTest {}";

        assertEquals(List.of(), JenkinsTestConvention.check("x/AJenkinsTest.java", "AJenkinsTest.java", text));
    }

    @Test
    void theConfigurationAsCodeHarnessCounts() {
        String extension = "import io.jenkins.plugins.casc.misc.junit.jupiter.WithJenkinsConfiguredWithCode;\n"
                + "@WithJenkinsConfiguredWithCode class CascTest {}";
        String rule = "import io.jenkins.plugins.casc.misc.JenkinsConfiguredWithCodeRule;\nclass CascJenkinsTest {}";

        assertEquals(List.of("x/CascTest.java: needs a running Jenkins, so its name must end in JenkinsTest"),
                JenkinsTestConvention.check("x/CascTest.java", "CascTest.java", extension));
        assertEquals(List.of(), JenkinsTestConvention.check("x/CascJenkinsTest.java", "CascJenkinsTest.java", rule));
    }

    @Test
    void theConfigurationAsCodeYamlHelpersAloneNeedNoJenkins() {
        String text = "import io.jenkins.plugins.casc.misc.Util;\nclass YamlJenkinsTest {}";

        assertEquals(List.of("x/YamlJenkinsTest.java: named *JenkinsTest but needs no Jenkins; it would never run "
                        + "offline"),
                JenkinsTestConvention.check("x/YamlJenkinsTest.java", "YamlJenkinsTest.java", text));
    }

    @Test
    void aHelperThatSurefireDoesNotRunMayUseTheHarness() {
        String text = "import org.jvnet.hudson.test.JenkinsRule;\nclass Fixtures {}";

        assertEquals(List.of(), JenkinsTestConvention.check("x/Fixtures.java", "Fixtures.java", text));
    }

    @Test
    void mentioningTheHarnessInTextIsNotAUse() {
        String text = "class Notes { String s = \"import org.jvnet.hudson.test.JenkinsRule;\"; }";

        assertEquals(List.of(), JenkinsTestConvention.check("x/Notes.java", "Notes.java", text));
    }
}
