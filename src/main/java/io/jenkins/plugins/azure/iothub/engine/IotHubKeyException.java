package io.jenkins.plugins.azure.iothub.engine;

/**
 * Why a renewal or check failed, as one actionable line that names the hub and the policy, device or module.
 * The message never contains key material; the SDK exception, when there is one, is kept as the cause.
 */
public class IotHubKeyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What kind of failure this is; callers decide on retries and wording from it. */
    public enum Reason {
        INVALID_ARGUMENT,
        NOT_FOUND,
        NOT_SAS,
        UNAUTHORIZED,
        CONFLICT,
        THROTTLED,
        CONCURRENT_CHANGE,
        TIMEOUT,
        INTERRUPTED,
        SERVICE_ERROR
    }

    private final Reason reason;
    private final boolean keyMayHaveChanged;
    /** Azure's error code when the failure came from an error answer (e.g. ResourceGroupNotFound); may be null. */
    private String serviceCode;

    public IotHubKeyException(Reason reason, String message, boolean keyMayHaveChanged, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.keyMayHaveChanged = keyMayHaveChanged;
    }

    String serviceCode() {
        return serviceCode;
    }

    IotHubKeyException withServiceCode(String code) {
        this.serviceCode = code;
        return this;
    }

    public Reason reason() {
        return reason;
    }

    /** True when Azure may already hold a new key that the caller has not been told about. */
    public boolean keyMayHaveChanged() {
        return keyMayHaveChanged;
    }

    /** The same failure, now known to have happened after Azure may have changed the key. */
    IotHubKeyException withKeyMayHaveChanged(String advice) {
        if (keyMayHaveChanged) {
            return this;
        }
        IotHubKeyException copy = new IotHubKeyException(reason, getMessage() + " " + advice, true, getCause());
        copy.setStackTrace(getStackTrace());
        copy.serviceCode = serviceCode;
        return copy;
    }

    @Override
    public String toString() {
        // no class name noise in logs that print the exception; the message is the whole story
        return getClass().getSimpleName() + "[" + reason + "]: " + getMessage();
    }
}
