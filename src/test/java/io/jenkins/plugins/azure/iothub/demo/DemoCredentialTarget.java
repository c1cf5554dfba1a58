package io.jenkins.plugins.azure.iothub.demo;

import io.jenkins.plugins.azure.iothub.CredentialOwner;
import io.jenkins.plugins.azure.iothub.CredentialTarget;
import io.jenkins.plugins.azure.iothub.engine.KeyMaterial;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stands in for a Jenkins credentials store: remembers what was written and says which secret-text credential a
 * real build would create or update. It prints ids, descriptions and fingerprints, never the secret.
 */
final class DemoCredentialTarget implements CredentialTarget {

    private final Map<String, KeyMaterial> credentials = new LinkedHashMap<>();
    private final Map<String, String> descriptions = new LinkedHashMap<>();
    private final PrintStream out;

    DemoCredentialTarget(PrintStream out) {
        this.out = out;
    }

    @Override
    public String describe() {
        return "the demo's in-memory credential store";
    }

    @Override
    public void checkWritable(List<String> ids, CredentialOwner owner) {
        // Jenkins checks Credentials/Create or Update here; the demo's store accepts every id.
    }

    @Override
    public WriteResult write(String id, CredentialOwner owner, String description, KeyMaterial secret) {
        WriteResult result = credentials.containsKey(id) ? WriteResult.UPDATED : WriteResult.CREATED;
        credentials.put(id, secret);
        descriptions.put(id, description);
        out.println("    [credential store] " + (result == WriteResult.CREATED ? "create" : "update")
                + " secret text '" + id + "': " + description);
        return result;
    }

    @Override
    public Stored read(String id, CredentialOwner owner) {
        return credentials.containsKey(id) ? new Stored(descriptions.get(id), credentials.get(id)) : null;
    }

    /** The value a build would have put into the credential, for the demo's own checks. */
    KeyMaterial stored(String id) {
        return credentials.get(id);
    }
}
