package hudson;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.AbstractList;

// Offline declaration: extensions are found by a running Jenkins only.
public class ExtensionList<T> extends AbstractList<T> {
    private ExtensionList() {}

    public static @NonNull <T> ExtensionList<T> lookup(Class<T> type) {
        throw new UnsupportedOperationException("offline declaration");
    }

    public static @NonNull <U> U lookupSingleton(Class<U> type) {
        throw new UnsupportedOperationException("offline declaration");
    }

    @Override
    public T get(int index) {
        throw new UnsupportedOperationException("offline declaration");
    }

    @Override
    public int size() {
        throw new UnsupportedOperationException("offline declaration");
    }
}
