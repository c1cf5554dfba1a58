package hudson.model;

// Offline declaration.
public interface Describable<T extends Describable<T>> {
    default Descriptor<T> getDescriptor() {
        throw new UnsupportedOperationException("offline declaration");
    }
}
