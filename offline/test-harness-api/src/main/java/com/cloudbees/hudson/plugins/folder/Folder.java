package com.cloudbees.hudson.plugins.folder;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.ItemGroup;
import hudson.model.TopLevelItem;
import java.io.IOException;

// Offline declaration (cloudbees-folder). The real class also implements DirectlyModifiableTopLevelItemGroup.
public class Folder extends AbstractFolder<TopLevelItem> {
    public Folder(ItemGroup parent, String name) {
        super(parent, name);
    }

    public <T extends TopLevelItem> T createProject(@NonNull Class<T> type, @NonNull String name) throws IOException {
        throw new UnsupportedOperationException("offline declaration");
    }

    @Override
    public DescriptorImpl getDescriptor() {
        throw new UnsupportedOperationException("offline declaration");
    }

    @Extension
    public static class DescriptorImpl extends AbstractFolderDescriptor {
        @Override
        public TopLevelItem newInstance(ItemGroup parent, String name) {
            throw new UnsupportedOperationException("offline declaration");
        }
    }
}
