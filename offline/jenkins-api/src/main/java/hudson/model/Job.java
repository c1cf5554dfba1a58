package hudson.model;

import hudson.ExtensionPoint;
import java.util.Collection;
import java.util.SortedMap;

// Offline declaration.
public abstract class Job<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends AbstractItem
        implements ExtensionPoint {
    protected Job(ItemGroup parent, String name) {
        super(parent, name);
    }

    public abstract boolean isBuildable();

    protected abstract SortedMap<Integer, ? extends RunT> _getRuns();

    protected abstract void removeRun(RunT run);

    @Override
    public Collection<? extends Job> getAllJobs() {
        throw new UnsupportedOperationException("offline declaration");
    }

    public RunT getBuildByNumber(int n) {
        throw new UnsupportedOperationException("offline declaration");
    }

    public RunT getLastBuild() {
        throw new UnsupportedOperationException("offline declaration");
    }
}
