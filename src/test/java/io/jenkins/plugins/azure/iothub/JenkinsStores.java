package io.jenkins.plugins.azure.iothub;

import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsStore;
import com.cloudbees.plugins.credentials.domains.Domain;
import hudson.model.ModelObject;
import hudson.security.ACL;
import hudson.security.ACLContext;
import io.jenkins.plugins.azure.iothub.emulator.FaultRule;
import io.jenkins.plugins.azure.iothub.emulator.IotHubEmulator;
import io.jenkins.plugins.azure.iothub.emulator.SimulatedHub;
import java.io.IOException;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * What the JenkinsRule tests do with a running Jenkins's credentials stores and the emulator: find a context's own
 * store, read a secret text as an administrator would, register the emulator's Azure credential. Runs only inside
 * those tests (it needs a running Jenkins), so it names no test harness class.
 */
final class JenkinsStores {

    /** The id of the emulator's Azure credential in the system store. */
    static final String AZURE_CREDENTIAL = "emu";

    private JenkinsStores() {}

    /** The store whose context is exactly this folder, multibranch project or Jenkins. */
    static CredentialsStore storeOf(ModelObject context) {
        for (CredentialsStore store : CredentialsProvider.lookupStores(context)) {
            if (store.getContext() == context) {
                return store;
            }
        }
        throw new AssertionError("no credentials store for " + context);
    }

    /** The secret text with this id in any domain of the store, as an administrator sees it; null if none. */
    static StringCredentials secretText(CredentialsStore store, String id) {
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
            for (Domain domain : store.getDomains()) {
                for (Credentials c : store.getCredentials(domain)) {
                    if (c instanceof StringCredentials text && text.getId().equals(id)) {
                        return text;
                    }
                }
            }
        }
        return null;
    }

    /** The emulator's hub with this name, added on first use (the emulator outlives each test's Jenkins). */
    static SimulatedHub hub(IotHubEmulator emulator, String subscription, String resourceGroup, String name) {
        return emulator.hubs().stream().anyMatch(h -> h.name().equals(name))
                ? emulator.hub(name)
                : emulator.addHub(subscription, resourceGroup, name);
    }

    /** An Azure credential {@value #AZURE_CREDENTIAL} in the system store that signs in to the emulator. */
    static void addEmulatorCredential(Jenkins jenkins, IotHubEmulator emulator, String subscription)
            throws IOException {
        storeOf(jenkins).addCredentials(Domain.global(), new EmulatorAzureCredentials(AZURE_CREDENTIAL,
                emulator.armEndpoint(), subscription, emulator.tokenCredential()));
    }

    /** Waits up to 10 s for an injected fault to fire; returns how often it did. */
    static int awaitFired(FaultRule rule) throws InterruptedException {
        for (int i = 0; i < 200 && rule.fired() == 0; i++) {
            Thread.sleep(50);
        }
        return rule.fired();
    }
}
