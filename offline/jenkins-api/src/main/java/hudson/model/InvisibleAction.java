package hudson.model;

// Offline declaration: invisible means no icon, no name, no URL.
public abstract class InvisibleAction implements Action {
    @Override
    public final String getIconFileName() {
        throw new UnsupportedOperationException("offline declaration");
    }

    @Override
    public final String getDisplayName() {
        throw new UnsupportedOperationException("offline declaration");
    }

    @Override
    public String getUrlName() {
        throw new UnsupportedOperationException("offline declaration");
    }
}
