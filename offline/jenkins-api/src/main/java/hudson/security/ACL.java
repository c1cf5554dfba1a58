package hudson.security;

import edu.umd.cs.findbugs.annotations.NonNull;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import jenkins.model.Jenkins;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;

// Offline declaration. as2 and hasPermission have the real bodies
// (jenkins@jenkins-2.541.3:core/src/main/java/hudson/security/ACL.java); hasPermission2 is abstract-like there
// (each ACL implementation decides) and throws here.
public abstract class ACL {
    public final void checkPermission(@NonNull Permission p) {
        throw new UnsupportedOperationException("offline declaration");
    }

    public final boolean hasPermission(@NonNull Permission p) {
        Authentication a = Jenkins.getAuthentication2();
        if (a.equals(SYSTEM2)) {
            return true;
        }
        return hasPermission2(a, p);
    }

    public boolean hasPermission2(@NonNull Authentication a, @NonNull Permission permission) {
        throw new UnsupportedOperationException("offline declaration");
    }

    @NonNull
    public static ACLContext as2(@NonNull Authentication auth) {
        final ACLContext context = new ACLContext(SecurityContextHolder.getContext());
        // core sets a NonSerializableSecurityContext holding auth; a SecurityContextImpl holds it the same way
        SecurityContextHolder.setContext(new SecurityContextImpl(auth));
        return context;
    }

    public static final String SYSTEM_USERNAME = "SYSTEM";

    public static final Authentication SYSTEM2 = new UsernamePasswordAuthenticationToken(SYSTEM_USERNAME, "SYSTEM");
}
