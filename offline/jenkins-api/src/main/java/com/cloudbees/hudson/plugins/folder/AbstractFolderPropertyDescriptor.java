package com.cloudbees.hudson.plugins.folder;

import hudson.model.Descriptor;

// Offline declaration (cloudbees-folder).
public abstract class AbstractFolderPropertyDescriptor extends Descriptor<AbstractFolderProperty<?>> {
}
