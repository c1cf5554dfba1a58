package io.jenkins.plugins.azure.iothub.docs;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Finds every message the plugin's code can show a user, by parsing the sources with the JDK's own Java parser
 * rather than by running them, so a message added anywhere is found without a test having to trigger it.
 *
 * <p>A message is a string expression, a literal or a chain of {@code +} with at least one literal, whose fixed text
 * has two words of two or more letters side by side (ids, URLs, flags, formats and regular expressions do not). Run-time values become holes.
 * Text that never reaches a user is left out: anything passed to a {@code LOGGER} (the Jenkins system log), to
 * {@code Pattern.compile}, inside an annotation, or built in a {@code toString()} method.
 */
final class MessageTemplates {

    private static final Pattern TWO_WORDS = Pattern.compile("[A-Za-z]{2,} [A-Za-z]{2,}");
    private static final Pattern PROPERTY_ARGUMENT = Pattern.compile("\\{\\d+}");
    private static final Pattern FORMAT_SPECIFIER = Pattern.compile("%(?![%n])[-#+ 0,(]*\\d*(?:\\.\\d+)?[a-zA-Z]");

    private MessageTemplates() {}

    /** Messages of every {@code .java} file under the directory, in a stable order. */
    static List<MessageTemplate> fromSourceTree(Path sourceRoot) {
        List<JavaFileObject> units = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                units.add(source(sourceRoot.relativize(file).toString().replace('\\', '/'), Files.readString(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return parse(units);
    }

    /** Messages of one compilation unit given as text (used to prove the finder works). */
    static List<MessageTemplate> fromSource(String name, String code) {
        return parse(List.of(source(name, code)));
    }

    /**
     * Values of a localizer {@code Messages.properties}, by key; {@code {0}} arguments become holes.
     */
    static TreeMap<String, MessageTemplate> fromProperties(Path file) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TreeMap<String, MessageTemplate> out = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            String value = properties.getProperty(key).replace("''", "'");
            List<String> parts = new ArrayList<>();
            int at = 0;
            Matcher m = PROPERTY_ARGUMENT.matcher(value);
            while (m.find()) {
                parts.add(value.substring(at, m.start()));
                parts.add(MessageTemplate.HOLE);
                at = m.end();
            }
            parts.add(value.substring(at));
            out.put(key, new MessageTemplate(file.getFileName() + ": " + key, merge(parts)));
        }
        return out;
    }

    private static JavaFileObject source(String name, String code) {
        return new SimpleJavaFileObject(URI.create("string:///" + name), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return code;
            }
        };
    }

