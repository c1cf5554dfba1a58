package hudson.security;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;

// Offline declaration. Message as jenkins@jenkins-2.541.3:core/src/main/java/hudson/security/AccessDeniedException3.java
// builds it from core's Messages.properties (AccessDeniedException2.MissingPermission).
public class AccessDeniedException3 extends AccessDeniedException {
    public final Authentication authentication;
    public final Permission permission;

    public AccessDeniedException3(Authentication authentication, Permission permission) {
        this(null, authentication, permission);
    }

    public AccessDeniedException3(Throwable t, Authentication authentication, Permission permission) {
        super(authentication.getName() + " is missing the " + permission.group.title + "/" + permission.name
                + " permission", t);
        this.authentication = authentication;
        this.permission = permission;
    }
}
