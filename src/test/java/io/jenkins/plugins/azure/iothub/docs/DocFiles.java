package io.jenkins.plugins.azure.iothub.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The repository's Markdown documentation and sources, found from the test's working directory. */
final class DocFiles {

    private DocFiles() {}

    /** The repository root: the offline build passes it as {@code plugin.root}; otherwise walk up to it. */
    static Path root() {
        String configured = System.getProperty("plugin.root");
        if (configured != null && isRoot(Paths.get(configured))) {
            return Paths.get(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (isRoot(dir)) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the repository root (README.md, docs/, src/main/java) above "
                + Paths.get("").toAbsolutePath());
    }

    private static boolean isRoot(Path dir) {
        return Files.isRegularFile(dir.resolve("README.md")) && Files.isDirectory(dir.resolve("docs"))
                && Files.isDirectory(dir.resolve("src/main/java"));
    }

    static Path troubleshooting() {
        return root().resolve("docs/troubleshooting.md");
    }

    /** README.md and every Markdown file under docs/. */
    static List<Path> markdown() {
        List<Path> files = new ArrayList<>();
        files.add(root().resolve("README.md"));
        try (Stream<Path> docs = Files.walk(root().resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rows of every Markdown table in the file, normalized for comparison with message templates. */
    static List<String> tableRows(Path file) {
        List<String> rows = new ArrayList<>();
        for (String line : read(file).split("\n")) {
            String trimmed = line.trim();
            if (trimmed.startsWith("|") && !trimmed.matches("\\|[\\s|:-]*")) {
                rows.add(normalize(trimmed));
            }
        }
        return rows;
    }

    /** Markdown formatting removed: code span backticks, escaped pipes, runs of whitespace. */
    static String normalize(String text) {
        return text.replace("\\|", "|").replace("`", "").replaceAll("\\s+", " ").trim();
    }
}
