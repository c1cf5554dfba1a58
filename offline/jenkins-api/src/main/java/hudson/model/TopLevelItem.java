package hudson.model;

import hudson.ExtensionPoint;

// Offline declaration.
public interface TopLevelItem extends Item, ExtensionPoint, Describable<TopLevelItem> {
    @Override
    TopLevelItemDescriptor getDescriptor();
}
