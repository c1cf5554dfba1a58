package io.jenkins.plugins.azure.iothub;

import hudson.AbortException;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.azure.iothub.engine.KeySlot;
import java.io.Serial;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/** {@code iotHubRenewKey} on a thread of its own ({@link RenewalStepExecution}). */
final class RenewKeyExecution extends RenewalStepExecution {

    @Serial
    private static final long serialVersionUID = 1L;

    private final RenewKeyConfig config;

    RenewKeyExecution(StepContext context, RenewKeyConfig config) {
        super(context);
        this.config = config;
    }

    @Override
    Map<String, Object> perform(Run<?, ?> run, TaskListener listener) throws AbortException {
        return BuildRenewal.perform(run, listener, config, Wording.PIPELINE).toMap();
    }

    @Override
    String stepName() {
        return "iotHubRenewKey";
    }

    @Override
    String renewedKeys() {
        return "the new key(s) of " + config.describeTarget();
    }

    @Override
    String activity() {
        return "renewing the " + config.getKey() + " key of " + config.describeTarget();
    }

    @Override
    String mayHaveChanged(String what) {
        Map<KeySlot, String> ids = new LinkedHashMap<>();
        for (KeySlot slot : config.storedSlots()) {
            ids.put(slot, config.credentialIdFor(slot));
        }
        return "Azure may already hold a new " + config.getKey() + " key for " + config.describeTarget()
                + " that credential(s) " + KeyRenewalService.quoted(ids.values()) + " do not, because the build "
                + what + " during the renewal. " + Recovery.instructions(config, ids);
    }
}
