package com.cloudbees.plugins.credentials.impl;

import com.cloudbees.plugins.credentials.CredentialsDescriptor;
import com.cloudbees.plugins.credentials.BaseCredentials;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.UUID;

// Offline declaration (credentials plugin): keeps id and description; equality by id like the real one.
public abstract class BaseStandardCredentials extends BaseCredentials implements StandardCredentials {
    private final String id;
    private final String description;

    public BaseStandardCredentials(@CheckForNull String id, @CheckForNull String description) {
        this(null, id, description);
    }

    public BaseStandardCredentials(
            @CheckForNull CredentialsScope scope, @CheckForNull String id, @CheckForNull String description) {
        super(scope);
        this.id = id == null || id.isEmpty() ? UUID.randomUUID().toString() : id;
        this.description = description == null ? "" : description;
    }

    @NonNull
    @Override
    public String getDescription() {
        return description;
    }

    @NonNull
    @Override
    public String getId() {
        return id;
    }

    @Override
    public final int hashCode() {
        return id.hashCode();
    }

    @Override
    public final boolean equals(Object o) {
        return o instanceof BaseStandardCredentials other && id.equals(other.id);
    }

    protected abstract static class BaseStandardCredentialsDescriptor extends CredentialsDescriptor {
        protected BaseStandardCredentialsDescriptor() {}

        protected BaseStandardCredentialsDescriptor(Class<? extends BaseStandardCredentials> clazz) {
            super(clazz);
        }
    }
}
