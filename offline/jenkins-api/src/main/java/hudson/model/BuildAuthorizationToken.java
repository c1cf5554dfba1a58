package hudson.model;

// Offline declaration: a type name in ParameterizedJob only.
public final class BuildAuthorizationToken {
    private BuildAuthorizationToken() {}
}
