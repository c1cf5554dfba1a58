package hudson.util;

import hudson.model.Describable;
import hudson.model.Descriptor;
import java.util.AbstractList;

// Offline declaration: a type name in AbstractProject's signatures only.
public class DescribableList<T extends Describable<T>, D extends Descriptor<T>> extends AbstractList<T> {
    @Override
    public T get(int index) {
        throw new UnsupportedOperationException("offline declaration");
    }

    @Override
    public int size() {
        throw new UnsupportedOperationException("offline declaration");
    }
}
