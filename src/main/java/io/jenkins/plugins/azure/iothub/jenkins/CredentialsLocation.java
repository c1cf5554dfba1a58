package io.jenkins.plugins.azure.iothub.jenkins;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsStore;
import com.cloudbees.plugins.credentials.common.IdCredentials;
import hudson.AbortException;
import hudson.model.Item;
import hudson.model.ItemGroup;
import hudson.model.Job;
import hudson.model.ModelObject;
import hudson.model.Run;
import hudson.security.ACL;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.Jenkins;
import org.springframework.security.core.Authentication;

/**
 * Which credentials store a build writes: by default the store of the folder that holds the job (every folder,
 * and every multibranch project, has one), or the Jenkins system credentials for a job at the top level;
 * {@code credentialsFolder} may name an enclosing folder instead, or {@code /} for the system credentials.
 */
public final class CredentialsLocation {

    /** The {@code credentialsFolder} value that means the Jenkins system credentials. */
    public static final String SYSTEM = "/";

    private CredentialsLocation() {}

    /** Who may make a SYSTEM build write where: the administrator's choice, per store. */
    public interface SystemWriteOptIn {
        boolean systemStore();

        boolean folder(String fullName);
    }

    public static StoreCredentialTarget forRun(Run<?, ?> run, Authentication buildIdentity, String credentialsFolder,
            SystemWriteOptIn optIn, OptionNames options) throws AbortException {
        Job<?, ?> job = run.getParent();
        ItemGroup<?> context = chosen(job, credentialsFolder, options);
        for (ItemGroup<?> group = context; ; group = ((Item) group).getParent()) {
            CredentialsStore store = storeOf(group);
            if (store != null) {
                boolean system = group == Jenkins.get();
                String name = system ? "the Jenkins system credentials"
                        : "the credentials of folder '" + ((Item) group).getFullName() + "'";
                boolean allowed = system ? optIn.systemStore() : optIn.folder(((Item) group).getFullName());
                return new StoreCredentialTarget(store, name, buildIdentity, allowed,
                        id -> resolvedByJob(run, buildIdentity, id), options);
            }
            if (!(group instanceof Item)) {
                // Jenkins always has the credentials plugin's system store; this is a broken installation.
                throw new AbortException("No credentials store found for job '" + job.getFullName()
                        + "': is the Credentials plugin installed and enabled?");
            }
        }
    }

    private static ItemGroup<?> chosen(Job<?, ?> job, String credentialsFolder, OptionNames options)
            throws AbortException {
        if (credentialsFolder == null) {
            return job.getParent();
        }
        if (SYSTEM.equals(credentialsFolder)) {
            return Jenkins.get();
        }
        List<String> enclosing = new ArrayList<>();
        for (ItemGroup<?> group = job.getParent(); group instanceof Item folder; group = folder.getParent()) {
            if (folder.getFullName().equalsIgnoreCase(credentialsFolder)) { // item names ignore case in Jenkins
                return group;
            }
            enclosing.add(folder.getFullName());
        }
        throw new AbortException(options.credentialsFolder() + " '" + credentialsFolder + "' is not a folder that holds job '"
                + job.getFullName() + "': use the full name of one of its folders"
                + (enclosing.isEmpty() ? "" : " (" + String.join(", ", enclosing) + ")")
                + ", '/' for the Jenkins system credentials, or leave it empty for the job's own folder.");
    }

    /** The store whose context is exactly this group (lookupStores also lists the stores further up). */
    private static CredentialsStore storeOf(ModelObject group) {
        for (CredentialsStore store : CredentialsProvider.lookupStores(group)) {
            if (store.getContext() == group) {
                return store;
            }
        }
        return null;
    }

    /**
     * Whether the job already resolves this id, the way {@code CredentialsProvider.findCredentialById} resolves it
     * for a build: as the build's identity, then as SYSTEM if that identity has Credentials/UseItem on the run
     * (credentials-plugin@1502.v5c95e620ddfe:src/main/java/com/cloudbees/plugins/credentials/CredentialsProvider.java).
     * Only what the build could use anyway is consulted, so the answer reveals nothing else.
     */
    static boolean resolvedByJob(Run<?, ?> run, Authentication identity, String id) {
        Item job = run.getParent();
        if (CredentialsProvider.findCredentialByIdInItem(id, IdCredentials.class, job, identity, List.of()) != null) {
            return true;
        }
        return !ACL.SYSTEM2.equals(identity) && run.hasPermission2(identity, CredentialsProvider.USE_ITEM)
                && CredentialsProvider.findCredentialByIdInItem(id, IdCredentials.class, job, ACL.SYSTEM2,
                        List.of()) != null;
    }
}
