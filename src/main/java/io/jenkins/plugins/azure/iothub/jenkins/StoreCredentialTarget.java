package io.jenkins.plugins.azure.iothub.jenkins;

import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.CredentialsStore;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.domains.Domain;
import hudson.AbortException;
import hudson.model.Item;
import hudson.model.ItemGroup;
import hudson.model.Run;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.security.Permission;
import hudson.util.Secret;
import io.jenkins.plugins.azure.iothub.CredentialTarget;
import io.jenkins.plugins.azure.iothub.KeyRenewalService;
import io.jenkins.plugins.azure.iothub.engine.KeyMaterial;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.springframework.security.core.Authentication;

/**
 * Writes secret-text credentials through {@link CredentialsStore} as the build's identity.
 *
 * <p>Rules: the build identity needs Credentials/Create for a new id and Credentials/Update for an existing one
 * on the store; only credentials this plugin created (secret text with the ownership marker) are replaced; a
 * build running as SYSTEM may write the system store only when an administrator allowed it.
 */
public final class StoreCredentialTarget implements CredentialTarget {

    private final CredentialsStore store;
    private final String storeName;
    private final boolean systemStore;
    private final Authentication buildIdentity;
    private final boolean systemBuildsMayWriteSystemStore;
    private final Supplier<ACLContext> fullVisibility;
    private final Map<CredentialsStore, String> outerStores;

    /**
     * @param fullVisibility opens a context in which the store shows all its credentials (production:
     *     {@code ACL.as2(ACL.SYSTEM2)}); used only to look ids up, never to write
     */
    public StoreCredentialTarget(CredentialsStore store, String storeName, boolean systemStore,
            Authentication buildIdentity, boolean systemBuildsMayWriteSystemStore,
            Supplier<ACLContext> fullVisibility) {
        this(store, storeName, systemStore, buildIdentity, systemBuildsMayWriteSystemStore, fullVisibility, Map.of());
    }

    /**
     * @param outerStores stores further up from the job (name for messages by store); a new credential must not
     *     shadow one of theirs
     */
    public StoreCredentialTarget(CredentialsStore store, String storeName, boolean systemStore,
            Authentication buildIdentity, boolean systemBuildsMayWriteSystemStore,
            Supplier<ACLContext> fullVisibility, Map<CredentialsStore, String> outerStores) {
        this.store = store;
        this.storeName = storeName;
        this.systemStore = systemStore;
        this.buildIdentity = buildIdentity;
        this.systemBuildsMayWriteSystemStore = systemBuildsMayWriteSystemStore;
        this.fullVisibility = fullVisibility;
        this.outerStores = new LinkedHashMap<>(outerStores);
    }

    private static final Supplier<ACLContext> AS_SYSTEM = () -> ACL.as2(ACL.SYSTEM2);
    private static final String SYSTEM_STORE_NAME = "the Jenkins system credentials";

    /** The nearest folder with a credentials store, else the Jenkins system store. */
    public static StoreCredentialTarget forRun(Run<?, ?> run, Authentication buildIdentity,
            boolean systemBuildsMayWriteSystemStore) throws AbortException {
        Map<CredentialsStore, String> candidates = new LinkedHashMap<>();
        ItemGroup<?> group = run.getParent().getParent();
        while (group instanceof Item folder) {
            for (CredentialsStore candidate : CredentialsProvider.lookupStores(folder)) {
                if (candidate.getContext() == folder) {
                    candidates.put(candidate, "the credentials of folder '" + folder.getFullName() + "'");
                    break;
                }
            }
            group = folder.getParent();
        }
        CredentialsStore system = null;
        for (CredentialsStore candidate : CredentialsProvider.lookupStores(Jenkins.get())) {
            if (candidate.getProvider() instanceof SystemCredentialsProvider.ProviderImpl) {
                system = candidate;
                candidates.put(candidate, SYSTEM_STORE_NAME);
                break;
            }
        }
        if (candidates.isEmpty()) {
            throw new AbortException("No credentials store found for " + run.getParent().getFullName()
                    + ": the Credentials plugin's system store is missing.");
        }
        Map.Entry<CredentialsStore, String> nearest = candidates.entrySet().iterator().next();
        Map<CredentialsStore, String> outer = new LinkedHashMap<>(candidates);
        outer.remove(nearest.getKey());
        return new StoreCredentialTarget(nearest.getKey(), nearest.getValue(), nearest.getKey() == system,
                buildIdentity, systemBuildsMayWriteSystemStore, AS_SYSTEM, outer);
    }

    @Override
    public String describe() {
        return storeName;
    }

