package io.jenkins.plugins.azure.iothub.offline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The direct dependencies a POM declares (not its dependencyManagement), with versions resolved from the
 * POM's own properties and those of the POMs it inherits from (given in order, nearest last).
 */
final class PomDependencies {

    /** One declared dependency: its resolved version and the exclusions it carries. */
    record Declared(String version, Set<String> exclusions, String scope) {}

    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

    private final Map<String, Declared> byKey;

    private PomDependencies(Map<String, Declared> byKey) {
        this.byKey = byKey;
    }

    /** @param poms the POM whose dependencies count last; earlier ones only contribute properties */
    static PomDependencies read(Path... poms) throws IOException {
        Map<String, String> properties = new HashMap<>();
        Element project = null;
        for (Path pom : poms) {
            try (InputStream in = Files.newInputStream(pom)) {
                project = parse(in);
            }
            properties.putAll(properties(project));
        }
        return new PomDependencies(dependencies(Objects.requireNonNull(project), properties));
    }

    static PomDependencies parse(String... pomTexts) throws IOException {
        Map<String, String> properties = new HashMap<>();
        Element project = null;
        for (String text : pomTexts) {
            project = parse(new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            properties.putAll(properties(project));
        }
        return new PomDependencies(dependencies(Objects.requireNonNull(project), properties));
    }

    Declared get(String groupAndArtifact) {
        return byKey.get(groupAndArtifact);
    }

    /** groupId:artifactId of every dependency. */
    Set<String> keys() {
        return new TreeSet<>(byKey.keySet());
    }

    /** groupId:artifactId of every dependency in the given scope ("compile" when none is written). */
    Set<String> inScope(String scope) {
        Set<String> keys = new TreeSet<>();
        byKey.forEach((key, declared) -> {
            if (declared.scope().equals(scope)) {
                keys.add(key);
            }
        });
        return keys;
    }

    private static Element parse(InputStream in) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document doc = factory.newDocumentBuilder().parse(in);
            return doc.getDocumentElement();
        } catch (Exception e) {
            throw new IOException("not a readable POM: " + e.getMessage(), e);
        }
    }

    private static Map<String, String> properties(Element project) {
        Map<String, String> values = new HashMap<>();
        Element props = child(project, "properties");
        if (props != null) {
            for (Element p : children(props)) {
                values.put(p.getTagName(), p.getTextContent().trim());
            }
        }
        return values;
    }

    private static Map<String, Declared> dependencies(Element project, Map<String, String> properties) {
        Map<String, Declared> result = new TreeMap<>();
        Element deps = child(project, "dependencies");
        if (deps == null) {
            return result;
        }
        for (Element dep : children(deps)) {
            String key = text(dep, "groupId") + ":" + text(dep, "artifactId");
            String classifier = text(dep, "classifier");
            if (classifier != null) {
                key += ":" + classifier;
            }
            Set<String> exclusions = new TreeSet<>();
            Element excl = child(dep, "exclusions");
            if (excl != null) {
                for (Element e : children(excl)) {
                    exclusions.add(text(e, "groupId") + ":" + text(e, "artifactId"));
                }
            }
            String version = text(dep, "version");
            String scope = text(dep, "scope");
            result.put(key, new Declared(
                    version == null ? null : interpolate(version, properties),
                    exclusions,
                    scope == null ? "compile" : scope));
        }
        return result;
    }

    private static String interpolate(String value, Map<String, String> properties) {
        Matcher m = PROPERTY.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = properties.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(replacement == null ? m.group() : replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? null : e.getTextContent().trim();
    }

    private static Element child(Element parent, String name) {
        for (Element e : children(parent)) {
            if (e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    private static Iterable<Element> children(Element parent) {
        java.util.List<Element> list = new java.util.ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE) {
                list.add((Element) nodes.item(i));
            }
        }
        return list;
    }
}
