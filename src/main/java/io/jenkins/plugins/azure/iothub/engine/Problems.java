package io.jenkins.plugins.azure.iothub.engine;

import io.jenkins.plugins.azure.iothub.engine.IotHubKeyException.Reason;

/** Turns a {@link Failure} into the one-line, actionable {@link IotHubKeyException} a user sees. */
final class Problems {
    static final String MAY_HAVE_CHANGED = " Azure may already hold a new key: check the key in the Azure portal"
            + " (or run the renewal again) before relying on any stored copy.";

    /** The wording that depends on what was being done. */
    static final class Advice {
        final String notFound;
        final String unauthorized;

        Advice(String notFound, String unauthorized) {
            this.notFound = notFound;
            this.unauthorized = unauthorized;
        }
    }

    static final String ARM_RIGHTS = "Give the Azure credential a role on the hub that may list keys and update the"
            + " hub (for example Contributor), and check the subscription id.";

    private Problems() {
    }

    /** The error as it is, or, when an earlier attempt may already have changed the key, one that says so. */
    static IotHubKeyException marked(IotHubKeyException e, boolean keyMayHaveChanged) {
        return keyMayHaveChanged ? e.withKeyMayHaveChanged(MAY_HAVE_CHANGED.trim()) : e;
    }

    /**
     * @param action   e.g. "renewing the primary key of policy 'p' on IoT hub 'h'"
     * @param attempts how many attempts were made (mentioned when more than one)
     */
    static IotHubKeyException fail(Failure failure, String action, int attempts, boolean keyMayHaveChanged,
            Advice advice) {
        return fail(failure, action, attempts, keyMayHaveChanged, advice, null);
    }

    /**
     * @param budget the time budget when it ended the attempts (said in the message), else null: the message still
     *               names the last real cause, not just "too slow"
     */
    static IotHubKeyException fail(Failure failure, String action, int attempts, boolean keyMayHaveChanged,
            Advice advice, java.time.Duration budget) {
        String what = Deadline.capitalize(action) + " failed";
        String tries = (attempts > 1 ? " after " + attempts + " attempts" : "")
                + (budget != null ? " within the time budget of " + Texts.seconds(budget) : "");
        String tail = keyMayHaveChanged ? MAY_HAVE_CHANGED : "";
        Reason reason;
        String text;
        if (failure.kind == Failure.Kind.TOKEN) {
            reason = Reason.UNAUTHORIZED;
            text = what + ": could not get an Azure token (" + Texts.serviceSummary(failure.serviceMessage)
                    + "). Check the Azure credentials (tenant, client id and secret, or managed identity).";
        } else if (failure.kind == Failure.Kind.HTTP) {
            int status = failure.status;
            if (status == 401 || status == 403) {
                reason = Reason.UNAUTHORIZED;
                text = what + ": access denied (" + failure.describe() + "). " + advice.unauthorized;
            } else if (status == 404) {
                reason = Reason.NOT_FOUND;
                text = advice.notFound;
            } else if (status == 409) {
                reason = Reason.CONFLICT;
                text = what + tries + ": the hub is busy with another operation (" + failure.describe()
                        + "). Wait until the hub is Active and run again.";
            } else if (status == 412) {
                reason = Reason.CONCURRENT_CHANGE;
                text = what + tries + ": the hub kept being changed by someone else (" + failure.describe()
                        + "). Run again when no other update of the hub is running.";
            } else if (status == 429) {
                reason = Reason.THROTTLED;
                text = what + tries + ": Azure throttled the requests (" + failure.describe()
                        + "). Wait a few minutes and run again.";
            } else if (status >= 400 && status < 500) {
                reason = Reason.INVALID_ARGUMENT;
                text = what + ": Azure rejected the request (" + failure.describe() + "). Check the names and the"
                        + " hub's configuration.";
            } else {
                reason = Reason.SERVICE_ERROR;
                text = what + tries + ": Azure reported an error (" + failure.describe()
                        + "). Run again later; if it persists, check Azure service health.";
            }
        } else if (failure.kind == Failure.Kind.CONNECTION) {
            reason = Reason.SERVICE_ERROR;
            text = what + tries + ": Azure could not be reached (" + failure.describe() + "). Check network and"
                    + " proxy settings and run again.";
        } else {
            reason = Reason.SERVICE_ERROR;
            text = what + ": " + failure.describe() + ". Run again; if it persists, report it with the build log.";
        }
        return new IotHubKeyException(reason, text + tail, keyMayHaveChanged, failure.cause)
                .withServiceCode(failure.serviceCode);
    }
}
