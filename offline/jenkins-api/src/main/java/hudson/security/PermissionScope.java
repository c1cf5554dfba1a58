package hudson.security;

import hudson.model.Item;
import hudson.model.ItemGroup;
import hudson.model.ModelObject;
import hudson.model.Run;
import jenkins.model.Jenkins;

// Offline declaration.
public final class PermissionScope {
    public final Class<? extends ModelObject> modelClass;

    public PermissionScope(Class<? extends ModelObject> modelClass, PermissionScope... containers) {
        this.modelClass = modelClass;
    }

    public static final PermissionScope JENKINS = new PermissionScope(Jenkins.class);
    public static final PermissionScope ITEM_GROUP = new PermissionScope(ItemGroup.class, JENKINS);
    public static final PermissionScope ITEM = new PermissionScope(Item.class, ITEM_GROUP);
    public static final PermissionScope RUN = new PermissionScope(Run.class, ITEM);
}
