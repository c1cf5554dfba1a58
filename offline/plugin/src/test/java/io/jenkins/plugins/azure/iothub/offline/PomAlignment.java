package io.jenkins.plugins.azure.iothub.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares the libraries the root POM names with an explicit version (Jenkins plugins come from the BOM without one)
 * with those the offline build uses: same version, exclusions and scope, so both builds test against the same jars.
 * Those in compile scope are the ones the plugin bundles; the offline build adds no other compile dependency.
 */
final class PomAlignment {

    private PomAlignment() {}

    /** @return one line per difference; empty when the two builds use the same jars the same way */
    static List<String> differences(PomDependencies root, PomDependencies offline) {
        List<String> problems = new ArrayList<>();
        Set<String> libraries = libraries(root);
        if (libraries.isEmpty()) {
            problems.add("the root POM names no library with an explicit version; nothing to compare");
        }
        for (String key : libraries) {
            PomDependencies.Declared real = root.get(key);
            PomDependencies.Declared off = offline.get(key);
            if (off == null) {
                problems.add(key + " is in pom.xml but missing from offline/plugin/pom.xml");
                continue;
            }
            if (!Objects.equals(real.version(), off.version())) {
                problems.add(key + " version differs: pom.xml " + real.version() + " vs offline " + off.version());
            }
            if (!real.exclusions().equals(off.exclusions())) {
                Set<String> onlyRoot = new TreeSet<>(real.exclusions());
                onlyRoot.removeAll(off.exclusions());
                Set<String> onlyOffline = new TreeSet<>(off.exclusions());
                onlyOffline.removeAll(real.exclusions());
                problems.add(key + " exclusions differ: only in pom.xml " + onlyRoot + ", only offline " + onlyOffline);
            }
            if (!off.scope().equals(real.scope())) {
                problems.add(key + " scope differs: pom.xml " + real.scope() + " vs offline " + off.scope());
            }
        }
        Set<String> bundled = bundled(root);
        for (String key : offline.inScope("compile")) {
            if (!bundled.contains(key)) {
                problems.add(key + " is a compile dependency offline but not bundled by pom.xml");
            }
        }
        return problems;
    }

    /** The libraries the real plugin bundles: compile scope with an explicit version. */
    static Set<String> bundled(PomDependencies root) {
        Set<String> keys = new TreeSet<>();
        for (String key : root.inScope("compile")) {
            if (root.get(key).version() != null) {
                keys.add(key);
            }
        }
        return keys;
    }

    private static Set<String> libraries(PomDependencies root) {
        Set<String> keys = new TreeSet<>();
        root.keys().forEach(key -> {
            if (root.get(key).version() != null) {
                keys.add(key);
            }
        });
        return keys;
    }
}
