package io.jenkins.plugins.azure.iothub.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The plugin's own views, help and messages pass the checks the plugin parent POM and Jenkins would make. */
class PluginResourcesTest {

    @Test
    void viewsAreEscapedWellFormedBoundAndHelped() throws Exception {
        JellyViewChecks checks = new JellyViewChecks(SourceTree.mainResources(), getClass().getClassLoader());

        List<String> problems = checks.run();

        assertEquals(List.of(), problems);
        assertTrue(checks.viewsChecked() >= 4, "expected the plugin's views, checked " + checks.viewsChecked());
        assertTrue(checks.fieldsChecked() >= 10, "expected the form fields, checked " + checks.fieldsChecked());
    }

    @Test
    void everyMessagesKeyUsedExists() throws Exception {
        MessagesUsageCheck check = new MessagesUsageCheck(SourceTree.mainJava(), SourceTree.mainResources());

        List<String> problems = check.run();

        assertEquals(List.of(), problems);
        assertTrue(check.usesChecked() > 0, "expected Messages uses in src/main/java");
    }
}
