package com.cloudbees.plugins.credentials;

import com.cloudbees.plugins.credentials.domains.Domain;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.ModelObject;
import hudson.security.ACL;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import java.io.IOException;
import java.util.List;
import org.springframework.security.core.Authentication;

// Offline declaration (credentials plugin): every abstract method, so offline tests can write an in-memory store.
public abstract class CredentialsStore implements AccessControlled {
    public CredentialsStore(Class<? extends CredentialsProvider> providerClass) {}

    public CredentialsStore() {}

    public final CredentialsProvider getProvider() {
        throw new UnsupportedOperationException("offline declaration");
    }

    public abstract ModelObject getContext();

    public boolean hasPermission2(@NonNull Authentication a, @NonNull Permission permission) {
        throw new UnsupportedOperationException("offline declaration");
    }

    @Override
    public ACL getACL() {
        throw new UnsupportedOperationException("offline declaration");
    }

    @Override
    public final void checkPermission(@NonNull Permission p) {
        throw new UnsupportedOperationException("offline declaration");
    }

    @Override
    public final boolean hasPermission(@NonNull Permission p) {
        throw new UnsupportedOperationException("offline declaration");
    }

    @NonNull
    public List<Domain> getDomains() {
        return List.of(Domain.global());
    }

    public abstract List<Credentials> getCredentials(@NonNull Domain domain);

    public abstract boolean addCredentials(@NonNull Domain domain, @NonNull Credentials credentials) throws IOException;

    public abstract boolean removeCredentials(@NonNull Domain domain, @NonNull Credentials credentials)
            throws IOException;

    public abstract boolean updateCredentials(
            @NonNull Domain domain, @NonNull Credentials current, @NonNull Credentials replacement) throws IOException;

    public String getDisplayName() {
        throw new UnsupportedOperationException("offline declaration");
    }
}
