package io.jenkins.plugins.azure.iothub.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The Messages check accepts Localizer's key-to-method naming and reports a key that does not exist. */
class MessagesUsageCheckTest {

    @Test
    void onlyTheMissingKeyIsReported() throws Exception {
        MessagesUsageCheck check = new MessagesUsageCheck(
                SourceTree.fixture("messages/java"), SourceTree.fixture("messages/resources"));

        List<String> problems = check.run();

        assertEquals(List.of("io/jenkins/plugins/azure/iothub/resources/fixture/UsesMessages.java: "
                + "Messages.Missing_key has no key in io/jenkins/plugins/azure/iothub/resources/fixture/"
                + "Messages.properties"), problems);
        assertEquals(4, check.usesChecked());
    }

    @Test
    void aPackageWithoutMessagesPropertiesIsReported() throws Exception {
        MessagesUsageCheck check = new MessagesUsageCheck(
                SourceTree.fixture("messages/java"), SourceTree.fixture("good"));

        assertEquals(List.of("io/jenkins/plugins/azure/iothub/resources/fixture/UsesMessages.java: uses Messages but "
                + "io/jenkins/plugins/azure/iothub/resources/fixture/Messages.properties does not exist"), check.run());
    }
}
