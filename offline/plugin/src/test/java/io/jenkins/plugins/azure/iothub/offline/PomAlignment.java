package io.jenkins.plugins.azure.iothub.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares the libraries the plugin bundles in the real build with those the offline build tests against.
 * Bundled = compile-scope dependencies with an explicit version in the root POM (Jenkins plugins come from the
 * BOM without one).
 */
final class PomAlignment {

    private PomAlignment() {}

    /** @return one line per difference; empty when the two builds bundle the same jars the same way */
    static List<String> differences(PomDependencies root, PomDependencies offline) {
        List<String> problems = new ArrayList<>();
        Set<String> bundled = bundled(root);
        if (bundled.isEmpty()) {
            problems.add("the root POM bundles no library with an explicit version; nothing to compare");
        }
        for (String key : bundled) {
            PomDependencies.Declared real = root.get(key);
            PomDependencies.Declared off = offline.get(key);
            if (off == null) {
                problems.add(key + " is bundled by pom.xml but missing from offline/plugin/pom.xml");
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
            if (!off.scope().equals("compile")) {
                problems.add(key + " must be compile scope offline (as bundled), is " + off.scope());
            }
        }
        for (String key : offline.inScope("compile")) {
            if (!bundled.contains(key)) {
                problems.add(key + " is a compile dependency offline but not bundled by pom.xml");
            }
        }
        return problems;
    }

    private static Set<String> bundled(PomDependencies root) {
        Set<String> keys = new TreeSet<>();
        for (String key : root.inScope("compile")) {
            if (root.get(key).version() != null) {
                keys.add(key);
            }
        }
        return keys;
    }
}
