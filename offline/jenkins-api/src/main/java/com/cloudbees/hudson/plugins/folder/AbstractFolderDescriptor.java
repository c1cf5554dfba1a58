package com.cloudbees.hudson.plugins.folder;

import hudson.model.TopLevelItemDescriptor;

// Offline declaration (cloudbees-folder). The real class also implements IconSpec.
public abstract class AbstractFolderDescriptor extends TopLevelItemDescriptor {
    protected AbstractFolderDescriptor(Class<? extends AbstractFolder> clazz) {
        super(clazz);
    }

    protected AbstractFolderDescriptor() {}
}
