package hudson.model;

import java.io.IOException;

// Offline declaration (Jenkins core).
public class FreeStyleBuild extends Build<FreeStyleProject, FreeStyleBuild> {
    public FreeStyleBuild(FreeStyleProject project) throws IOException {
        super(project);
    }
}