    @Override
    public void checkWritable(List<String> ids, String owner) throws AbortException {
        if (isSystem(buildIdentity) && systemStore && !systemBuildsMayWriteSystemStore) {
            throw new AbortException("This build runs as SYSTEM and may not write " + storeName + " (credential(s) "
                    + String.join(", ", ids) + "): run the job in a folder, configure Access Control for Builds so "
                    + "it runs as a user, or let an administrator enable 'Allow builds running as SYSTEM to write "
                    + "the system credentials' (iotHubKeyRenewal in JCasC).");
        }
        String who = isSystem(buildIdentity) ? "SYSTEM" : buildIdentity.getName();
        for (String id : ids) {
            // Permission before existence: without any write permission nothing about the store is revealed.
            if (!store.hasPermission2(buildIdentity, CredentialsProvider.CREATE)
                    && !store.hasPermission2(buildIdentity, CredentialsProvider.UPDATE)) {
                throw denied(who, CredentialsProvider.CREATE, "create", id);
            }
            Found existing = find(store, id);
            if (existing == null) {
                refuseShadowing(id);
            }
            if (existing != null && !isOurs(existing.credentials())) {
                throw new AbortException("Credential '" + id + "' already exists in " + storeName
                        + " and was not created by this plugin; choose another id (primaryCredentialsId / "
                        + "secondaryCredentialsId) or remove that credential first.");
            }
            if (existing != null && !belongsTo(existing.credentials(), owner)) {
                // Two jobs pointing at one id for different targets would otherwise overwrite each other's key.
                throw new AbortException("Credential '" + id + "' in " + storeName + " holds a key this plugin"
                        + " renewed for something other than " + owner + " ("
                        + ((StringCredentialsImpl) existing.credentials()).getDescription() + "); choose another id "
                        + "(primaryCredentialsId / secondaryCredentialsId) or remove that credential first.");
            }
            Permission needed = existing == null ? CredentialsProvider.CREATE : CredentialsProvider.UPDATE;
            if (!store.hasPermission2(buildIdentity, needed)) {
                throw denied(who, needed, existing == null ? "create" : "update", id);
            }
        }
    }

    /**
     * A new credential in a folder would silently take the place of an outer one with the same id for every job
     * in that folder: refuse, like replacing a credential this plugin does not own.
     */
    private void refuseShadowing(String id) throws AbortException {
        for (Map.Entry<CredentialsStore, String> outer : outerStores.entrySet()) {
            if (find(outer.getKey(), id) != null) {
                throw new AbortException("Credential '" + id + "' exists in " + outer.getValue() + "; creating it in "
                        + storeName + " would hide that one from every job there: choose another id "
                        + "(primaryCredentialsId / secondaryCredentialsId).");
            }
        }
    }

    private AbortException denied(String who, Permission permission, String verb, String id) {
        return new AbortException("Build identity '" + who + "' lacks Credentials/" + permission.name + " on "
                + storeName + ", needed to " + verb + " credential '" + id + "': grant it to that user, or run the "
                + "build as a user who has it.");
    }

    @Override
    public WriteResult write(String id, String description, KeyMaterial secret) throws IOException {
        StringCredentialsImpl replacement = new StringCredentialsImpl(
                CredentialsScope.GLOBAL, id, description, Secret.fromString(secret.reveal()));
        Found existing = find(store, id);
        if (existing == null) {
            if (!store.addCredentials(Domain.global(), replacement)) {
                throw new IOException("the store did not accept a new credential '" + id + "'");
            }
            return WriteResult.CREATED;
        }
        if (!isOurs(existing.credentials())) {
            throw new IOException("credential '" + id + "' was replaced by one this plugin did not create");
        }
        if (!store.updateCredentials(existing.domain(), existing.credentials(), replacement)) {
            throw new IOException("the store did not update credential '" + id + "'");
        }
        return WriteResult.UPDATED;
    }

    /** Credentials are ours only if they are secret text carrying the ownership marker. */
    static boolean isOurs(Credentials credentials) {
        return credentials instanceof StringCredentialsImpl text
                && text.getDescription().startsWith(KeyRenewalService.OWNERSHIP_MARKER);
    }

    /** Our descriptions end with {@code " of " + owner}; Azure names compare case-insensitively. */
    static boolean belongsTo(Credentials credentials, String owner) {
        String description = ((StringCredentialsImpl) credentials).getDescription();
        String suffix = " of " + owner;
        return description.regionMatches(true, description.length() - suffix.length(), suffix, 0, suffix.length());
    }

    static boolean isSystem(Authentication authentication) {
        // A real user can never be called SYSTEM; comparing the name also catches copies of the token.
        return authentication == ACL.SYSTEM2 || "SYSTEM".equals(authentication.getName());
    }

    private record Found(Domain domain, Credentials credentials) {}

    /** Looks in every domain; reads as SYSTEM because stores hide their content from users without View. */
    private Found find(CredentialsStore where, String id) {
        try (ACLContext ignored = fullVisibility.get()) {
            for (Domain domain : where.getDomains()) {
                for (Credentials c : where.getCredentials(domain)) {
                    if (c instanceof IdCredentials idc && id.equals(idc.getId())) {
                        return new Found(domain, c);
                    }
                }
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "StoreCredentialTarget[" + storeName + "]";
    }
}
