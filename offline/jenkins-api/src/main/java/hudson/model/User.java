package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

// Offline declaration (Jenkins core).
public class User {
    private User() {}

    public static @Nullable User getById(String id, boolean create) {
        throw new UnsupportedOperationException("offline declaration");
    }

    public @NonNull Authentication impersonate2() throws UsernameNotFoundException {
        throw new UnsupportedOperationException("offline declaration");
    }
}
