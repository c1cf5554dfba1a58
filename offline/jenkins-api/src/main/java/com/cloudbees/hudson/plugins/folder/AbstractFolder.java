package com.cloudbees.hudson.plugins.folder;

import hudson.model.AbstractItem;
import hudson.model.ItemGroup;
import hudson.model.Job;
import hudson.model.TopLevelItem;
import hudson.util.DescribableList;
import java.io.File;
import java.io.IOException;
import java.util.Collection;
import org.springframework.security.access.AccessDeniedException;

// Offline declaration (cloudbees-folder). The real class also implements ModifiableViewGroup, StaplerFallback,
// ModelObjectWithChildren, StaplerOverridable and IconSpec, which no offline code needs.
public abstract class AbstractFolder<I extends TopLevelItem> extends AbstractItem implements TopLevelItem, ItemGroup<I> {
    protected AbstractFolder(ItemGroup parent, String name) {
        super(parent, name);
    }

    public DescribableList<AbstractFolderProperty<?>, AbstractFolderPropertyDescriptor> getProperties() {
        throw new UnsupportedOperationException("offline declaration");
    }

    @Override
    public AbstractFolderDescriptor getDescriptor() {
        throw new UnsupportedOperationException("offline declaration");
    }

    @Override
    public File getRootDirFor(I child) {
        throw new UnsupportedOperationException("offline declaration");
    }

    @Override
    public String getUrlChildPrefix() {
        throw new UnsupportedOperationException("offline declaration");
    }

    @Override
    public Collection<? extends Job> getAllJobs() {
        throw new UnsupportedOperationException("offline declaration");
    }

    @Override
    public Collection<I> getItems() {
        throw new UnsupportedOperationException("offline declaration");
    }

    @Override
    public I getItem(String name) throws AccessDeniedException {
        throw new UnsupportedOperationException("offline declaration");
    }

    @Override
    public void onDeleted(I item) throws IOException {
        throw new UnsupportedOperationException("offline declaration");
    }
}
