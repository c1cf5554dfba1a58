package hudson.model.queue;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.ModelObject;
import hudson.model.Queue;
import java.io.IOException;

// Offline declaration.
public interface SubTask extends ModelObject {
    @CheckForNull
    Queue.Executable createExecutable() throws IOException;
}
