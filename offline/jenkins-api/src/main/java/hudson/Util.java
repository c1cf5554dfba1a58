package hudson;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;

// Offline declaration: the string helpers keep their documented meaning because plugin code relies on them.
public class Util {
    @NonNull
    public static String fixNull(@CheckForNull String s) {
        return s == null ? "" : s;
    }

    @CheckForNull
    public static String fixEmpty(@CheckForNull String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    @CheckForNull
    public static String fixEmptyAndTrim(@CheckForNull String s) {
        return s == null ? null : fixEmpty(s.trim());
    }

    /**
     * HTML-escapes as jenkinsci/jenkins@jenkins-2.541.3:core/src/main/java/hudson/Util.java does: a newline becomes
     * {@code <br>}, {@code < > & " '} become entities ({@code '} is {@code &#039;}), and in a run of spaces every
     * space but the last becomes {@code &nbsp;}.
     */
    @CheckForNull
    public static String escape(@CheckForNull String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length() + 64);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("<br>");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#039;");
                case ' ' -> out.append(i + 1 < text.length() && text.charAt(i + 1) == ' ' ? "&nbsp;" : " ");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
