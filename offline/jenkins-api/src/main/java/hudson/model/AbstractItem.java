package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.security.ACL;
import java.io.IOException;
import java.util.Collection;

// Offline declaration.
public abstract class AbstractItem extends Actionable implements Item {
    protected AbstractItem(ItemGroup parent, String name) {}

    @Override
    public @NonNull ItemGroup getParent() {
        throw new UnsupportedOperationException("offline declaration");
    }

    @NonNull
    @Override
    public String getName() {
        throw new UnsupportedOperationException("offline declaration");
    }

    @NonNull
    @Override
    public final String getFullName() {
        throw new UnsupportedOperationException("offline declaration");
    }

    public final String getFullDisplayName() {
        throw new UnsupportedOperationException("offline declaration");
    }

    @Override
    public final String getUrl() {
        throw new UnsupportedOperationException("offline declaration");
    }

    @NonNull
    @Override
    public ACL getACL() {
        throw new UnsupportedOperationException("offline declaration");
    }

    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException("offline declaration");
    }

    @Override
    public String getShortUrl() {
        throw new UnsupportedOperationException("offline declaration");
    }

    @Override
    public void onLoad(ItemGroup<? extends Item> parent, String name) throws IOException {
        throw new UnsupportedOperationException("offline declaration");
    }

    @Override
    public void onCopiedFrom(Item src) {
        throw new UnsupportedOperationException("offline declaration");
    }

    public java.io.File getRootDir() {
        throw new UnsupportedOperationException("offline declaration");
    }

    @Override
    public synchronized void save() throws IOException {
        throw new UnsupportedOperationException("offline declaration");
    }

    @Override
    public void delete() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("offline declaration");
    }

    @Override
    public abstract Collection<? extends Job> getAllJobs();
}
