package io.jenkins.plugins.azure.iothub.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every message the plugin's code can show a user appears in a table row of docs/troubleshooting.md, and every
 * message row there still belongs to a message in the code. The messages are found by parsing the sources (see
 * {@link MessageTemplates}), so a new message fails this test until it is documented.
 */
class TroubleshootingTableTest {

    /**
     * Text the finder reports that never reaches a user, with the reason. Each entry must still exist in the code,
     * so this list cannot go stale.
     */
    private static final Map<String, String> NEVER_SHOWN = Map.of(
            "SharedAccessSignature sr=<...>&sig=<...>&se=<...>&skn=<...>",
            "the format of a SAS token the engine signs, sent to the hub, never printed",
            "SHA-256 is required by every Java runtime",
            "cannot happen on a Java runtime; a fingerprint failure would only show the exception's class name",
            "the answer is not valid JSON", "message of an IOException; a connection-kind failure shows its class name",
            "the answer is not a JSON object", "message of an IOException; shown as its class name only",
            "the answer is not a JSON array", "message of an IOException; shown as its class name only",
            "a listkeys entry is not a JSON object", "message of an IOException; shown as its class name only",
            "the operation status has no 'status'", "message of an IOException; shown as its class name only",
            "a JSON tree could not be written", "cannot happen for a parsed tree; an unexpected failure shows only"
                    + " its class name",
            "Azure answered for policy '<...>', which was not requested", "an IllegalStateException: shown as"
                    + " 'Unexpected IllegalStateException ...' with details in the system log only");

    private static List<MessageTemplate> codeMessages() {
        return MessageTemplates.fromSourceTree(DocFiles.root().resolve("src/main/java"));
    }

    private static List<MessageTemplate> propertyMessages(boolean labels) {
        Path properties = DocFiles.root().resolve("src/main/resources/io/jenkins/plugins/azure/iothub/Messages.properties");
        return MessageTemplates.fromProperties(properties).entrySet().stream()
                .filter(e -> isLabel(e.getKey()) == labels)
                .map(Map.Entry::getValue)
                .collect(Collectors.toList());
    }

    /** Display names and choice labels (keys like {@code X.displayName} or {@code field.choice}) are not messages. */
    private static boolean isLabel(String key) {
        return key.endsWith(".displayName") || Character.isLowerCase(key.charAt(0));
    }

    private static List<MessageTemplate> shownMessages() {
        List<MessageTemplate> all = new ArrayList<>();
        for (MessageTemplate t : codeMessages()) {
            if (!NEVER_SHOWN.containsKey(t.render())) {
                all.add(t);
            }
        }
        all.addAll(propertyMessages(false));
        return all;
    }

    @Test
    void everyMessageInTheCodeIsInTheTroubleshootingTables() {
        List<String> rows = DocFiles.tableRows(DocFiles.troubleshooting());

        List<MessageTemplate> missing = shownMessages().stream()
                .filter(t -> rows.stream().noneMatch(row -> t.pattern().matcher(row).find()))
                .collect(Collectors.toList());

        assertTrue(missing.isEmpty(), () -> "Add these messages to a table in docs/troubleshooting.md (<...> = a value"
                + " filled in at run time), or mark text that never reaches a user in NEVER_SHOWN:\n"
                + missing.stream().map(MessageTemplate::toString).collect(Collectors.joining("\n")));
    }

    @Test
    void everyMessageRowOfTheTroubleshootingTablesStillExistsInTheCode() {
        List<MessageTemplate> messages = shownMessages();
        List<String> stale = new ArrayList<>();
        for (String row : messageRows()) {
            if (messages.stream().noneMatch(t -> t.pattern().matcher(row).find())) {
                stale.add(row);
            }
        }
        assertTrue(stale.isEmpty(), () -> "These rows of docs/troubleshooting.md match no message in the code"
                + " (changed or removed?):\n" + String.join("\n", stale));
    }

