package hudson.security;

import hudson.ExtensionPoint;
import hudson.model.Describable;

// Offline declaration.
public abstract class SecurityRealm implements Describable<SecurityRealm>, ExtensionPoint {
    public abstract SecurityComponents createSecurityComponents();

    public static final class SecurityComponents {
        public SecurityComponents() {}
    }
}
