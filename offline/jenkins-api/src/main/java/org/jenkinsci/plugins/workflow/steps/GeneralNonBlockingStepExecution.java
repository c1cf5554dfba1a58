package org.jenkinsci.plugins.workflow.steps;

import edu.umd.cs.findbugs.annotations.NonNull;

// Offline declaration (workflow-step-api): what the rotation step's execution uses; no offline test runs it.
public abstract class GeneralNonBlockingStepExecution extends StepExecution {
    protected GeneralNonBlockingStepExecution(StepContext context) {
        super(context);
    }

    @FunctionalInterface
    protected interface Block {
        void run() throws Exception;
    }

    protected final void run(Block block) {
        throw new UnsupportedOperationException("offline declaration");
    }

    @Override
    public void stop(Throwable cause) throws Exception {
        throw new UnsupportedOperationException("offline declaration");
    }

    @Override
    public void onResume() {
        throw new UnsupportedOperationException("offline declaration");
    }

    @Override
    public @NonNull String getStatus() {
        throw new UnsupportedOperationException("offline declaration");
    }

    @Override
    public boolean blocksRestart() {
        throw new UnsupportedOperationException("offline declaration");
    }
}
