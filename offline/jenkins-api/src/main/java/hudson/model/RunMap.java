package hudson.model;

import java.io.File;
import java.io.IOException;
import java.util.Iterator;
import jenkins.model.lazy.AbstractLazyLoadRunMap;

// Offline declaration.
public final class RunMap<R extends Run<?, R>> extends AbstractLazyLoadRunMap<R> implements Iterable<R> {
    public RunMap() {}

    @Override
    public Iterator<R> iterator() {
        throw new UnsupportedOperationException("offline declaration");
    }

    @Override
    protected int getNumberOf(R r) {
        throw new UnsupportedOperationException("offline declaration");
    }

    @Override
    protected R retrieve(File d) throws IOException {
        throw new UnsupportedOperationException("offline declaration");
    }

    @Override
    protected Class<R> getBuildClass() {
        throw new UnsupportedOperationException("offline declaration");
    }
}
