package jenkins.model.lazy;

import java.io.File;
import java.io.IOException;
import java.util.AbstractMap;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

// Offline declaration: a type in Job subclasses' _getRuns() only.
public abstract class AbstractLazyLoadRunMap<R> extends AbstractMap<Integer, R> implements SortedMap<Integer, R> {
    protected AbstractLazyLoadRunMap() {}

    @Override
    public Set<Map.Entry<Integer, R>> entrySet() {
        throw new UnsupportedOperationException("offline declaration");
    }

    @Override
    public Comparator<? super Integer> comparator() {
        throw new UnsupportedOperationException("offline declaration");
    }

    @Override
    public SortedMap<Integer, R> subMap(Integer fromKey, Integer toKey) {
        throw new UnsupportedOperationException("offline declaration");
    }

    @Override
    public SortedMap<Integer, R> headMap(Integer toKey) {
        throw new UnsupportedOperationException("offline declaration");
    }

    @Override
    public SortedMap<Integer, R> tailMap(Integer fromKey) {
        throw new UnsupportedOperationException("offline declaration");
    }

    @Override
    public Integer firstKey() {
        throw new UnsupportedOperationException("offline declaration");
    }

    @Override
    public Integer lastKey() {
        throw new UnsupportedOperationException("offline declaration");
    }

    protected abstract int getNumberOf(R r);

    protected abstract R retrieve(File dir) throws IOException;

    protected abstract Class<R> getBuildClass();
}
