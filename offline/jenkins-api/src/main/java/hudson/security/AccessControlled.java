package hudson.security;

import edu.umd.cs.findbugs.annotations.NonNull;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;

// Offline declaration.
public interface AccessControlled {
    @NonNull
    ACL getACL();

    default void checkPermission(@NonNull Permission permission) throws AccessDeniedException {
        getACL().checkPermission(permission);
    }

    default boolean hasPermission(@NonNull Permission permission) {
        return getACL().hasPermission(permission);
    }

    default boolean hasPermission2(@NonNull Authentication a, @NonNull Permission permission) {
        return getACL().hasPermission2(a, permission);
    }
}
