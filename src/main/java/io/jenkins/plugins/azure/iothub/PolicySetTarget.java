package io.jenkins.plugins.azure.iothub;

import io.jenkins.plugins.azure.iothub.engine.IotHubKeyClient;
import io.jenkins.plugins.azure.iothub.engine.PolicyBatchException;
import io.jenkins.plugins.azure.iothub.engine.PolicyKeyRequest;
import io.jenkins.plugins.azure.iothub.engine.PolicyKeyResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Several policies of one hub, any mix of primary / secondary / swap, renewed in one hub update. */
final class PolicySetTarget extends RenewalTarget {

    private final List<RenewKeyConfig> members;

    /** @param members one configuration per policy, all of the same hub */
    PolicySetTarget(List<RenewKeyConfig> members) {
        this.members = List.copyOf(members);
    }

    @Override
    List<RenewKeyConfig> members() {
        return members;
    }

    @Override
    String describe() {
        List<String> names = new ArrayList<>();
        members.forEach(m -> names.add(m.getPolicy()));
        return "policies " + KeyRenewalService.quoted(names) + " on hub '" + members.get(0).getHub() + "'";
    }

    @Override
    String keyPhrase() {
        List<String> choices = new ArrayList<>();
        members.forEach(m -> choices.add(m.getPolicy() + ": " + m.getKey()));
        return "the keys (" + String.join(", ", choices) + ") of";
    }

    @Override
    String itsKeys() {
        return "their keys";
    }

    @Override
    String check(IotHubKeyClient client) {
        String hostName = null;
        for (RenewKeyConfig member : members) {
            hostName = client.checkPolicy(Policy.request(member)).hub().hostName();
        }
        return hostName;
    }

    @Override
    void renew(IotHubKeyClient client, Batches renewed) throws Incomplete, IOException {
        List<PolicyKeyRequest> requests = new ArrayList<>();
        members.forEach(m -> requests.add(Policy.request(m)));
        List<PolicyKeyResult> results;
        try {
            results = client.renewPolicyKeys(requests);
        } catch (PolicyBatchException e) {
            if (e.renewed().isEmpty() && e.unknown().isEmpty()) {
                throw e; // nothing changed in Azure: the engine's line says so
            }
            renewed.accept(batch(client, e.renewed()));
            List<RenewKeyConfig> unknown = new ArrayList<>();
            for (String name : e.unknown()) {
                unknown.add(member(name));
            }
            throw new Incomplete(e.getMessage(), unknown);
        }
        renewed.accept(batch(client, results));
    }

    private Map<RenewKeyConfig, RenewedKeys> batch(IotHubKeyClient client, List<PolicyKeyResult> results) {
        Map<RenewKeyConfig, RenewedKeys> batch = new LinkedHashMap<>();
        for (PolicyKeyResult result : results) {
            RenewKeyConfig member = member(result.policyName());
            batch.put(member, Policy.keysOf(client, result, member));
        }
        return batch;
    }

    /** Azure matches policy names ignoring case, and may answer in its own spelling. */
    private RenewKeyConfig member(String policy) {
        for (RenewKeyConfig member : members) {
            if (member.getPolicy().toLowerCase(Locale.ROOT).equals(policy.toLowerCase(Locale.ROOT))) {
                return member;
            }
        }
        throw new IllegalStateException("Azure answered for policy '" + policy + "', which was not requested");
    }

    @Override
    String verificationMethod() {
        return "with a SAS-signed read";
    }
}
