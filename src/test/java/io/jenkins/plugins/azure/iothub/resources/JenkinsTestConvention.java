package io.jenkins.plugins.azure.iothub.resources;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * docs/architecture.md: a test class that needs a running Jenkins has a name ending in {@code JenkinsTest}, and
 * only such classes do. The offline build excludes exactly {@code **}{@code /*JenkinsTest.java} from Surefire,
 * so a misnamed class would either run offline without Jenkins or be skipped there for no reason.
 */
final class JenkinsTestConvention {

    /** Imports of the harness parts that only work inside a running Jenkins (configuration-as-code's included). */
    private static final Pattern NEEDS_JENKINS = Pattern.compile(
            "^\\s*import\\s+(org\\.jvnet\\.hudson\\.test\\.(JenkinsRule|JenkinsSessionRule|RealJenkinsRule|junit\\.jupiter\\.\\w+)"
                    + "|io\\.jenkins\\.plugins\\.casc\\.misc\\.(JenkinsConfiguredRule|JenkinsConfiguredWithCodeRule"
                    + "|JenkinsConfiguredWithReadmeRule|RoundTripAbstractTest|junit\\.jupiter\\.\\w+))\\s*;",
            Pattern.MULTILINE);

    /** Surefire's default includes: only these classes run, so only they can break the convention. */
    private static final Pattern SUREFIRE_RUNS = Pattern.compile("Test.*\\.java|.*(Test|Tests|TestCase)\\.java");

    private JenkinsTestConvention() {}

    static List<String> problems(Path testJava) throws IOException {
        List<String> problems = new ArrayList<>();
        List<Path> sources;
        try (Stream<Path> files = Files.walk(testJava)) {
            sources = files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        for (Path source : sources) {
            String name = source.getFileName().toString();
            String where = testJava.relativize(source).toString().replace('\\', '/');
            problems.addAll(check(where, name, Files.readString(source, StandardCharsets.UTF_8)));
        }
        return problems;
    }

    static List<String> check(String where, String fileName, String text) {
        boolean needsJenkins = NEEDS_JENKINS.matcher(text).find();
        boolean named = fileName.endsWith("JenkinsTest.java");
        if (needsJenkins && !named && SUREFIRE_RUNS.matcher(fileName).matches()) {
            return List.of(where + ": needs a running Jenkins, so its name must end in JenkinsTest");
        }
        if (named && !needsJenkins) {
            return List.of(where + ": named *JenkinsTest but needs no Jenkins; it would never run offline");
        }
        return List.of();
    }
}
