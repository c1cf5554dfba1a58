package io.jenkins.plugins.azure.iothub.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The offline build must test against the very jars the real build uses: same versions, same exclusions, same scope
 * (the exclusions are only proven safe if the offline tests run without the excluded jars too). The plugin bundles
 * no library: the engine needs none beyond what the API plugins provide.
 */
class PomAlignmentTest {

    private static Path repoRoot() {
        String configured = System.getProperty("plugin.root");
        Path start = Path.of(configured != null ? configured : "").toAbsolutePath().normalize();
        for (Path p = start; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("pom.xml")) && Files.isRegularFile(p.resolve("offline/pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find the repository root above " + start);
    }

    @Test
    void offlineBuildTestsAgainstTheJarsOfTheRealBuild() throws Exception {
        Path root = repoRoot();
        PomDependencies real = PomDependencies.read(root.resolve("pom.xml"));
        PomDependencies offline =
                PomDependencies.read(root.resolve("offline/pom.xml"), root.resolve("offline/plugin/pom.xml"));

        List<String> problems = PomAlignment.differences(real, offline);

        assertEquals(List.of(), problems, "pom.xml and the offline build disagree");
        assertEquals("1.1.0", real.get("com.azure.resourcemanager:azure-resourcemanager-iothub").version());
        assertEquals("2.1.9", real.get("com.microsoft.azure.sdk.iot:iot-service-client").version());
    }

    @Test
    void thePluginBundlesNoLibrary() throws Exception {
        PomDependencies real = PomDependencies.read(repoRoot().resolve("pom.xml"));

        assertEquals(Set.of(), PomAlignment.bundled(real));
        assertEquals("test", real.get("com.azure.resourcemanager:azure-resourcemanager-iothub").scope());
        assertEquals("test", real.get("com.microsoft.azure.sdk.iot:iot-service-client").scope());
    }

    @Test
    void aScopeChangedOnlyInTheRootPomIsReported() throws Exception {
        PomDependencies real = PomDependencies.parse(rootPom("1.1.0", EXCLUDE_A_B)
                .replace("</version><exclusions>", "</version><scope>test</scope><exclusions>"));
        PomDependencies offline = PomDependencies.parse(offlinePom("1.1.0", EXCLUDE_A_B));

        assertEquals(List.of("g:lib scope differs: pom.xml test vs offline compile",
                        "g:lib is a compile dependency offline but not bundled by pom.xml"),
                PomAlignment.differences(real, offline));
    }

    @Test
    void aVersionBumpedOnlyInTheRootPomIsReported() throws Exception {
        PomDependencies real = PomDependencies.parse(rootPom("1.2.0", EXCLUDE_A_B));
        PomDependencies offline = PomDependencies.parse(offlinePom("1.1.0", EXCLUDE_A_B));

        List<String> problems = PomAlignment.differences(real, offline);

        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).contains("version differs: pom.xml 1.2.0 vs offline 1.1.0"), problems::toString);
    }

    @Test
    void anExclusionMissingOfflineIsReported() throws Exception {
        PomDependencies real = PomDependencies.parse(rootPom("1.1.0", EXCLUDE_A_B));
        PomDependencies offline = PomDependencies.parse(offlinePom("1.1.0", ""));

        List<String> problems = PomAlignment.differences(real, offline);

        assertEquals(List.of("g:lib exclusions differ: only in pom.xml [a:b], only offline []"), problems);
    }

    @Test
    void aLibraryOnlyTheOfflineBuildAddsIsReported() throws Exception {
        PomDependencies real = PomDependencies.parse(rootPom("1.1.0", ""));
        PomDependencies offline = PomDependencies.parse(
                "<project><properties><v>1.1.0</v></properties><dependencies>"
                        + "<dependency><groupId>g</groupId><artifactId>lib</artifactId><version>${v}</version></dependency>"
                        + "<dependency><groupId>x</groupId><artifactId>extra</artifactId><version>1</version></dependency>"
                        + "</dependencies></project>");

        assertEquals(List.of("x:extra is a compile dependency offline but not bundled by pom.xml"),
                PomAlignment.differences(real, offline));
    }

    private static final String EXCLUDE_A_B = "<exclusion><groupId>a</groupId><artifactId>b</artifactId></exclusion>";

    /** Like pom.xml: a BOM-managed plugin dependency and one bundled library g:lib versioned by a property. */
    private static String rootPom(String version, String exclusions) {
        return "<project><properties><lib.version>" + version + "</lib.version></properties><dependencies>"
                + "<dependency><groupId>org.jenkins-ci.plugins</groupId><artifactId>credentials</artifactId></dependency>"
                + lib(exclusions) + "</dependencies></project>";
    }

    /** Like offline/plugin/pom.xml: declarations provided, the bundled library g:lib. */
    private static String offlinePom(String version, String exclusions) {
        return "<project><properties><lib.version>" + version + "</lib.version></properties><dependencies>"
                + "<dependency><groupId>io.jenkins.plugins.offline</groupId><artifactId>jenkins-api</artifactId>"
                + "<scope>provided</scope></dependency>"
                + lib(exclusions) + "</dependencies></project>";
    }

    private static String lib(String exclusions) {
        return "<dependency><groupId>g</groupId><artifactId>lib</artifactId><version>${lib.version}</version>"
                + "<exclusions>" + exclusions + "</exclusions></dependency>";
    }
}
