package io.jenkins.plugins.azure.iothub.engine;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/** Checks a list of policy requests for one hub update before anything is sent. */
final class PolicyBatch {
    /** The failure report's own read gets at most this long (the call's budget may be what ended the call). */
    private static final Duration REPORT_BUDGET = Duration.ofSeconds(30);

    private PolicyBatch() {
    }

    static void check(List<PolicyKeyRequest> requests) {
        if (requests == null || requests.isEmpty() || requests.stream().anyMatch(Objects::isNull)) {
            throw invalid("Give at least one shared access policy to renew, and no empty entries.");
        }
        PolicyKeyRequest first = requests.get(0);
        Set<String> seen = new HashSet<>();
        for (PolicyKeyRequest request : requests) {
            if (!request.hubName().equalsIgnoreCase(first.hubName())
                    || !Objects.equals(lower(request.resourceGroup()), lower(first.resourceGroup()))) {
                throw invalid("Policies renewed in one hub update must all belong to one IoT hub: '"
                        + first.hubName() + "' and '" + request.hubName() + "' differ (or their resource groups"
                        + " do). Renew each hub separately.");
            }
            if (!seen.add(lower(request.policyName()))) {
                throw invalid("Policy '" + request.policyName() + "' of IoT hub '" + first.hubName() + "' is given"
                        + " twice; one hub update renews each policy once. Combine the key types (for example renew"
                        + " 'secondary' now and 'primary' in a later run).");
            }
        }
    }

    static Duration reportBudget(Duration timeBudget) {
        return timeBudget.compareTo(REPORT_BUDGET) < 0 ? timeBudget : REPORT_BUDGET;
    }

    private static String lower(String text) {
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }

    private static IotHubKeyException invalid(String message) {
        return new IotHubKeyException(IotHubKeyException.Reason.INVALID_ARGUMENT, message, false, null);
    }
}
