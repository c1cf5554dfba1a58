package io.jenkins.plugins.azure.iothub.resources;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every {@code Messages.key(...)} (or {@code Messages._key(...)}) in the Java sources names a key of the
 * {@code Messages.properties} of the package the {@code Messages} class comes from. Localizer turns a key into a
 * method name by replacing characters not allowed in Java names with '_', so the comparison does the same.
 */
final class MessagesUsageCheck {

    private static final Pattern USE = Pattern.compile("\\bMessages\\s*\\.\\s*_?([A-Za-z0-9_]+)\\s*\\(");
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+([\\w.]+)\\.Messages\\s*;", Pattern.MULTILINE);

    private final Path java;
    private final Path resources;
    private int usesChecked;

    MessagesUsageCheck(Path java, Path resources) {
        this.java = java;
        this.resources = resources;
    }

    int usesChecked() {
        return usesChecked;
    }

    List<String> run() throws IOException {
        List<String> problems = new ArrayList<>();
        List<Path> sources;
        try (Stream<Path> files = Files.walk(java)) {
            sources = files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        for (Path source : sources) {
            String text = Files.readString(source, StandardCharsets.UTF_8);
            Matcher use = USE.matcher(text);
            if (!use.find()) {
                continue;
            }
            String where = java.relativize(source).toString().replace('\\', '/');
            String pkg = messagesPackage(text);
            Set<String> methods = methodNames(pkg);
            do {
                usesChecked++;
                if (methods == null) {
                    problems.add(where + ": uses Messages but " + pkg.replace('.', '/') + "/Messages.properties "
                            + "does not exist");
                    break;
                }
                if (!methods.contains(use.group(1))) {
                    problems.add(where + ": Messages." + use.group(1) + " has no key in "
                            + pkg.replace('.', '/') + "/Messages.properties");
                }
            } while (use.find());
        }
        return problems;
    }

    private static String messagesPackage(String text) {
        Matcher imported = IMPORT.matcher(text);
        if (imported.find()) {
            return imported.group(1);
        }
        Matcher pkg = PACKAGE.matcher(text);
        return pkg.find() ? pkg.group(1) : "";
    }

    /** @return the method names Localizer generates for that package, or null without a Messages.properties */
    private Set<String> methodNames(String pkg) throws IOException {
        Path file = resources.resolve(pkg.replace('.', '/')).resolve("Messages.properties");
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Properties keys = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            keys.load(in);
        }
        Set<String> names = new TreeSet<>();
        for (String key : keys.stringPropertyNames()) {
            names.add(key.replaceAll("[^A-Za-z0-9_]", "_"));
        }
        return names;
    }
}
