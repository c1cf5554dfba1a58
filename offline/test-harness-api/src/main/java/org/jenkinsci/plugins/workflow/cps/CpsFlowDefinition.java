package org.jenkinsci.plugins.workflow.cps;

import hudson.model.Descriptor;
import org.jenkinsci.plugins.workflow.flow.FlowDefinition;

// Offline declaration (workflow-cps).
public class CpsFlowDefinition extends FlowDefinition {
    public CpsFlowDefinition(String script, boolean sandbox) throws Descriptor.FormException {}

    public String getScript() {
        throw new UnsupportedOperationException("offline declaration");
    }

    public boolean isSandbox() {
        throw new UnsupportedOperationException("offline declaration");
    }
}
