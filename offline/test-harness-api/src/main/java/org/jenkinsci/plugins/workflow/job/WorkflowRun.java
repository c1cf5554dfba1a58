package org.jenkinsci.plugins.workflow.job;

import hudson.model.Queue;
import hudson.model.Run;
import java.io.IOException;
import org.kohsuke.stapler.HttpResponse;

// Offline declaration (workflow-job).
public final class WorkflowRun extends Run<WorkflowJob, WorkflowRun> implements Queue.Executable {
    public WorkflowRun(WorkflowJob job) throws IOException {
        super(job);
    }

    public HttpResponse doStop() {
        throw new UnsupportedOperationException("offline declaration");
    }

    @Override
    public void run() {
        throw new UnsupportedOperationException("offline declaration");
    }
}
