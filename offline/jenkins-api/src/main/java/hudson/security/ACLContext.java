package hudson.security;

import edu.umd.cs.findbugs.annotations.NonNull;
import org.springframework.security.core.context.SecurityContext;

// Offline declaration.
public class ACLContext implements AutoCloseable {
    ACLContext(@NonNull SecurityContext previousContext) {}

    @Override
    public void close() {}
}
