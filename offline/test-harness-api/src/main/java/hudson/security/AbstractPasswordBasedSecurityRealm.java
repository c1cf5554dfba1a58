package hudson.security;

// Offline declaration (Jenkins core; only the test harness's DummySecurityRealm extends it here).
public abstract class AbstractPasswordBasedSecurityRealm extends SecurityRealm {
    @Override
    public SecurityComponents createSecurityComponents() {
        throw new UnsupportedOperationException("offline declaration");
    }
}
