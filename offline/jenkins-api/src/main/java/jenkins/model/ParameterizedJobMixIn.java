package jenkins.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Action;
import hudson.model.BuildAuthorizationToken;
import hudson.model.BuildableItem;
import hudson.model.Cause;
import hudson.model.Job;
import hudson.model.Queue;
import hudson.model.Run;
import hudson.model.queue.QueueTaskFuture;
import java.io.IOException;

// Offline declaration: the nested ParameterizedJob interface, which JenkinsRule's build helpers name.
public abstract class ParameterizedJobMixIn<
        JobT extends Job<JobT, RunT> & ParameterizedJobMixIn.ParameterizedJob<JobT, RunT> & Queue.Task,
        RunT extends Run<JobT, RunT> & Queue.Executable> {

    protected abstract JobT asJob();

    public interface ParameterizedJob<
                    JobT extends Job<JobT, RunT> & ParameterizedJobMixIn.ParameterizedJob<JobT, RunT> & Queue.Task,
                    RunT extends Run<JobT, RunT> & Queue.Executable>
            extends BuildableItem {
        @CheckForNull
        BuildAuthorizationToken getAuthToken();

        @Override
        default boolean scheduleBuild(Cause c) {
            throw new UnsupportedOperationException("offline declaration");
        }

        @Override
        default boolean scheduleBuild(int quietPeriod, Cause c) {
            throw new UnsupportedOperationException("offline declaration");
        }

        @Override
        default RunT createExecutable() throws IOException {
            throw new UnsupportedOperationException("offline declaration");
        }

        @CheckForNull
        default QueueTaskFuture<RunT> scheduleBuild2(int quietPeriod, Action... actions) {
            throw new UnsupportedOperationException("offline declaration");
        }
    }
}
