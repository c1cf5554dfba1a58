package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.PrintStream;
import java.io.PrintWriter;
import org.jenkinsci.remoting.SerializableOnlyOverRemoting;

// Offline declaration. error()/fatalError() write to getLogger() so offline tests see what a build log would.
public interface TaskListener extends SerializableOnlyOverRemoting {
    @NonNull
    PrintStream getLogger();

    @NonNull
    default PrintWriter error(String msg) {
        throw new UnsupportedOperationException("offline declaration");
    }

    @NonNull
    default PrintWriter fatalError(String msg) {
        throw new UnsupportedOperationException("offline declaration");
    }
}
