package jenkins.scm.impl.mock;

// Offline declaration (scm-api tests).
public enum MockRepositoryFlags {
    FORKABLE,
    TRUST_AWARE
}
