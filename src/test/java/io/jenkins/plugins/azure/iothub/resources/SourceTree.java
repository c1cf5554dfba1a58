package io.jenkins.plugins.azure.iothub.resources;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The plugin's source folder, found the same way in the standard build (tests run in the repository root) and
 * in the offline build (tests run in offline/plugin, which passes -Dplugin.root).
 */
final class SourceTree {

    private static final String MARKER = "src/main/java/io/jenkins/plugins/azure/iothub";

    private SourceTree() {}

    static Path root() {
        String configured = System.getProperty("plugin.root");
        Path start = Path.of(configured != null ? configured : "").toAbsolutePath().normalize();
        for (Path p = start; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve(MARKER))) {
                return p;
            }
        }
        throw new IllegalStateException("no " + MARKER + " above " + start);
    }

    static Path mainJava() {
        return root().resolve("src/main/java");
    }

    static Path mainResources() {
        return root().resolve("src/main/resources");
    }

    /** A fixture tree of the checkers' own tests. */
    static Path fixture(String name) {
        return root().resolve("src/test/resources/resource-checks").resolve(name);
    }
}
