package io.jenkins.plugins.azure.iothub.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Text the plugin can show a user, as its fixed parts with a hole wherever a value is filled in at run time.
 *
 * @param origin where it comes from, e.g. {@code engine/Names.java:26}
 * @param parts literal text, with {@link #HOLE} for each run-time value
 */
record MessageTemplate(String origin, List<String> parts) {

    static final String HOLE = "\u0000";

    /** Matches the message with any text in the holes; Markdown-normalized, like {@link DocFiles#normalize}. */
    Pattern pattern() {
        StringBuilder regex = new StringBuilder();
        for (String part : trimmedParts()) {
            regex.append(part.equals(HOLE) ? ".*?" : Pattern.quote(squeeze(part)));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    /** How the message reads with {@code <...>} for the holes: what to paste into the troubleshooting table. */
    String render() {
        StringBuilder text = new StringBuilder();
        for (String part : trimmedParts()) {
            text.append(part.equals(HOLE) ? "<...>" : squeeze(part));
        }
        return text.toString();
    }

    /** Leading and trailing blanks of the whole message do not matter in a table cell. */
    private List<String> trimmedParts() {
        List<String> out = new ArrayList<>(parts);
        int last = out.size() - 1;
        if (!out.get(0).equals(HOLE)) {
            out.set(0, out.get(0).stripLeading());
        }
        if (!out.get(last).equals(HOLE)) {
            out.set(last, out.get(last).stripTrailing());
        }
        return out;
    }

    /** Backticks dropped and blanks collapsed, keeping a blank at either end (it separates words from holes). */
    private static String squeeze(String literal) {
        return literal.replace("`", "").replaceAll("\\s+", " ");
    }

    @Override
    public String toString() {
        return origin + ": " + render();
    }
}
