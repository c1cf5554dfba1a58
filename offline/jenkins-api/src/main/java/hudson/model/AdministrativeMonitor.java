package hudson.model;

import hudson.ExtensionPoint;

// Offline declaration (core): supertypes AbstractModelObject and StaplerProxy left out.
public abstract class AdministrativeMonitor implements ExtensionPoint {
    protected AdministrativeMonitor(String id) {}

    protected AdministrativeMonitor() {}

    public String getDisplayName() {
        throw new UnsupportedOperationException("offline declaration");
    }

    public abstract boolean isActivated();

    public boolean isSecurity() {
        throw new UnsupportedOperationException("offline declaration");
    }
}
