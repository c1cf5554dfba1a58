package com.cloudbees.hudson.plugins.folder;

import hudson.ExtensionPoint;
import hudson.model.AbstractDescribableImpl;

// Offline declaration (cloudbees-folder). The real class also implements ReconfigurableDescribable, which no
// offline code needs.
public abstract class AbstractFolderProperty<C extends AbstractFolder<?>>
        extends AbstractDescribableImpl<AbstractFolderProperty<?>> implements ExtensionPoint {
    protected transient C owner;

    @Override
    public AbstractFolderPropertyDescriptor getDescriptor() {
        throw new UnsupportedOperationException("offline declaration");
    }
}
