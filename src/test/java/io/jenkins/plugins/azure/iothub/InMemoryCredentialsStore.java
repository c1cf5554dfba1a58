package io.jenkins.plugins.azure.iothub;

import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsStore;
import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.domains.Domain;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.ModelObject;
import hudson.security.Permission;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.springframework.security.core.Authentication;

/**
 * A credentials store in memory, with the add/update semantics of the real stores (ids unique, update keeps the id)
 * and a permission table by user name. SYSTEM has every permission, as in Jenkins.
 */
final class InMemoryCredentialsStore extends CredentialsStore {

    private final List<Credentials> global = new ArrayList<>();
    private final Map<String, Set<Permission>> grants = new HashMap<>();
    private String failWritesWith;
    private boolean failWritesQuotingTheSecret;
    private int writes;

    InMemoryCredentialsStore grant(String user, Permission... permissions) {
        grants.computeIfAbsent(user, u -> new HashSet<>()).addAll(List.of(permissions));
        return this;
    }

    /** Every later add/update fails with an IOException carrying this message. */
    void failWrites(String message) {
        this.failWritesWith = message;
    }

    /** Writes fail with a message, and a cause, that quote the secret being written (a careless store). */
    void failWritesQuotingTheSecret() {
        this.failWritesQuotingTheSecret = true;
    }

    private void failQuotingTheSecretIfAsked(Credentials credentials) throws IOException {
        if (failWritesQuotingTheSecret) {
            String secret = ((StringCredentialsImpl) credentials).getSecret().getPlainText();
            throw new IOException("cannot save '" + secret + "'",
                    new IllegalStateException("rejected value " + secret));
        }
    }

    int writes() {
        return writes;
    }

    Credentials byId(String id) {
        for (Credentials c : global) {
            if (c instanceof IdCredentials idc && idc.getId().equals(id)) {
                return c;
            }
        }
        return null;
    }

    void put(Credentials credentials) {
        global.add(credentials);
    }

    @NonNull
    @Override
    public ModelObject getContext() {
        return () -> "in-memory store";
    }

    @Override
    public boolean hasPermission2(@NonNull Authentication a, @NonNull Permission permission) {
        return "SYSTEM".equals(a.getName()) || grants.getOrDefault(a.getName(), Set.of()).contains(permission);
    }

    @NonNull
    @Override
    public List<Domain> getDomains() {
        return List.of(Domain.global());
    }

    @NonNull
    @Override
    public List<Credentials> getCredentials(@NonNull Domain domain) {
        return domain.isGlobal() ? new ArrayList<>(global) : List.of();
    }

    @Override
    public boolean addCredentials(@NonNull Domain domain, @NonNull Credentials credentials) throws IOException {
        failIfAsked();
        failQuotingTheSecretIfAsked(credentials);
        IdCredentials added = (IdCredentials) credentials;
        if (!domain.isGlobal() || byId(added.getId()) != null) {
            return false;
        }
        writes++;
        return global.add(credentials);
    }

    @Override
    public boolean removeCredentials(@NonNull Domain domain, @NonNull Credentials credentials) throws IOException {
        failIfAsked();
        return global.remove(credentials);
    }

    @Override
    public boolean updateCredentials(@NonNull Domain domain, @NonNull Credentials current,
            @NonNull Credentials replacement) throws IOException {
        failIfAsked();
        failQuotingTheSecretIfAsked(replacement);
        if (!((IdCredentials) current).getId().equals(((IdCredentials) replacement).getId())) {
            throw new IllegalArgumentException("Credentials' IDs do not match, will not update.");
        }
        int index = global.indexOf(current);
        if (index < 0) {
            return false;
        }
        writes++;
        global.set(index, replacement);
        return true;
    }

    private void failIfAsked() throws IOException {
        if (failWritesWith != null) {
            throw new IOException(failWritesWith);
        }
    }
}
