package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;

// Offline declaration.
public interface Action extends ModelObject {
    @CheckForNull
    String getIconFileName();

    @Override
    @CheckForNull
    String getDisplayName();

    @CheckForNull
    String getUrlName();
}
