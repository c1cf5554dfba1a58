package io.jenkins.plugins.azure.iothub.resources;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.w3c.dom.ProcessingInstruction;

/**
 * The checks the plugin parent POM and Jenkins make on views, done without Jenkins:
 * <ul>
 *   <li>every {@code .jelly} file is well-formed XML and starts with {@code <?jelly escape-by-default='true'?>}
 *       (without it, expressions are written unescaped: an XSS hole);</li>
 *   <li>every {@code field=} in a {@code config.jelly}/{@code global.jelly} names a {@code @DataBoundConstructor}
 *       parameter or a {@code @DataBoundSetter} property of the class the view belongs to (else the value is
 *       silently dropped when the form is saved);</li>
 *   <li>every field shown in an entry has a {@code help-<field>.html} next to the view or a superclass's views.</li>
 * </ul>
 */
final class JellyViewChecks {

    /** Form tags whose field gets a help icon; {@code f:property} delegates to the nested object's own view. */
    private static final Set<String> TAGS_WITH_HELP = Set.of("entry", "optionalBlock", "optionalProperty");

    private final Path resources;
    private final ClassLoader classes;
    private int viewsChecked;
    private int fieldsChecked;

    JellyViewChecks(Path resources, ClassLoader classes) {
        this.resources = resources;
        this.classes = classes;
    }

    int viewsChecked() {
        return viewsChecked;
    }

    int fieldsChecked() {
        return fieldsChecked;
    }

    /** @return one line per problem, each naming the file */
    List<String> run() throws IOException {
        List<String> problems = new ArrayList<>();
        List<Path> views;
        try (Stream<Path> files = Files.walk(resources)) {
            views = files.filter(p -> p.toString().endsWith(".jelly")).sorted().toList();
        }
        for (Path view : views) {
            viewsChecked++;
            String where = resources.relativize(view).toString().replace('\\', '/');
            Document doc;
            try {
                doc = parse(view);
            } catch (Exception e) {
                problems.add(where + ": not well-formed XML: " + e.getMessage());
                continue;
            }
            if (!escapesByDefault(doc)) {
                problems.add(where + ": must start with <?jelly escape-by-default='true'?>");
            }
            String name = view.getFileName().toString();
            if (name.equals("config.jelly") || name.equals("global.jelly")) {
                checkFields(view, where, doc, problems);
            }
        }
        return problems;
    }

    private void checkFields(Path view, String where, Document doc, List<String> problems) {
        Class<?> owner = ownerOf(view.getParent());
        if (owner == null) {
            problems.add(where + ": no class " + resources.relativize(view.getParent()) + " for this view");
            return;
        }
        Set<String> bound = boundProperties(owner);
        for (Element e : elementsWithField(doc.getDocumentElement())) {
            String field = e.getAttribute("field");
            fieldsChecked++;
            if (!bound.contains(field)) {
                problems.add(where + ": field '" + field + "' is neither a @DataBoundConstructor parameter nor a "
                        + "@DataBoundSetter of " + owner.getName() + " " + bound);
            }
            if (TAGS_WITH_HELP.contains(e.getLocalName()) && !hasHelp(owner, field)) {
                problems.add(where + ": field '" + field + "' has no help-" + field + ".html");
            }
        }
    }

    private boolean hasHelp(Class<?> owner, String field) {
        for (Class<?> c = owner; c != null && c != Object.class; c = c.getSuperclass()) {
            if (Files.isRegularFile(folderOf(c).resolve("help-" + field + ".html"))) {
                return true;
            }
        }
        return false;
    }

    private Path folderOf(Class<?> c) {
        return resources.resolve(c.getName().replace('.', '/').replace('$', '/'));
    }

    /** Views of a nested class live in Outer/Inner/: try the dotted name, then nested-class names. */
    private Class<?> ownerOf(Path folder) {
        String dotted = resources.relativize(folder).toString().replace('\\', '/').replace('/', '.');
        String candidate = dotted;
        while (true) {
            try {
                return Class.forName(candidate, false, classes);
            } catch (ClassNotFoundException e) {
                int dot = candidate.lastIndexOf('.');
                if (dot < 0) {
                    return null;
                }
                candidate = candidate.substring(0, dot) + '$' + candidate.substring(dot + 1);
            }
        }
    }

    static Set<String> boundProperties(Class<?> type) {
        Set<String> names = new TreeSet<>();
        for (Constructor<?> c : type.getConstructors()) {
            if (c.isAnnotationPresent(DataBoundConstructor.class)) {
                for (Parameter p : c.getParameters()) {
                    if (!p.isNamePresent()) {
                        throw new IllegalStateException(type.getName() + " was compiled without -parameters; "
                                + "constructor parameter names are unknown");
                    }
                    names.add(p.getName());
                }
            }
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (m.isAnnotationPresent(DataBoundSetter.class) && m.getName().startsWith("set")
                        && m.getName().length() > 3) {
                    names.add(Character.toLowerCase(m.getName().charAt(3)) + m.getName().substring(4));
                }
            }
            for (Field f : c.getDeclaredFields()) {
                if (f.isAnnotationPresent(DataBoundSetter.class)) {
                    names.add(f.getName());
                }
            }
        }
        return names;
    }

    private static List<Element> elementsWithField(Element root) {
        List<Element> found = new ArrayList<>();
        collect(root, found);
        return found;
    }

    private static void collect(Element e, List<Element> found) {
        if (e.hasAttribute("field")) {
            found.add(e);
        }
        NodeList children = e.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element child) {
                collect(child, found);
            }
        }
    }

    private static boolean escapesByDefault(Document doc) {
        for (Node n = doc.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof ProcessingInstruction pi && pi.getTarget().equals("jelly")) {
                String data = pi.getData().replace('"', '\'').replaceAll("\\s+", "");
                return data.contains("escape-by-default='true'");
            }
            if (n instanceof Element) {
                return false;
            }
        }
        return false;
    }

    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        javax.xml.parsers.DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(THROWING); // the default handler also prints "[Fatal Error] ..." to the console
        return builder.parse(file.toFile());
    }

    /** Fails the parse with the exception, which names file, line and column, and prints nothing. */
    static final org.xml.sax.ErrorHandler THROWING = new org.xml.sax.ErrorHandler() {
        @Override
        public void warning(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXException {
            throw e;
        }

        @Override
        public void error(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXException {
            throw e;
        }

        @Override
        public void fatalError(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXException {
            throw e;
        }
    };
}
