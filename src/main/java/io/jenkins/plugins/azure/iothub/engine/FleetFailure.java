package io.jenkins.plugins.azure.iothub.engine;

/** One identity a fleet renewal did not renew, with what Azure holds for it and why. No key material. */
public final class FleetFailure {
    /** What the identity holds after the run. */
    public enum State {
        /** Still its old keys: renew it again (a rerun does). */
        NOT_RENEWED,
        /** The outcome is unknown (the write may have been applied): check it, or renew it again. */
        UNKNOWN,
        /** Not in the registry. */
        NOT_FOUND,
        /** Uses X.509 certificates, no keys. */
        NOT_SAS
    }

    private final IdentityId id;
    private final State state;
    private final String reason;

    FleetFailure(IdentityId id, State state, String reason) {
        this.id = id;
        this.state = state;
        this.reason = reason;
    }

    public IdentityId id() {
        return id;
    }

    public State state() {
        return state;
    }

    /** Short cause, e.g. {@code HTTP 412 PreconditionFailed} or {@code not attempted: the run was interrupted}. */
    public String reason() {
        return reason;
    }

    @Override
    public String toString() {
        return id + ": " + state + " (" + reason + ")";
    }
}
