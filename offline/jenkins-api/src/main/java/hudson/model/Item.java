package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import hudson.security.PermissionGroup;
import hudson.security.PermissionScope;
import java.io.IOException;
import java.util.Collection;

// Offline declaration: every abstract method of the real interface, plus the permissions the plugin checks.
public interface Item extends ModelObject, AccessControlled {
    ItemGroup<? extends Item> getParent();

    Collection<? extends Job> getAllJobs();

    @NonNull
    String getName();

    @NonNull
    String getFullName();

    String getDisplayName();

    String getUrl();

    String getShortUrl();

    void onLoad(ItemGroup<? extends Item> parent, String name) throws IOException;

    void onCopiedFrom(Item src);

    void save() throws IOException;

    void delete() throws IOException, InterruptedException;

    PermissionGroup PERMISSIONS = new PermissionGroup(Item.class, null);
    Permission CREATE = new Permission(PERMISSIONS, "Create", null, null, PermissionScope.ITEM_GROUP);
    Permission DELETE = new Permission(PERMISSIONS, "Delete", null, null, PermissionScope.ITEM);
    Permission CONFIGURE = new Permission(PERMISSIONS, "Configure", null, null, PermissionScope.ITEM);
    Permission READ = new Permission(PERMISSIONS, "Read", null, null, PermissionScope.ITEM);
    Permission DISCOVER = new Permission(PERMISSIONS, "Discover", null, READ, PermissionScope.ITEM);
    Permission EXTENDED_READ = new Permission(PERMISSIONS, "ExtendedRead", null, CONFIGURE, PermissionScope.ITEM);
    Permission BUILD = new Permission(PERMISSIONS, "Build", null, null, PermissionScope.ITEM);
    Permission WORKSPACE = new Permission(PERMISSIONS, "Workspace", null, null, PermissionScope.ITEM);
    Permission CANCEL = new Permission(PERMISSIONS, "Cancel", null, BUILD, PermissionScope.ITEM);
}
