package hudson.tasks;

import hudson.model.Result;

// Offline declaration (Jenkins core): "Build other projects", the post-build action that triggers downstream jobs.
public class BuildTrigger extends Recorder {
    public BuildTrigger(String childProjects, Result threshold) {
        throw new UnsupportedOperationException("offline declaration");
    }

    @Override
    public BuildStepMonitor getRequiredMonitorService() {
        throw new UnsupportedOperationException("offline declaration");
    }
}
