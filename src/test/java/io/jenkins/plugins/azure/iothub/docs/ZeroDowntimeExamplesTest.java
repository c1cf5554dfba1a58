package io.jenkins.plugins.azure.iothub.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.azure.iothub.CredentialIds;
import io.jenkins.plugins.azure.iothub.IotHubRotateKeyStep;
import io.jenkins.plugins.azure.iothub.engine.KeySlot;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The Jenkinsfile examples of README.md and docs/ are zero-downtime by construction. In every {@code groovy} block:
 * <ul>
 *   <li>no {@code iotHubRenewKey} renews a key that the same example hands to consumers: a {@code credentialsId} bound
 *       in the block (or the renewal's result map's {@code <slot>CredentialsId}) must not be a credential the renewal
 *       writes. On the next run such an example renews the key its consumers use;</li>
 *   <li>a block that renews with {@code iotHubRenewKey} and does not rotate says plainly why that breaks nothing (a
 *       comment containing "breaks nothing");</li>
 *   <li>{@code iotHubRotateKey} is called only with parameters the step has.</li>
 * </ul>
 */
class ZeroDowntimeExamplesTest {

    private static final Pattern GROOVY_BLOCK = Pattern.compile("(?s)```groovy\\n(.*?)```");
    private static final Pattern BOUND_ID = Pattern.compile("credentialsId\\s*:\\s*('([^']*)'|([\\w.]+))");
    private static final Pattern RESULT_ASSIGNMENT = Pattern.compile("(\\w+)\\s*=\\s*iotHubRenewKey\\b");

    record Block(String where, String code) {}

