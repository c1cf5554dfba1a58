package io.jenkins.plugins.azure.iothub;

import hudson.AbortException;
import io.jenkins.plugins.azure.iothub.engine.KeyMaterial;
import java.io.IOException;
import java.util.List;

/** Where renewed keys are stored as Jenkins secret-text credentials. */
public interface CredentialTarget {

    /** Outcome of one write. */
    enum WriteResult {
        CREATED,
        UPDATED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Safe to print: the store, e.g. {@code the credentials of folder 'team-a'}. */
    String describe();

    /**
     * Proves, before anything is sent to Azure, that every id may be written by this build.
     *
     * @param owner what the keys belong to: an existing credential this plugin wrote for another policy, device or
     *     module is not replaced
     * @throws AbortException one line naming the id and what to do, when any id may not be written
     */
    void checkWritable(List<String> ids, CredentialOwner owner) throws AbortException;

    /**
     * Creates or updates the credential, checking again, in the same critical section as the write, that it may
     * (another build may have written the id since {@link #checkWritable}). The secret leaves {@link KeyMaterial}
     * only inside this call.
     *
     * @throws IOException when the store refuses, the credential now belongs to someone else, or it cannot be saved
     */
    WriteResult write(String id, CredentialOwner owner, String description, KeyMaterial secret) throws IOException;

    /** What a credential this plugin wrote holds: its description (which a rotation's phase is part of) and value. */
    record Stored(String description, KeyMaterial secret) {
        @Override
        public String toString() {
            return "Stored[" + description + "]"; // never the secret
        }
    }

    /**
     * The credential with this id, read as the build identity after {@link #checkWritable} allowed it.
     *
     * @return null when the store has no credential with this id
     * @throws AbortException when the id belongs to something else, by the same rules as {@link #checkWritable}
     */
    Stored read(String id, CredentialOwner owner) throws AbortException;

    /**
     * Like {@link #write}, for a Secret file credential holding {@code content} as the file {@code fileName}: the
     * same permission and ownership rules (only a file this plugin wrote for the same owner is replaced).
     */
    default WriteResult writeFile(String id, CredentialOwner owner, String description, String fileName,
            KeyMaterial content) throws IOException {
        throw new IOException(describe() + " cannot hold Secret file credentials");
    }

    /** Like {@link #read}, for a Secret file credential this plugin wrote: its description and content. */
    default Stored readFile(String id, CredentialOwner owner) throws AbortException {
        return null;
    }

    /** The descriptions of every credential this plugin wrote in the store, as the build identity sees it. */
    default List<String> ownedDescriptions() {
        return List.of();
    }
}
