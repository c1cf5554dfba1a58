package hudson;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.File;
import java.io.IOException;
import org.jenkinsci.remoting.SerializableOnlyOverRemoting;

// Offline declaration.
public final class FilePath implements SerializableOnlyOverRemoting {
    public FilePath(@NonNull File localPath) {}

    public String getRemote() {
        throw new UnsupportedOperationException("offline declaration");
    }

    public boolean exists() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("offline declaration");
    }
}
