package io.jenkins.plugins.azure.iothub;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.io.Serial;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code iotHubRenewPolicyKeys(hub: 'h', policies: [[policy: 'service', key: 'secondary'], [policy: 'registryRead',
 * key: 'swap']])}: several policies of one hub in one hub update, flat arguments that all land in one
 * {@link RenewPolicyKeysConfig}. Returns {@code [hub:, dryRun:, policies: [one iotHubRenewKey map per policy]]}.
 */
public final class IotHubRenewPolicyKeysStep extends HubRenewalStep<RenewPolicyKeysConfig> {

    static final String FUNCTION = "iotHubRenewPolicyKeys";

    @DataBoundConstructor
    public IotHubRenewPolicyKeysStep(String hub, List<PolicyKeyChoice> policies) {
        super(new RenewPolicyKeysConfig(hub, policies));
    }

    public List<PolicyKeyChoice> getPolicies() {
        return config.getPolicies();
    }

    public boolean isVerify() {
        return config.isVerify();
    }

    @DataBoundSetter
    public void setVerify(boolean verify) {
        config.setVerify(verify);
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new Execution(context, config);
    }

    /** On a thread of its own, with the same stop and restart handling as {@code iotHubRenewKey}. */
    static final class Execution extends RenewalStepExecution {
        @Serial
        private static final long serialVersionUID = 1L;

        private final RenewPolicyKeysConfig config;

        Execution(StepContext context, RenewPolicyKeysConfig config) {
            super(context);
            this.config = config;
        }

        @Override
        Map<String, Object> perform(Run<?, ?> run, TaskListener listener) throws AbortException {
            return BuildRenewal.policiesMap(config,
                    BuildRenewal.performPolicies(run, listener, config, Wording.PIPELINE));
        }

        @Override
        String stepName() {
            return FUNCTION;
        }

        @Override
        String renewedKeys() {
            return "the new keys of " + describe();
        }

        @Override
        String activity() {
            return "renewing the keys of " + describe();
        }

        @Override
        String mayHaveChanged(String what) {
            StringBuilder recovery = new StringBuilder();
            for (RenewKeyConfig member : config.members()) {
                if (member.getPolicy() != null && member.getKey() != null) {
                    recovery.append(' ').append(Recovery.instructions(member, CredentialStorage.idsOf(member)));
                }
            }
            return "Azure may already hold new keys for " + describe() + " that their credentials do not, because"
                    + " the build " + what + " during the renewal." + recovery;
        }

        private String describe() {
            List<String> names = new ArrayList<>();
            config.getPolicies().forEach(p -> names.add(p.getPolicy()));
            return "policies " + KeyRenewalService.quoted(names) + " on hub '" + config.getHub() + "'";
        }
    }

    @Extension
    public static final class DescriptorImpl extends HubRenewalStepDescriptor<RenewPolicyKeysConfig.DescriptorImpl> {

        public DescriptorImpl() {
            super(RenewPolicyKeysConfig.DescriptorImpl.class);
        }

        @Override
        public String getFunctionName() {
            return FUNCTION;
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.IotHubRenewPolicyKeysStep_displayName();
        }
    }
}
