package io.jenkins.plugins.azure.iothub.jenkins;

import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.CredentialsStore;
import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.domains.Domain;
import hudson.AbortException;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.security.Permission;
import hudson.util.Secret;
import io.jenkins.plugins.azure.iothub.CredentialOwner;
import io.jenkins.plugins.azure.iothub.CredentialTarget;
import io.jenkins.plugins.azure.iothub.KeyRenewalService;
import com.cloudbees.plugins.credentials.SecretBytes;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import io.jenkins.plugins.azure.iothub.engine.KeyMaterial;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.jenkinsci.plugins.plaincredentials.impl.FileCredentialsImpl;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.springframework.security.core.Authentication;

/**
 * Writes secret-text credentials (and a fleet's Secret file) into one {@link CredentialsStore}, as the build's
 * identity. The rules
 * (docs/security.md has them as a table):
 * <ul>
 *   <li>SYSTEM writes nowhere unless an administrator allowed it for this store;</li>
 *   <li>the identity needs Credentials/View on the store (to find the id), and Create for a new id or Update for
 *       an existing one; the store checks the same again, as the current thread's identity, when it writes;</li>
 *   <li>only a secret text (or Secret file) this plugin wrote for the same target is replaced, in its domain and with
 *       its scope;</li>
 *   <li>a new id must not be one the job already resolves from another store (it would hide it, or be hidden).</li>
 * </ul>
 */
public final class StoreCredentialTarget implements CredentialTarget {

    /** One lock for every write of this plugin: the ownership check and the write happen as one step. */
    private static final Object WRITE_LOCK = new Object();

    private final CredentialsStore store;
    private final String storeName;
    private final Authentication buildIdentity;
    private final boolean systemAllowedHere;
    private final Predicate<String> resolvedElsewhere;
    private final OptionNames options;

    /**
     * @param systemAllowedHere whether an administrator allowed builds running as SYSTEM to write this store
     * @param resolvedElsewhere whether the job already resolves an id, as its build identity may, from a store other
     *     than this one; asked only for ids this store does not hold
     * @param options how messages name the options that fix a refusal
     */
    public StoreCredentialTarget(CredentialsStore store, String storeName, Authentication buildIdentity,
            boolean systemAllowedHere, Predicate<String> resolvedElsewhere, OptionNames options) {
        this.store = store;
        this.storeName = storeName;
        this.buildIdentity = buildIdentity;
        this.systemAllowedHere = systemAllowedHere;
        this.resolvedElsewhere = resolvedElsewhere;
        this.options = options;
    }

    @Override
    public String describe() {
        return storeName;
    }

    /** Who writes: {@code SYSTEM} or the user name of the build's identity. */
    public String writer() {
        return isSystem(buildIdentity) ? "SYSTEM" : buildIdentity.getName();
    }

    @Override
    public void checkWritable(List<String> ids, CredentialOwner owner) throws AbortException {
        if (isSystem(buildIdentity) && !systemAllowedHere) {
            throw new AbortException("This build runs as SYSTEM, which may not write " + storeName + " (credential(s) "
                    + String.join(", ", ids) + "): configure Access Control for Builds (for example with the "
                    + "Authorize Project plugin) so that this job runs as a user with Credentials/Create and Update "
                    + "there, or let an administrator allow it under Manage Jenkins > System > Azure IoT Hub key "
                    + "renewal.");
        }
        for (String id : ids) {
            // Permission before existence: an identity that may not write learns nothing about the store.
            if (!may(CredentialsProvider.CREATE) && !may(CredentialsProvider.UPDATE)) {
                throw denied(CredentialsProvider.CREATE, "create", id);
            }
            if (!may(CredentialsProvider.VIEW)) {
                throw denied(CredentialsProvider.VIEW, "look up", id);
            }
            Found existing = findOwned(id, owner);
            if (existing == null && resolvedElsewhere.test(id)) {
                throw new AbortException("Credential '" + id + "' already reaches this job from another credentials "
                        + "store; creating it in " + storeName + " too would leave jobs using one or the other: "
                        + "choose another id (" + options.credentialIds() + "), or write where it is ("
                        + options.credentialsFolder() + ").");
            }
            Permission needed = existing == null ? CredentialsProvider.CREATE : CredentialsProvider.UPDATE;
            if (!may(needed)) {
                throw denied(needed, existing == null ? "create" : "update", id);
            }
        }
    }

    @Override
    public WriteResult write(String id, CredentialOwner owner, String description, KeyMaterial secret)
            throws IOException {
        return put(id, owner, scope -> new StringCredentialsImpl(scope, id, description,
                Secret.fromString(secret.reveal())));
    }

    @Override
    public WriteResult writeFile(String id, CredentialOwner owner, String description, String fileName,
            KeyMaterial content) throws IOException {
        return put(id, owner, scope -> new FileCredentialsImpl(scope, id, description, fileName,
                SecretBytes.fromRawBytes(content.reveal().getBytes(StandardCharsets.UTF_8))));
    }

