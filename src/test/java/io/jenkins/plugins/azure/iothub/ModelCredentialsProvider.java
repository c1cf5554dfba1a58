package io.jenkins.plugins.azure.iothub;

import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.CredentialsStore;
import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.domains.Domain;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.ModelObject;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.security.Permission;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.springframework.security.core.Authentication;

/**
 * Offline models of the two stores a build can write, behaving as the real ones do:
 * <ul>
 *   <li>the folder store, {@code FolderCredentialsProvider.FolderCredentialsProperty.StoreImpl}
 *       (cloudbees-folder@6.1100.ve9eed61d16c4:src/main/java/com/cloudbees/hudson/plugins/folder/properties/FolderCredentialsProvider.java),
 *       which every folder has (created on first use), with GLOBAL scope only;</li>
 *   <li>the system store, {@code SystemCredentialsProvider.StoreImpl}
 *       (credentials-plugin@1502.v5c95e620ddfe:src/main/java/com/cloudbees/plugins/credentials/SystemCredentialsProvider.java),
 *       the only store with SYSTEM scope.</li>
 * </ul>
 * Both: {@code addCredentials} and {@code updateCredentials} check Create / Update against the <em>current thread's</em>
 * identity ({@code checkPermission}); {@code getCredentials} is empty without View for the current thread's identity;
 * {@code addCredentials} answers false when the domain is missing or the id is taken; {@code updateCredentials}
 * refuses a different id with IllegalArgumentException and answers false when the domain or the credential is
 * missing; one id may be in several domains. SYSTEM passes every permission check, as it does with every real
 * ACL ({@code ACL.hasPermission}, {@code SidACL}). The stores are nested in this provider because the real
 * {@code CredentialsStore()} constructor refuses a store that is not.
 *
 * <p>Grants are explicit, like {@code MockAuthorizationStrategy.grant(...).onItems(folder).to(user)}: permission
 * implication (e.g. Overall/Administer implying everything) is not modelled, so tests grant what they mean.
 */
final class ModelCredentialsProvider extends CredentialsProvider {

    private ModelCredentialsProvider() {}

    static Store folder(String fullName) {
        return new Store(Set.of(CredentialsScope.GLOBAL), "folder " + fullName);
    }

    static Store system() {
        return new Store(Set.of(CredentialsScope.GLOBAL, CredentialsScope.SYSTEM), "Jenkins");
    }

    static final class Store extends CredentialsStore {

        private final Set<CredentialsScope> scopes;
        private final String contextName;
        private final Map<Domain, List<Credentials>> domains = new LinkedHashMap<>();
        private final Map<String, Set<Permission>> grants = new HashMap<>();
        private String failSavesWith;
        private boolean failSavesQuotingTheSecret;
        private int saves;

        private Store(Set<CredentialsScope> scopes, String contextName) {
            this.scopes = scopes;
            this.contextName = contextName;
            domains.put(Domain.global(), new ArrayList<>());
        }

        // --- test set-up, as an administrator would do through the UI ---

        Store grant(String user, Permission... permissions) {
            grants.computeIfAbsent(user, u -> new HashSet<>()).addAll(List.of(permissions));
            return this;
        }

        /** Adds a credential as an administrator would (in the global domain). */
        Store put(Credentials credentials) {
            return putIn(Domain.global(), credentials);
        }

        Store putIn(Domain domain, Credentials credentials) {
            if (!scopes.contains(credentials.getScope())) {
                // The UI offers only the store's scopes (getScopes); SYSTEM scope exists in the system store only.
                throw new IllegalArgumentException(credentials.getScope() + " scope is not offered by " + contextName);
            }
            domains.computeIfAbsent(domain, d -> new ArrayList<>()).add(credentials);
            return this;
        }

        /** Every later save fails, as an XmlFile write on a full disk does. */
        void failSaves(String message) {
            this.failSavesWith = message;
        }

        /** Saves fail with a message, and a cause, that quote the secret (a careless third-party store). */
        void failSavesQuotingTheSecret() {
            this.failSavesQuotingTheSecret = true;
        }

        int saves() {
            return saves;
        }

        /** What an administrator sees, whatever the build may see. */
        Credentials byId(String id) {
            for (List<Credentials> list : domains.values()) {
                for (Credentials c : list) {
                    if (c instanceof IdCredentials idc && idc.getId().equals(id)) {
                        return c;
                    }
                }
            }
            return null;
        }

        /** {@link #getCredentials} as the given identity would call it. */
        List<Credentials> getCredentialsAs(Authentication who, Domain domain) {
            try (ACLContext ignored = ACL.as2(who)) {
                return getCredentials(domain);
            }
        }

        // --- the real store's behaviour ---

        @NonNull
        @Override
        public ModelObject getContext() {
            return () -> contextName;
        }

        @Override
        public boolean hasPermission2(@NonNull Authentication a, @NonNull Permission permission) {
            return ACL.SYSTEM2.equals(a) || grants.getOrDefault(a.getName(), Set.of()).contains(permission);
        }

        @NonNull
        @Override
        public List<Domain> getDomains() {
            return Collections.unmodifiableList(new ArrayList<>(domains.keySet()));
        }

        @NonNull
        @Override
        public synchronized List<Credentials> getCredentials(@NonNull Domain domain) {
            if (hasPermission(CredentialsProvider.VIEW)) {
                List<Credentials> list = domains.get(domain);
                if (list == null || list.isEmpty()) {
                    return Collections.emptyList();
                }
                return Collections.unmodifiableList(new ArrayList<>(list));
            }
            return Collections.emptyList();
        }

        @Override
        public synchronized boolean addCredentials(@NonNull Domain domain, @NonNull Credentials credentials)
                throws IOException {
            checkPermission(CredentialsProvider.CREATE);
            if (domains.containsKey(domain)) {
                List<Credentials> list = domains.get(domain);
                if (list.contains(credentials)) {
                    return false;
                }
                list.add(credentials);
                save(credentials);
                return true;
            }
            return false;
        }

        @Override
        public synchronized boolean removeCredentials(@NonNull Domain domain, @NonNull Credentials credentials)
                throws IOException {
            checkPermission(CredentialsProvider.DELETE);
            List<Credentials> list = domains.get(domain);
            if (list == null || !list.contains(credentials)) {
                return false;
            }
            list.remove(credentials);
            save(credentials);
            return true;
        }

        @Override
        public synchronized boolean updateCredentials(@NonNull Domain domain, @NonNull Credentials current,
                @NonNull Credentials replacement) throws IOException {
            checkPermission(CredentialsProvider.UPDATE);
            if (domains.containsKey(domain)) {
                if (current instanceof IdCredentials || replacement instanceof IdCredentials) {
                    if (!current.equals(replacement)) {
                        throw new IllegalArgumentException("Credentials' IDs do not match, will not update.");
                    }
                }
                List<Credentials> list = domains.get(domain);
                int index = list.indexOf(current);
                if (index == -1) {
                    return false;
                }
                list.set(index, replacement);
                save(replacement);
                return true;
            }
            return false;
        }

        /**
         * The real stores change their map first, then save it ({@code checkedSave}): a failed save leaves the
         * change in memory, in use until Jenkins loads the file again.
         */
        private void save(Credentials written) throws IOException {
            if (failSavesWith != null) {
                throw new IOException(failSavesWith);
            }
            if (failSavesQuotingTheSecret && written instanceof StringCredentialsImpl text) {
                String secret = text.getSecret().getPlainText();
                throw new IOException("cannot save '" + secret + "'", new IllegalStateException("rejected value " + secret));
            }
            saves++;
        }
    }
}
