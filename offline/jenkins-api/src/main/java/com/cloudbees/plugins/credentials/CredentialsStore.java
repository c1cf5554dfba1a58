package com.cloudbees.plugins.credentials;

import com.cloudbees.plugins.credentials.domains.Domain;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.ModelObject;
import hudson.security.ACL;
import hudson.security.AccessDeniedException3;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import java.io.IOException;
import java.util.List;
import jenkins.model.Jenkins;
import org.springframework.security.core.Authentication;

// Offline declaration (credentials plugin): every abstract method, so offline tests can model a store. The
// constructors, hasPermission and checkPermission have the real bodies
// (credentials-plugin@1502.v5c95e620ddfe:src/main/java/com/cloudbees/plugins/credentials/CredentialsStore.java).
public abstract class CredentialsStore implements AccessControlled {
    private final Class<? extends CredentialsProvider> providerClass;

    public CredentialsStore(Class<? extends CredentialsProvider> providerClass) {
        this.providerClass = providerClass;
    }

    @SuppressWarnings("unchecked")
    public CredentialsStore() {
        // the real constructor infers the provider from the enclosing class, and refuses a store without one
        Class<?> clazz = getClass().getEnclosingClass();
        while (clazz != null && !CredentialsProvider.class.isAssignableFrom(clazz)) {
            clazz = clazz.getEnclosingClass();
        }
        if (clazz == null) {
            throw new AssertionError(getClass() + " doesn't have an outer class. "
                    + "Use the constructor that takes the Class object explicitly.");
        }
        providerClass = (Class<? extends CredentialsProvider>) clazz;
    }

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
        Authentication a = Jenkins.getAuthentication2();
        if (!hasPermission2(a, p)) {
            throw new AccessDeniedException3(a, p);
        }
    }

    @Override
    public final boolean hasPermission(@NonNull Permission p) {
        return hasPermission2(Jenkins.getAuthentication2(), p);
    }

    @NonNull
    public List<Domain> getDomains() {
        return List.of(Domain.global());
    }

    public final boolean addDomain(@NonNull Domain domain, Credentials... credentials) throws IOException {
        throw new UnsupportedOperationException("offline declaration");
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
