package hudson.security;

import edu.umd.cs.findbugs.annotations.NonNull;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

// Offline declaration: no security model behind it.
public abstract class ACL {
    public final void checkPermission(@NonNull Permission p) {
        throw new UnsupportedOperationException("offline declaration");
    }

    public final boolean hasPermission(@NonNull Permission p) {
        throw new UnsupportedOperationException("offline declaration");
    }

    public boolean hasPermission2(@NonNull Authentication a, @NonNull Permission permission) {
        throw new UnsupportedOperationException("offline declaration");
    }

    @NonNull
    public static ACLContext as2(@NonNull Authentication auth) {
        throw new UnsupportedOperationException("offline declaration");
    }

    public static final String SYSTEM_USERNAME = "SYSTEM";

    public static final Authentication SYSTEM2 = new UsernamePasswordAuthenticationToken(SYSTEM_USERNAME, "SYSTEM");
}
