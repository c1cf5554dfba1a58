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
        PrintWriter out = new PrintWriter(getLogger(), true);
        out.println("ERROR: " + msg);
        return out;
    }

    @NonNull
    default PrintWriter fatalError(String msg) {
        PrintWriter out = new PrintWriter(getLogger(), true);
        out.println("FATAL: " + msg);
        return out;
    }
}
