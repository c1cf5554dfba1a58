package hudson.model;

import java.io.IOException;

// Offline declaration (Jenkins core).
public abstract class Build<P extends Project<P, B>, B extends Build<P, B>> extends AbstractBuild<P, B> {
    protected Build(P project) throws IOException {
        super(project);
    }

    @Override
    public void run() {
        throw new UnsupportedOperationException("offline declaration");
    }
}
