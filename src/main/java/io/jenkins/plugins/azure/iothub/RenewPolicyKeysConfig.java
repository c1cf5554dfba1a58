package io.jenkins.plugins.azure.iothub;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import io.jenkins.plugins.azure.iothub.engine.KeySlot;
import java.io.Serial;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * Several policies of one hub renewed in one hub update, each stored in its own credentials (default ids as for a
 * single policy). Shared by {@code iotHubRenewPolicyKeys} and its freestyle builder.
 */
public final class RenewPolicyKeysConfig extends HubRenewalConfig<RenewPolicyKeysConfig> {

    @Serial
    private static final long serialVersionUID = 1L;

    private final List<PolicyKeyChoice> policies;
    private Boolean verify = Boolean.TRUE;

    @DataBoundConstructor
    public RenewPolicyKeysConfig(String hub, List<PolicyKeyChoice> policies) {
        super(hub);
        this.policies = policies == null ? List.of() : new ArrayList<>(policies);
    }

    public List<PolicyKeyChoice> getPolicies() {
        return List.copyOf(policies);
    }

    public boolean isVerify() {
        return verify == null || verify;
    }

    @DataBoundSetter
    public void setVerify(boolean verify) {
        this.verify = verify;
    }

    /** One single-policy configuration per chosen policy, in order: ids, owner and recovery as for one policy. */
    List<RenewKeyConfig> members() {
        List<RenewKeyConfig> members = new ArrayList<>();
        for (PolicyKeyChoice choice : policies) {
            RenewKeyConfig member = single(choice.getKey());
            member.setPolicy(choice.getPolicy());
            member.setPrimaryCredentialsId(choice.getPrimaryCredentialsId());
            member.setSecondaryCredentialsId(choice.getSecondaryCredentialsId());
            member.setVerify(isVerify());
            members.add(member);
        }
        return members;
    }

    /** Every problem, checked without network access; each policy's as for a single renewal, named by the policy. */
    @NonNull
    List<String> validate(Wording w) {
        List<String> problems = validateShared(w);
        if (policies.isEmpty()) {
            problems.add(w.option("policies") + " is empty: give at least one policy and its key");
            return problems;
        }
        Set<String> seen = new HashSet<>();
        Map<String, String> ids = new HashMap<>();
        for (RenewKeyConfig member : members()) {
            String name = member.getPolicy() == null ? "?" : member.getPolicy();
            if (member.getPolicy() == null) {
                problems.add(w.option("policies") + ": an entry has no " + w.option("policy"));
                continue;
            }
            for (String problem : member.validate(w)) {
                if (!problems.contains(problem)) {
                    problems.add("policy '" + name + "': " + problem);
                }
            }
            if (!seen.add(name.toLowerCase(Locale.ROOT))) {
                problems.add("policy '" + name + "' is listed twice: one hub update changes each policy once");
            }
            if (member.validate(w).isEmpty()) {
                for (KeySlot slot : member.storedSlots()) {
                    String other = ids.put(member.credentialIdFor(slot), name);
                    if (other != null && !other.equals(name)) {
                        problems.add("policies '" + other + "' and '" + name + "' would both be stored in credential '"
                                + member.credentialIdFor(slot) + "'");
                    }
                }
            }
        }
        return problems;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RenewPolicyKeysConfig other && sameSharedOptions(other)
                && policies.equals(other.policies) && isVerify() == other.isVerify();
    }

    @Override
    public int hashCode() {
        return Objects.hash(getHub(), policies);
    }

    @Override
    public String toString() {
        return "RenewPolicyKeysConfig[hub " + getHub() + ", " + policies + "]";
    }

    @Extension
    public static final class DescriptorImpl extends HubRenewalDescriptor<RenewPolicyKeysConfig> {
        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.RenewPolicyKeysConfig_displayName();
        }
    }
}
