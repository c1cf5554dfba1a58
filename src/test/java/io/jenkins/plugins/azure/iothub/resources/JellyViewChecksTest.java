package io.jenkins.plugins.azure.iothub.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The view checks catch each kind of broken view (fixtures under src/test/resources/resource-checks). */
class JellyViewChecksTest {

    private static final String VIEW = "io/jenkins/plugins/azure/iothub/resources/fixture/Widget/config.jelly";

    private static List<String> problemsIn(String fixture) throws Exception {
        return new JellyViewChecks(SourceTree.fixture(fixture), JellyViewChecksTest.class.getClassLoader()).run();
    }

    @Test
    void aCorrectViewPasses() throws Exception {
        JellyViewChecks checks =
                new JellyViewChecks(SourceTree.fixture("good"), JellyViewChecksTest.class.getClassLoader());

        assertEquals(List.of(), checks.run());
        assertEquals(1, checks.viewsChecked());
        assertEquals(3, checks.fieldsChecked());
    }

    @Test
    void aViewWithoutEscapeByDefaultIsReported() throws Exception {
        assertEquals(List.of(VIEW + ": must start with <?jelly escape-by-default='true'?>"), problemsIn("no-escape"));
    }

    @Test
    void escapeByDefaultFalseIsReported() throws Exception {
        assertEquals(List.of(VIEW + ": must start with <?jelly escape-by-default='true'?>"), problemsIn("escape-false"));
    }

    @Test
    void malformedXmlIsReported() throws Exception {
        List<String> problems = problemsIn("malformed");

        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).startsWith(VIEW + ": not well-formed XML"), problems::toString);
    }

    @Test
    void aFieldWithoutDataBindingIsReported() throws Exception {
        List<String> problems = problemsIn("unbound-field");

        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).startsWith(VIEW + ": field 'label' is neither a @DataBoundConstructor parameter "
                + "nor a @DataBoundSetter of io.jenkins.plugins.azure.iothub.resources.fixture.Widget"),
                problems::toString);
    }

    @Test
    void aFieldWithoutHelpIsReported() throws Exception {
        assertEquals(List.of(VIEW + ": field 'color' has no help-color.html"), problemsIn("missing-help"));
    }

    @Test
    void boundPropertiesComeFromConstructorSettersAndSetterFields() {
        assertEquals(Set.of("name", "color", "size"),
                JellyViewChecks.boundProperties(io.jenkins.plugins.azure.iothub.resources.fixture.Widget.class));
    }
}