    /** Rows of the tables whose first column is "Message". */
    private static List<String> messageRows() {
        List<String> rows = new ArrayList<>();
        boolean inMessageTable = false;
        for (String line : DocFiles.read(DocFiles.troubleshooting()).split("\n")) {
            String trimmed = line.trim();
            if (!trimmed.startsWith("|")) {
                inMessageTable = false;
            } else if (trimmed.matches("\\|\\s*Message\\s*\\|.*")) {
                inMessageTable = true;
            } else if (inMessageTable && !trimmed.matches("\\|[\\s|:-]*")) {
                rows.add(DocFiles.normalize(trimmed));
            }
        }
        return rows;
    }

    @Test
    void neverShownListOnlyNamesTextThatStillExists() {
        List<String> found = codeMessages().stream().map(MessageTemplate::render).collect(Collectors.toList());
        for (String text : NEVER_SHOWN.keySet()) {
            assertTrue(found.contains(text), () -> "no longer in the code, remove from NEVER_SHOWN: " + text);
        }
    }

    @Test
    void labelsOfTheUserInterfaceAreInTheDocs() {
        String docs = DocFiles.markdown().stream().map(DocFiles::read).map(DocFiles::normalize)
                .collect(Collectors.joining("\n"));
        List<MessageTemplate> labels = propertyMessages(true);
        assertFalse(labels.isEmpty());
        List<MessageTemplate> missing = labels.stream().filter(t -> !t.pattern().matcher(docs).find())
                .collect(Collectors.toList());
        assertTrue(missing.isEmpty(), () -> "Name these labels in docs/user-guide.md:\n"
                + missing.stream().map(MessageTemplate::toString).collect(Collectors.joining("\n")));
    }

    @Test
    void finderSeesMessagesFromEveryPartOfThePlugin() {
        List<String> found = codeMessages().stream().map(MessageTemplate::toString).collect(Collectors.toList());
        for (String expected : List.of(
                "ConfigChecks.java:", "<...> is required: the name of the IoT hub, e.g. 'my-hub'",
                "KeyRenewalService.java:", "but Jenkins could not store it in credential(s)",
                "engine/Names.java:", "IoT hub name '<...>' is not valid",
                "engine/Problems.java:", "<...>: Azure throttled the requests (<...>)",
                "jenkins/StoreCredentialTarget.java:", "lacks Credentials/<...> on <...>",
                "jenkins/AzureCredentialsAccess.java:", "Found hub '<...>' (<...>)",
                "Recovery.java:", "To recover, copy the current value from Azure")) {
            assertTrue(found.stream().anyMatch(t -> t.contains(expected)), () -> "finder missed: " + expected);
        }
    }

    @Test
    void anUndocumentedNewMessageIsFoundAndWouldFailTheCheck() {
        String code = """
                package example;
                class Example {
                    private static final java.util.logging.Logger LOGGER = null;
                    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[a-z]+ [a-z]+");
                    void renew(String hub, int attempts) throws java.io.IOException {
                        LOGGER.fine("system log only, not for users " + hub);
                        if (attempts > 3) {
                            throw new hudson.AbortException("Hub '" + hub + "' melted after " + attempts
                                    + " attempts: call the " + ("fire" + " brigade") + '.');
                        }
                    }
                    String formatted(String hub, int tries) {
                        return String.format("Hub %s is gone after %d tries (100%%)", hub, tries)
                                + "Policy %s is missing".formatted(hub);
                    }
                    @Override
                    public String toString() {
                        return "Example with words";
                    }
                }
                """;

        List<MessageTemplate> found = MessageTemplates.fromSource("example/Example.java", code);

        assertEquals(List.of("Hub '<...>' melted after <...> attempts: call the fire brigade.",
                "Hub <...> is gone after <...> tries (100%)", "Policy <...> is missing"),
                found.stream().map(MessageTemplate::render).collect(Collectors.toList()));
        MessageTemplate message = found.get(0);
        assertEquals("Hub '<...>' melted after <...> attempts: call the fire brigade.", message.render());
        assertEquals("example/Example.java:8", message.origin());
        assertTrue(message.pattern().matcher("| `Hub '<hub>' melted after <n> attempts: call the fire brigade.` |")
                .find());
        List<String> rows = DocFiles.tableRows(DocFiles.troubleshooting());
        assertTrue(rows.stream().noneMatch(row -> message.pattern().matcher(row).find()));
    }
}
