package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.security.Permission;
import jenkins.model.Jenkins;

// Offline declaration. Descriptors can be constructed in offline tests (their doCheck/doFill methods are
// plain Java); nothing is loaded or saved.
public abstract class Descriptor<T extends Describable<T>> {
    public final transient Class<? extends T> clazz;

    protected Descriptor(Class<? extends T> clazz) {
        this.clazz = clazz;
    }

    @SuppressWarnings("unchecked")
    protected Descriptor() {
        // like the real one: a nested DescriptorImpl describes its enclosing class; a top-level
        // descriptor (GlobalConfiguration) describes itself
        Class<?> outer = getClass().getEnclosingClass();
        this.clazz = (Class<? extends T>) (outer != null ? outer : getClass());
    }

    @NonNull
    public String getDisplayName() {
        return clazz.getSimpleName();
    }

    public String getId() {
        return clazz.getName();
    }

    // The real method asks the current Stapler request for the view (jenkinsci/jenkins@jenkins-2.541.3:
    // core/src/main/java/hudson/model/Descriptor.java getHelpFile(Klass, String)); there is none offline.
    public String getHelpFile(final String fieldName) {
        throw new UnsupportedOperationException("offline declaration");
    }

    public @NonNull Permission getRequiredGlobalConfigPagePermission() {
        throw new UnsupportedOperationException("offline declaration");
    }

    public synchronized void save() {}

    public synchronized void load() {}

    protected static Class self() {
        throw new UnsupportedOperationException("offline declaration");
    }

    public static final class FormException extends Exception {
        public FormException(String message, String formField) {
            super(message);
        }

        public FormException(String message, Throwable cause, String formField) {
            super(message, cause);
        }

        public FormException(Throwable cause, String formField) {
            super(cause);
        }

        public String getFormField() {
            throw new UnsupportedOperationException("offline declaration");
        }
    }
}
