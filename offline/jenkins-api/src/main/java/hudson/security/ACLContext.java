package hudson.security;

import edu.umd.cs.findbugs.annotations.NonNull;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

// Offline declaration with the real body: close() restores the previous security context
// (jenkins@jenkins-2.541.3:core/src/main/java/hudson/security/ACLContext.java).
public class ACLContext implements AutoCloseable {
    @NonNull
    private final SecurityContext previousContext;

    ACLContext(@NonNull SecurityContext previousContext) {
        this.previousContext = previousContext;
    }

    @Override
    public void close() {
        SecurityContextHolder.setContext(previousContext);
    }
}