    private static List<MessageTemplate> parse(List<JavaFileObject> units) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("this check needs a JDK (javax.tools.ToolProvider found no compiler)");
        }
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8)) {
            JavacTask task = (JavacTask) javac.getTask(null, files, diagnostic -> {}, List.of("-proc:none"), null,
                    units);
            SourcePositions positions = Trees.instance(task).getSourcePositions();
            List<MessageTemplate> found = new ArrayList<>();
            for (CompilationUnitTree unit : task.parse()) {
                new Finder(unit, positions, found).scan(unit, null);
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Visits every string literal and records the whole string expression it belongs to, once. */
    private static final class Finder extends TreePathScanner<Void, Void> {
        private final CompilationUnitTree unit;
        private final SourcePositions positions;
        private final List<MessageTemplate> found;
        private final Set<Tree> seen = Collections.newSetFromMap(new IdentityHashMap<>());

        Finder(CompilationUnitTree unit, SourcePositions positions, List<MessageTemplate> found) {
            this.unit = unit;
            this.positions = positions;
            this.found = found;
        }

        @Override
        public Void visitLiteral(LiteralTree node, Void unused) {
            if (node.getKind() == Tree.Kind.STRING_LITERAL) {
                record(wholeExpression(getCurrentPath()));
            }
            return super.visitLiteral(node, unused);
        }

        private void record(TreePath expression) {
            if (!seen.add(expression.getLeaf()) || neverShown(expression)) {
                return;
            }
            List<String> parts = new ArrayList<>();
            flatten(expression.getLeaf(), parts);
            if (isFormat(expression)) {
                parts = holesForFormatSpecifiers(parts);
            }
            parts = merge(parts);
            if (parts.stream().noneMatch(p -> !p.equals(MessageTemplate.HOLE) && TWO_WORDS.matcher(p).find())) {
                return;
            }
            long line = unit.getLineMap().getLineNumber(positions.getStartPosition(unit, expression.getLeaf()));
            String file = unit.getSourceFile().toUri().getPath().replaceFirst("^/", "");
            found.add(new MessageTemplate(file + ":" + line, parts));
        }
    }

    /** Climbs through {@code +} chains (and parentheses inside them) to the expression that is the message. */
    private static TreePath wholeExpression(TreePath literal) {
        TreePath top = literal;
        while (top.getParentPath() != null) {
            TreePath parent = top.getParentPath();
            if (parent.getLeaf().getKind() == Tree.Kind.PLUS) {
                top = parent;
            } else if (parent.getLeaf().getKind() == Tree.Kind.PARENTHESIZED && parent.getParentPath() != null
                    && parent.getParentPath().getLeaf().getKind() == Tree.Kind.PLUS) {
                top = parent.getParentPath();
            } else {
                break;
            }
        }
        return top;
    }

    private static void flatten(Tree tree, List<String> parts) {
        if (tree.getKind() == Tree.Kind.PLUS) {
            flatten(((BinaryTree) tree).getLeftOperand(), parts);
            flatten(((BinaryTree) tree).getRightOperand(), parts);
        } else if (tree.getKind() == Tree.Kind.PARENTHESIZED && isText(((ParenthesizedTree) tree).getExpression())) {
            flatten(((ParenthesizedTree) tree).getExpression(), parts);
        } else if (tree.getKind() == Tree.Kind.STRING_LITERAL || tree.getKind() == Tree.Kind.CHAR_LITERAL) {
            parts.add(String.valueOf(((LiteralTree) tree).getValue()));
        } else {
            parts.add(MessageTemplate.HOLE);
        }
    }

    /** The expression is the format of {@code String.format}, {@code printf} or {@code "...".formatted}. */
    private static boolean isFormat(TreePath expression) {
        Tree leaf = expression.getLeaf();
        Tree parent = expression.getParentPath().getLeaf();
        if (parent instanceof MemberSelectTree select) {
            return select.getIdentifier().contentEquals("formatted");
        }
        if (parent instanceof MethodInvocationTree call && call.getMethodSelect() instanceof MemberSelectTree select
                && (select.getIdentifier().contentEquals("format") || select.getIdentifier().contentEquals("printf"))) {
            List<? extends ExpressionTree> arguments = call.getArguments();
            // format(format, args...) or format(locale, format, args...)
            return !arguments.isEmpty() && (arguments.get(0) == leaf || arguments.size() > 1 && arguments.get(1) == leaf);
        }
        return false;
    }

    /** {@code %s}, {@code %d}, {@code %.1f} ... are values filled in at run time. */
    private static List<String> holesForFormatSpecifiers(List<String> parts) {
        List<String> out = new ArrayList<>();
        for (String part : parts) {
            if (part.equals(MessageTemplate.HOLE)) {
                out.add(part);
                continue;
            }
            Matcher m = FORMAT_SPECIFIER.matcher(part);
            int at = 0;
            while (m.find()) {
                out.add(part.substring(at, m.start()).replace("%%", "%").replace("%n", ""));
                out.add(MessageTemplate.HOLE);
                at = m.end();
            }
            out.add(part.substring(at).replace("%%", "%").replace("%n", ""));
        }
        return out;
    }

    /** A concatenation or a literal (javac's parser already joins {@code "a" + "b"} into one literal). */
    private static boolean isText(Tree tree) {
        return tree.getKind() == Tree.Kind.PLUS || tree.getKind() == Tree.Kind.STRING_LITERAL;
    }

    /** Adjacent literals joined, adjacent holes collapsed into one. */
    private static List<String> merge(List<String> parts) {
        List<String> out = new ArrayList<>();
        for (String part : parts) {
            int last = out.size() - 1;
            boolean hole = part.equals(MessageTemplate.HOLE);
            if (last >= 0 && hole && out.get(last).equals(MessageTemplate.HOLE)) {
                continue;
            }
            if (last >= 0 && !hole && !out.get(last).equals(MessageTemplate.HOLE)) {
                out.set(last, out.get(last) + part);
            } else {
                out.add(part);
            }
        }
        return out;
    }

    /** System log lines, regular expressions, annotation values and toString() output never reach a build. */
    private static boolean neverShown(TreePath expression) {
        for (TreePath p = expression.getParentPath(); p != null; p = p.getParentPath()) {
            Tree leaf = p.getLeaf();
            if (leaf instanceof AnnotationTree) {
                return true;
            }
            if (leaf instanceof MethodTree method && method.getName().contentEquals("toString")
                    && method.getParameters().isEmpty()) {
                return true;
            }
            if (leaf instanceof MethodInvocationTree call && call.getMethodSelect() instanceof MemberSelectTree select
                    && select.getExpression() instanceof IdentifierTree receiver) {
                String target = receiver.getName() + "." + select.getIdentifier();
                if (receiver.getName().contentEquals("LOGGER") || target.equals("Pattern.compile")) {
                    return true;
                }
            }
        }
        return false;
    }
}
