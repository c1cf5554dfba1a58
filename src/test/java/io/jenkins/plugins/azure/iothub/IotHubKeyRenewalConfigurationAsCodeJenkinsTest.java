package io.jenkins.plugins.azure.iothub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.casc.misc.ConfiguredWithCode;
import io.jenkins.plugins.casc.misc.JenkinsConfiguredWithCodeRule;
import io.jenkins.plugins.casc.misc.junit.jupiter.WithJenkinsConfiguredWithCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * JCasC: {@code unclassified: iotHubKeyRenewal:} sets the global configuration, and exporting the configuration
 * gives the same block back. configuration-as-code.yaml sets every setting away from its default, so a setting that
 * JCasC cannot read or write fails here.
 */
@WithJenkinsConfiguredWithCode
class IotHubKeyRenewalConfigurationAsCodeJenkinsTest {

    private static final String YAML = "configuration-as-code.yaml";

    /** What configuration-as-code.yaml sets; also checked after the restart of the round trip. */
    static void assertConfiguredByTheYaml(IotHubKeyRenewalConfiguration config) {
        assertTrue(config.isAllowSystemBuildsToWriteSystemStore(), "allowSystemBuildsToWriteSystemStore");
        assertEquals("azure-sp", config.getDefaultAzureCredentialsId(), "defaultAzureCredentialsId");
        assertEquals(List.of("iot"), config.systemWritableFolderNames(), "systemWritableFolders");
    }

    @Test
    void everySettingStartsAtItsSafeDefault(JenkinsConfiguredWithCodeRule r) {
        assertFalse(IotHubKeyRenewalConfiguration.get().isAllowSystemBuildsToWriteSystemStore());
        assertEquals(null, IotHubKeyRenewalConfiguration.get().getDefaultAzureCredentialsId());
        assertEquals(List.of(), IotHubKeyRenewalConfiguration.get().systemWritableFolderNames());
    }

    @Test
    @ConfiguredWithCode(YAML)
    void yamlSetsEverySetting(JenkinsConfiguredWithCodeRule r) {
        assertConfiguredByTheYaml(IotHubKeyRenewalConfiguration.get());
    }

    @Test
    @ConfiguredWithCode(YAML)
    void exportGivesTheSameYamlBack(JenkinsConfiguredWithCodeRule r) throws Exception {
        // not strict: other plugins' settings may export with a "Failed to export" note; only ours is compared
        String exported = r.exportToString(false);

        assertEquals(pluginBlock(resource(YAML)), pluginBlock(exported), exported);
    }

    /** The lines below {@code unclassified:} / {@code iotHubKeyRenewal:} of a YAML text in JCasC's layout. */
    static List<String> pluginBlock(String yaml) {
        List<String> block = new ArrayList<>();
        boolean unclassified = false;
        boolean inside = false;
        for (String line : yaml.split("\\R")) {
            if (!line.startsWith(" ") && !line.isBlank()) {
                unclassified = line.equals("unclassified:");
                inside = false;
            } else if (unclassified && line.startsWith("  ") && !line.startsWith("   ")) {
                inside = line.equals("  iotHubKeyRenewal:");
            } else if (inside) {
                block.add(line);
            }
        }
        assertFalse(block.isEmpty(), () -> "no unclassified: iotHubKeyRenewal: block in\n" + yaml);
        return block;
    }

    private String resource(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
