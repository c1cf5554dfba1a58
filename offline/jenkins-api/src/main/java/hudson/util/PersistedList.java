package hudson.util;

import java.util.AbstractList;

// Offline declaration.
public class PersistedList<T> extends AbstractList<T> {
    protected PersistedList() {}

    @Override
    public T get(int index) {
        throw new UnsupportedOperationException("offline declaration");
    }

    @Override
    public int size() {
        throw new UnsupportedOperationException("offline declaration");
    }
}
