package hudson.security;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.Collections;
import java.util.Iterator;
import org.jvnet.localizer.Localizable;

// Offline declaration: a named holder, enough for the plugin's permission constants to be distinct objects.
public final class PermissionGroup implements Iterable<Permission>, Comparable<PermissionGroup> {
    public final Class owner;
    public final Localizable title;
    private final String id;

    public PermissionGroup(@NonNull Class owner, Localizable title) throws IllegalStateException {
        this(owner.getName(), owner, title);
    }

    public PermissionGroup(String id, @NonNull Class owner, Localizable title) throws IllegalStateException {
        this.id = id;
        this.owner = owner;
        this.title = title;
    }

    public String getId() {
        return id;
    }

    @Override
    public Iterator<Permission> iterator() {
        return Collections.emptyIterator();
    }

    @Override
    public int compareTo(PermissionGroup that) {
        return id.compareTo(that.id);
    }
}
