package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.List;

// Offline declaration.
public abstract class Actionable implements ModelObject {
    public void addAction(@NonNull Action a) {
        throw new UnsupportedOperationException("offline declaration");
    }

    public boolean addOrReplaceAction(@NonNull Action a) {
        throw new UnsupportedOperationException("offline declaration");
    }

    public void replaceAction(@NonNull Action a) {
        throw new UnsupportedOperationException("offline declaration");
    }

    public <T extends Action> T getAction(Class<T> type) {
        throw new UnsupportedOperationException("offline declaration");
    }

    @NonNull
    public <T extends Action> List<T> getActions(Class<T> type) {
        throw new UnsupportedOperationException("offline declaration");
    }
}