    static List<Block> groovyBlocks(String file, String text) {
        List<Block> blocks = new ArrayList<>();
        Matcher m = GROOVY_BLOCK.matcher(text);
        while (m.find()) {
            int line = 1 + (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count();
            blocks.add(new Block(file + ":" + line, m.group(1)));
        }
        return blocks;
    }

    /** Why each block breaks a consumer; empty when none does. */
    static List<String> problems(Block block) {
        List<String> problems = new ArrayList<>();
        List<StepCall> renewals = StepCall.findAll(block.where(), block.code());
        if (renewals.isEmpty()) {
            return problems;
        }
        Set<String> written = new LinkedHashSet<>();
        for (StepCall renewal : renewals) {
            written.addAll(writtenIds(renewal));
        }
        Matcher result = RESULT_ASSIGNMENT.matcher(block.code());
        while (result.find()) {
            for (String slot : List.of("primary", "secondary")) {
                written.add(result.group(1) + "." + slot + "CredentialsId");
            }
        }
        Matcher bound = BOUND_ID.matcher(withoutStepArguments(block.code()));
        while (bound.find()) {
            String id = bound.group(2) != null ? bound.group(2) : bound.group(3);
            if (written.contains(id)) {
                problems.add(block.where() + ": hands credential " + id + " to consumers and renews that key with"
                        + " iotHubRenewKey; the next run renews the key they use. Rotate with iotHubRotateKey.");
            }
        }
        if (!block.code().contains("iotHubRotateKey") && !block.code().contains("breaks nothing")) {
            problems.add(block.where() + ": renews with iotHubRenewKey without saying why that breaks nothing (add a"
                    + " comment \"... breaks nothing: <why>\") or rotate with iotHubRotateKey.");
        }
        return problems;
    }

    /** The credential ids a renewal writes: explicit ones, else the documented defaults. */
    private static Set<String> writtenIds(StepCall call) {
        Map<String, String> args = call.arguments();
        Object key = StepCall.literal(args.getOrDefault("key", "''"));
        Set<String> ids = new LinkedHashSet<>();
        for (KeySlot slot : KeySlot.values()) {
            String name = slot.name().toLowerCase(Locale.ROOT);
            boolean renewed = !(key instanceof String k) || k.equals(name) || k.equals("swap") || k.equals("both");
            if (!renewed) {
                continue;
            }
            Object explicit = StepCall.literal(args.getOrDefault(name + "CredentialsId", "x"));
            if (args.containsKey(name + "CredentialsId") && explicit instanceof String id) {
                ids.add(id);
            } else if (literal(args, "hub") != null) {
                ids.add(CredentialIds.defaultId(literal(args, "hub"), literal(args, "policy"), literal(args, "device"),
                        literal(args, "module"), slot));
            }
        }
        return ids;
    }

    private static String literal(Map<String, String> args, String name) {
        return args.containsKey(name) && StepCall.literal(args.get(name)) instanceof String s ? s : null;
    }

    /** The code with the argument lists of the plugin's steps blanked, so only bindings remain. */
    private static String withoutStepArguments(String code) {
        return code.replaceAll("(?s)(iotHubRenewKey|iotHubRotateKey)\\s*\\((?:[^()]|\\([^()]*\\))*\\)", "$1()");
    }

    private static List<Block> documentedBlocks() {
        List<Block> blocks = new ArrayList<>();
        for (Path file : DocFiles.markdown()) {
            blocks.addAll(groovyBlocks(DocFiles.root().relativize(file).toString(), DocFiles.read(file)));
        }
        return blocks;
    }

    @Test
    void noJenkinsfileExampleRenewsTheKeyItsOwnConsumersUse() {
        List<Block> blocks = documentedBlocks();
        List<String> problems = new ArrayList<>();
        blocks.forEach(b -> problems.addAll(problems(b)));

        assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
        assertTrue(blocks.stream().anyMatch(b -> b.where().startsWith("README.md:")
                && b.code().contains("iotHubRotateKey")), "README's Jenkinsfile rotates");
        assertTrue(blocks.stream().filter(b -> b.where().startsWith("docs/rotation-playbook.md:"))
                .allMatch(b -> b.code().contains("iotHubRotateKey")), "every playbook example rotates");
    }

    @Test
    void readmesFirstJenkinsfileExampleIsARotation() {
        Block first = groovyBlocks("README.md", DocFiles.read(DocFiles.root().resolve("README.md"))).get(0);
        assertTrue(first.code().contains("iotHubRotateKey"), first::code);
        assertTrue(!first.code().contains("iotHubRenewKey"), first::code);
    }

    @Test
    void theOldReadmeExampleAndTheOldUserGuideExampleAreCaught() {
        String oldReadme = """
                ```groovy
                pipeline {
                    stages {
                        stage('Rotate') {
                            steps {
                                iotHubRenewKey(hub: 'contoso-hub', resourceGroup: 'iot-prod', policy: 'service', key: 'secondary',
                                               azureCredentialsId: 'azure-sp')
                            }
                        }
                        stage('Use') {
                            steps {
                                withCredentials([string(credentialsId: 'iothub.contoso-hub.policy.service.secondary', variable: 'IOTHUB_CS')]) {
                                    sh './deploy.sh'
                                }
                            }
                        }
                    }
                }
                ```
                """;
        String oldGuide = """
                ```groovy
                def renewed = iotHubRenewKey(hub: 'contoso-hub', policy: 'service', key: 'secondary',
                                             azureCredentialsId: 'azure-sp', primaryCredentialsId: 'x')
                node {
                    withCredentials([string(credentialsId: renewed.secondaryCredentialsId, variable: 'IOTHUB_CS')]) {
                        sh './configure-service.sh'
                    }
                }
                ```
                """;
        String safe = """
                ```groovy
                // Renewing the secondary key breaks nothing: consumers only get the primary credential.
                iotHubRenewKey(hub: 'h-1', policy: 'service', key: 'secondary', azureCredentialsId: 'sp')
                withCredentials([string(credentialsId: 'iothub.h-1.policy.service.primary', variable: 'CS')]) {
                    sh './deploy.sh'
                }
                ```
                """;

        List<String> readme = problems(groovyBlocks("old.md", oldReadme).get(0));
        List<String> guide = problems(groovyBlocks("old.md", oldGuide).get(0));

        assertEquals(2, readme.size(), readme::toString);
        assertTrue(readme.get(0).contains("hands credential iothub.contoso-hub.policy.service.secondary"), readme::toString);
        assertTrue(guide.stream().anyMatch(p -> p.contains("hands credential renewed.secondaryCredentialsId")),
                guide::toString);
        assertEquals(List.of(), problems(groovyBlocks("safe.md", safe).get(0)));
    }

    @Test
    void everyDocumentedRotationParameterExistsOnTheStep() {
        Set<String> parameters = new LinkedHashSet<>(List.of("hub"));
        for (Method method : IotHubRotateKeyStep.class.getMethods()) {
            if (method.isAnnotationPresent(DataBoundSetter.class)) {
                String property = method.getName().substring(3);
                parameters.add(property.substring(0, 1).toLowerCase(Locale.ROOT) + property.substring(1));
            }
        }
        List<String> unknown = new ArrayList<>();
        int calls = 0;
        for (Path file : DocFiles.markdown()) {
            for (StepCall call : StepCall.findAll(DocFiles.root().relativize(file).toString(), DocFiles.read(file),
                    "iotHubRotateKey")) {
                calls++;
                call.arguments().keySet().stream().filter(name -> !parameters.contains(name))
                        .forEach(name -> unknown.add(call.where() + ": " + name));
            }
        }
        assertTrue(unknown.isEmpty(), () -> "iotHubRotateKey has no such parameter (it has " + parameters + "):\n"
                + String.join("\n", unknown));
        assertTrue(calls >= 5, "expected the docs' rotation examples, found " + calls);
    }
}
