package org.jenkinsci.plugins.workflow.steps;

import java.io.Serializable;

// Offline declaration (workflow-step-api).
public abstract class BodyExecutionCallback implements Serializable {
    public void onStart(StepContext context) {
        throw new UnsupportedOperationException("offline declaration");
    }

    public abstract void onSuccess(StepContext context, Object result);

    public abstract void onFailure(StepContext context, Throwable t);
}
