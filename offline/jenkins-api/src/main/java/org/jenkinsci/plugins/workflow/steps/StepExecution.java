package org.jenkinsci.plugins.workflow.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;

// Offline declaration (workflow-step-api): keeps its context, which the plugin's execution reads.
public abstract class StepExecution implements Serializable {
    private final transient StepContext context;

    protected StepExecution(@NonNull StepContext context) {
        this.context = context;
    }

    public @NonNull StepContext getContext() {
        return context;
    }

    public abstract boolean start() throws Exception;

    public void stop(@NonNull Throwable cause) throws Exception {
        throw new UnsupportedOperationException("offline declaration");
    }

    public void onResume() {}

    public @CheckForNull String getStatus() {
        throw new UnsupportedOperationException("offline declaration");
    }

    public boolean blocksRestart() {
        throw new UnsupportedOperationException("offline declaration");
    }
}
