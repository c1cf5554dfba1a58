package hudson.security;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Hudson;
import org.jvnet.localizer.Localizable;

// Offline declaration: each constant is its own object with its id, so code that compares permissions
// or prints their ids behaves; nothing is enforced.
public final class Permission {
    public final @NonNull Class owner;
    public final @NonNull PermissionGroup group;
    public final @NonNull String name;
    public final @CheckForNull Localizable description;
    public final @CheckForNull Permission impliedBy;

    public Permission(
            @NonNull PermissionGroup group,
            @NonNull String name,
            @CheckForNull Localizable description,
            @CheckForNull Permission impliedBy,
            boolean enable,
            @NonNull PermissionScope[] scopes)
            throws IllegalStateException {
        this.owner = group.owner;
        this.group = group;
        this.name = name;
        this.description = description;
        this.impliedBy = impliedBy;
    }

    public Permission(
            @NonNull PermissionGroup group,
            @NonNull String name,
            @CheckForNull Localizable description,
            @CheckForNull Permission impliedBy,
            @NonNull PermissionScope scope) {
        this(group, name, description, impliedBy, true, new PermissionScope[] {scope});
    }

    public Permission(
            @NonNull PermissionGroup group,
            @NonNull String name,
            @CheckForNull Localizable description,
            @CheckForNull Permission impliedBy) {
        this(group, name, description, impliedBy, true, new PermissionScope[] {PermissionScope.JENKINS});
    }

    public @NonNull String getId() {
        return owner.getName() + '.' + name;
    }

    @Override
    public String toString() {
        return "Permission[" + owner + ',' + name + ']'; // jenkins-2.541.3:core/src/main/java/hudson/security/Permission.java
    }

    public void setEnabled(boolean enable) {
        throw new UnsupportedOperationException("offline declaration");
    }

    public boolean getEnabled() {
        throw new UnsupportedOperationException("offline declaration");
    }

    public static final PermissionGroup HUDSON_PERMISSIONS = new PermissionGroup(Hudson.class, null);

    @Deprecated
    public static final Permission HUDSON_ADMINISTER = new Permission(HUDSON_PERMISSIONS, "Administer", null, null);

    public static final PermissionGroup GROUP = new PermissionGroup(Permission.class, null);
    public static final Permission READ = new Permission(GROUP, "GenericRead", null, HUDSON_ADMINISTER);
    public static final Permission WRITE = new Permission(GROUP, "GenericWrite", null, HUDSON_ADMINISTER);
    public static final Permission CREATE = new Permission(GROUP, "GenericCreate", null, WRITE);
    public static final Permission UPDATE = new Permission(GROUP, "GenericUpdate", null, WRITE);
    public static final Permission DELETE = new Permission(GROUP, "GenericDelete", null, WRITE);
    public static final Permission CONFIGURE = new Permission(GROUP, "GenericConfigure", null, UPDATE);
}
