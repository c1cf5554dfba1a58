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
}
