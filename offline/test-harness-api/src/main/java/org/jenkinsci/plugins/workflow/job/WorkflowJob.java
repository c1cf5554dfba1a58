package org.jenkinsci.plugins.workflow.job;

import hudson.model.BuildAuthorizationToken;
import hudson.model.ItemGroup;
import hudson.model.Job;
import hudson.model.RunMap;
import hudson.model.TopLevelItem;
import hudson.model.TopLevelItemDescriptor;
import jenkins.model.ParameterizedJobMixIn;
import org.jenkinsci.plugins.workflow.flow.FlowDefinition;

// Offline declaration (workflow-job).
public final class WorkflowJob extends Job<WorkflowJob, WorkflowRun>
        implements ParameterizedJobMixIn.ParameterizedJob<WorkflowJob, WorkflowRun>, TopLevelItem {
    public WorkflowJob(ItemGroup parent, String name) {
        super(parent, name);
    }

    public FlowDefinition getDefinition() {
        throw new UnsupportedOperationException("offline declaration");
    }

    public void setDefinition(FlowDefinition definition) {
        throw new UnsupportedOperationException("offline declaration");
    }

    @Override
    public boolean isBuildable() {
        throw new UnsupportedOperationException("offline declaration");
    }

    @Override
    protected RunMap<WorkflowRun> _getRuns() {
        throw new UnsupportedOperationException("offline declaration");
    }

    @Override
    protected void removeRun(WorkflowRun run) {
        throw new UnsupportedOperationException("offline declaration");
    }

    @Override
    public BuildAuthorizationToken getAuthToken() {
        throw new UnsupportedOperationException("offline declaration");
    }

    @Override
    public TopLevelItemDescriptor getDescriptor() {
        throw new UnsupportedOperationException("offline declaration");
    }

}
