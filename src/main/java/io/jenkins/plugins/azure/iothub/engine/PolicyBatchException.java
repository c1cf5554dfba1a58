package io.jenkins.plugins.azure.iothub.engine;

import java.util.List;

/**
 * A renewal of several policies in one hub update that failed, with what Azure holds per policy afterwards: the
 * policies it is known to hold new keys for (with those keys, so the caller can store them), the policies known to
 * still hold their old keys, and those the engine could not tell. {@link #getMessage()} is the failure's one line
 * plus that summary (policy names only).
 */
public final class PolicyBatchException extends IotHubKeyException {
    private static final long serialVersionUID = 1L;

    private final transient List<PolicyKeyResult> renewed;
    private final List<String> notRenewed;
    private final List<String> unknown;

    PolicyBatchException(IotHubKeyException failure, List<PolicyKeyResult> renewed, List<String> notRenewed,
            List<String> unknown) {
        super(failure.reason(), failure.getMessage() + summary(renewed, notRenewed, unknown),
                !renewed.isEmpty() || !unknown.isEmpty(), failure.getCause());
        setStackTrace(failure.getStackTrace());
        withServiceCode(failure.serviceCode());
        this.renewed = List.copyOf(renewed);
        this.notRenewed = List.copyOf(notRenewed);
        this.unknown = List.copyOf(unknown);
    }

    /** Policies Azure holds new keys for, with those keys (store them). */
    public List<PolicyKeyResult> renewed() {
        return renewed;
    }

    /** Policies (as requested) that still hold their old keys. */
    public List<String> notRenewed() {
        return notRenewed;
    }

    /** Policies (as requested) whose keys could not be read after the failure: check them in the portal. */
    public List<String> unknown() {
        return unknown;
    }

    private static String summary(List<PolicyKeyResult> renewed, List<String> notRenewed, List<String> unknown) {
        StringBuilder text = new StringBuilder();
        if (!renewed.isEmpty()) {
            text.append(" New keys in Azure: ").append(String.join(", ",
                    renewed.stream().map(PolicyKeyResult::policyName).toArray(String[]::new))).append('.');
        }
        if (!notRenewed.isEmpty()) {
            text.append(" Old keys kept: ").append(String.join(", ", notRenewed)).append('.');
        }
        if (!unknown.isEmpty()) {
            text.append(" Unknown, check in the portal: ").append(String.join(", ", unknown)).append('.');
        }
        return text.toString();
    }
}
