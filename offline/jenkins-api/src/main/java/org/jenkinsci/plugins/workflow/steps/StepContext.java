package org.jenkinsci.plugins.workflow.steps;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.ListenableFuture;
import edu.umd.cs.findbugs.annotations.Nullable;
import hudson.model.Result;
import java.io.IOException;
import java.io.Serializable;

// Offline declaration (workflow-step-api): every abstract method, so offline tests can implement it.
public abstract class StepContext implements FutureCallback<Object>, Serializable {
    @Override
    public abstract void onSuccess(@Nullable Object result);

    public abstract <T> T get(Class<T> key) throws IOException, InterruptedException;

    public abstract boolean isReady();

    public abstract ListenableFuture<Void> saveState();

    public abstract void setResult(Result r);

    public abstract BodyInvoker newBodyInvoker() throws IllegalStateException;

    // As the real default (workflow-step-api@710.v3e456cc85233:src/main/java/org/jenkinsci/plugins/workflow/steps/StepContext.java).
    public boolean hasBody() {
        try {
            newBodyInvoker();
            return true;
        } catch (IllegalStateException x) {
            return false;
        }
    }

    @Override
    public abstract boolean equals(Object o);

    @Override
    public abstract int hashCode();
}
