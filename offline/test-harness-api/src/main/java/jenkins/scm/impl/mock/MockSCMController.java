package jenkins.scm.impl.mock;

import java.io.Closeable;
import java.io.IOException;

// Offline declaration (scm-api tests classifier).
public class MockSCMController implements Closeable {
    private MockSCMController() {}

    public static MockSCMController create() {
        throw new UnsupportedOperationException("offline declaration");
    }

    public String getId() {
        throw new UnsupportedOperationException("offline declaration");
    }

    @Override
    public void close() {
        throw new UnsupportedOperationException("offline declaration");
    }

    public synchronized void createRepository(String name, MockRepositoryFlags... flags) throws IOException {
        throw new UnsupportedOperationException("offline declaration");
    }

    public synchronized void createBranch(String repository, String branch) throws IOException {
        throw new UnsupportedOperationException("offline declaration");
    }

    public synchronized void addFile(String repository, String branchOrCR, String message, String path,
            byte[] content) throws IOException {
        throw new UnsupportedOperationException("offline declaration");
    }
}