    private WriteResult put(String id, CredentialOwner owner,
            java.util.function.Function<CredentialsScope, StandardCredentials> credential) throws IOException {
        synchronized (WRITE_LOCK) {
            // The store checks Create/Update against the current thread's identity: make that the build's.
            try (ACLContext ignored = ACL.as2(buildIdentity)) {
                Found existing = findOwned(id, owner);
                if (existing == null) {
                    if (!store.addCredentials(Domain.global(), credential.apply(CredentialsScope.GLOBAL))) {
                        throw new IOException("the store did not accept a new credential '" + id + "'");
                    }
                    return WriteResult.CREATED;
                }
                // Same domain and scope: an administrator who narrowed it to System keeps it narrowed.
                StandardCredentials replacement = credential.apply(existing.credentials().getScope());
                if (replacement.getClass() != existing.credentials().getClass()) {
                    throw new IOException("credential '" + id + "' is a " + kind(existing.credentials())
                            + "; choose another id (" + options.credentialIds() + ")");
                }
                if (!store.updateCredentials(existing.domain(), existing.credentials(), replacement)) {
                    throw new IOException("the store did not update credential '" + id + "'");
                }
                return WriteResult.UPDATED;
            }
        }
    }

    private static String kind(Credentials credentials) {
        return credentials instanceof FileCredentialsImpl ? "Secret file" : "secret text";
    }

    @Override
    public Stored readFile(String id, CredentialOwner owner) throws AbortException {
        Found found = findOwned(id, owner);
        if (found == null) {
            return null;
        }
        if (!(found.credentials() instanceof FileCredentialsImpl file)) {
            throw new AbortException("Credential '" + id + "' in " + storeName + " is a secret text, not the Secret"
                    + " file of " + owner.describe() + "; choose another id (" + options.credentialIds() + ").");
        }
        try (InputStream in = file.getContent()) {
            return new Stored(file.getDescription(), KeyMaterial.of(new String(in.readAllBytes(),
                    StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new AbortException("Cannot read Secret file credential '" + id + "' in " + storeName + " ("
                    + e.getClass().getSimpleName() + "); delete it or choose another id.");
        }
    }

    @Override
    public List<String> ownedDescriptions() {
        List<String> descriptions = new ArrayList<>();
        try (ACLContext ignored = ACL.as2(buildIdentity)) {
            for (Domain domain : store.getDomains()) {
                for (Credentials c : store.getCredentials(domain)) {
                    if (isOurs(c)) {
                        descriptions.add(((StandardCredentials) c).getDescription());
                    }
                }
            }
        }
        return descriptions;
    }

    @Override
    public Stored read(String id, CredentialOwner owner) throws AbortException {
        Found found = findOwned(id, owner);
        if (found == null) {
            return null;
        }
        if (!(found.credentials() instanceof StringCredentialsImpl text)) {
            throw new AbortException("Credential '" + id + "' in " + storeName + " is a Secret file, not a secret"
                    + " text; choose another id (" + options.credentialIds() + ").");
        }
        return new Stored(text.getDescription(), KeyMaterial.of(text.getSecret().getPlainText()));
    }

    /**
     * @return the credential with this id if this plugin wrote it for this owner, null if the store has no such id
     * @throws AbortException when the id is taken by anything else, or held in several domains
     */
    private Found findOwned(String id, CredentialOwner owner) throws AbortException {
        List<Found> found = find(id);
        if (found.isEmpty()) {
            return null;
        }
        if (found.size() > 1) {
            throw new AbortException("Credential '" + id + "' exists in " + found.size() + " domains of " + storeName
                    + ", so it is not clear which one consumers use: delete all but one, or choose another id ("
                    + options.credentialIds() + ").");
        }
        Credentials credentials = found.get(0).credentials();
        if (!isOurs(credentials)) {
            throw new AbortException("Credential '" + id + "' already exists in " + storeName
                    + " and was not created by this plugin; choose another id (" + options.credentialIds()
                    + ") or remove that credential first.");
        }
        String description = ((StandardCredentials) credentials).getDescription();
        if (!owner.owns(description)) {
            // Two jobs pointing at one id for different targets would otherwise overwrite each other's key.
            throw new AbortException("Credential '" + id + "' in " + storeName + " holds a key this plugin renewed "
                    + "for something other than " + owner.describe() + " (" + description + "); choose another id ("
                    + options.credentialIds() + ") or remove that credential first.");
        }
        return found.get(0);
    }

    private boolean may(Permission permission) {
        return store.hasPermission2(buildIdentity, permission);
    }

    private AbortException denied(Permission permission, String verb, String id) {
        return new AbortException("Build identity '" + writer() + "' lacks Credentials/" + permission.name + " on "
                + storeName + ", needed to " + verb + " credential '" + id + "': grant it to that user, or run the "
                + "build as a user who has it.");
    }

    /** Credentials are ours only if they are secret text or a Secret file carrying the ownership marker. */
    static boolean isOurs(Credentials credentials) {
        return (credentials instanceof StringCredentialsImpl || credentials instanceof FileCredentialsImpl)
                && String.valueOf(((StandardCredentials) credentials).getDescription())
                        .startsWith(KeyRenewalService.OWNERSHIP_MARKER);
    }

    static boolean isSystem(Authentication authentication) {
        // ACL.SYSTEM2's equals compares name and password, so a copy of the token is SYSTEM too.
        return ACL.SYSTEM2.equals(authentication);
    }

    private record Found(Domain domain, Credentials credentials) {}

    /** Every domain, as the build identity sees the store (stores hide their content from identities without View). */
    private List<Found> find(String id) {
        List<Found> found = new ArrayList<>();
        try (ACLContext ignored = ACL.as2(buildIdentity)) {
            for (Domain domain : store.getDomains()) {
                for (Credentials c : store.getCredentials(domain)) {
                    if (c instanceof IdCredentials idc && id.equals(idc.getId())) {
                        found.add(new Found(domain, c));
                    }
                }
            }
        }
        return found;
    }

    @Override
    public String toString() {
        return "StoreCredentialTarget[" + storeName + "]";
    }
}
