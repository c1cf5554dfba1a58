package io.jenkins.plugins.azure.iothub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import hudson.AbortException;
import hudson.util.Secret;
import io.jenkins.plugins.azure.iothub.engine.KeyMaterial;
import io.jenkins.plugins.azure.iothub.jenkins.StoreCredentialTarget;
import java.io.IOException;
import java.util.List;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

class StoreCredentialTargetTest {

    private static final String OWNER = "policy 'p' on hub 'h'";
    private static final String OURS = KeyRenewalService.OWNERSHIP_MARKER + ": primary key of " + OWNER;
    private static final Authentication ALICE = new UsernamePasswordAuthenticationToken("alice", "pw");
    private static final Authentication SYSTEM = new UsernamePasswordAuthenticationToken("SYSTEM", "SYSTEM");

    private final InMemoryCredentialsStore store = new InMemoryCredentialsStore();

    private StoreCredentialTarget folderTarget(Authentication who) {
        return new StoreCredentialTarget(store, "the credentials of folder 'team'", false, who, false, () -> null);
    }

    private StoreCredentialTarget systemTarget(Authentication who, boolean allowSystem) {
        return new StoreCredentialTarget(store, "the Jenkins system credentials", true, who, allowSystem, () -> null);
    }

    private static String secretOf(InMemoryCredentialsStore store, String id) {
        return ((StringCredentials) store.byId(id)).getSecret().getPlainText();
    }

    @Test
    void createsANewSecretTextCredentialWithTheOwnershipMarker() throws Exception {
        store.grant("alice", CredentialsProvider.CREATE);
        StoreCredentialTarget target = folderTarget(ALICE);
        target.checkWritable(List.of("iothub-h-p-primary"), OWNER);

        assertEquals(CredentialTarget.WriteResult.CREATED,
                target.write("iothub-h-p-primary", OURS, KeyMaterial.of("new-key-1")));

        StringCredentialsImpl stored = (StringCredentialsImpl) store.byId("iothub-h-p-primary");
        assertEquals("new-key-1", stored.getSecret().getPlainText());
        assertEquals(CredentialsScope.GLOBAL, stored.getScope());
        assertTrue(stored.getDescription().startsWith(KeyRenewalService.OWNERSHIP_MARKER));
    }

    @Test
    void updatesACredentialItCreatedEarlier() throws Exception {
        store.put(new StringCredentialsImpl(CredentialsScope.GLOBAL, "cs", OURS, Secret.fromString("old")));
        store.grant("alice", CredentialsProvider.UPDATE);
        StoreCredentialTarget target = folderTarget(ALICE);
        target.checkWritable(List.of("cs"), OWNER);

        assertEquals(CredentialTarget.WriteResult.UPDATED, target.write("cs", OURS, KeyMaterial.of("new")));
        assertEquals("new", secretOf(store, "cs"));
        assertEquals(1, store.writes());
    }

    @Test
    void refusesACredentialItRenewedForAnotherPolicy() {
        String otherHubs = KeyRenewalService.OWNERSHIP_MARKER + ": primary key of policy 'p' on hub 'other-hub'";
        store.put(new StringCredentialsImpl(CredentialsScope.GLOBAL, "cs", otherHubs, Secret.fromString("old")));
        store.grant("alice", CredentialsProvider.CREATE, CredentialsProvider.UPDATE);

        AbortException e = assertThrows(AbortException.class,
                () -> folderTarget(ALICE).checkWritable(List.of("cs"), OWNER));

        assertTrue(e.getMessage().contains("'cs'") && e.getMessage().contains("other-hub"), e.getMessage());
        assertEquals("old", secretOf(store, "cs"));
        assertEquals(0, store.writes());
    }

    @Test
    void recognisesItsOwnCredentialWhateverTheCaseOfTheNames() throws Exception {
        store.put(new StringCredentialsImpl(CredentialsScope.GLOBAL, "cs", OURS, Secret.fromString("old")));
        store.grant("alice", CredentialsProvider.UPDATE);

        folderTarget(ALICE).checkWritable(List.of("cs"), "policy 'P' on hub 'H'");
    }

    @Test
    void refusesAForeignCredentialWithTheSameId() {
        store.put(new StringCredentialsImpl(CredentialsScope.GLOBAL, "deploy", "hand made", Secret.fromString("x")));
        store.grant("alice", CredentialsProvider.CREATE, CredentialsProvider.UPDATE);

        AbortException e = assertThrows(AbortException.class,
                () -> folderTarget(ALICE).checkWritable(List.of("deploy"), OWNER));
        assertTrue(e.getMessage().contains("'deploy' already exists"), e.getMessage());
        assertTrue(e.getMessage().contains("not created by this plugin"), e.getMessage());
        assertEquals("x", secretOf(store, "deploy"));
    }

    @Test
    void refusesToReplaceAForeignCredentialEvenIfCalledWithoutTheCheck() {
        store.put(new StringCredentialsImpl(CredentialsScope.GLOBAL, "deploy", "hand made", Secret.fromString("x")));
        store.grant("alice", CredentialsProvider.CREATE, CredentialsProvider.UPDATE);

        assertThrows(IOException.class, () -> folderTarget(ALICE).write("deploy", OURS, KeyMaterial.of("y")));
        assertEquals("x", secretOf(store, "deploy"));
    }

    @Test
    void userWithoutCreateIsRefusedBeforeAnythingIsWritten() {
        AbortException e = assertThrows(AbortException.class,
                () -> folderTarget(ALICE).checkWritable(List.of("iothub-h-p-primary"), OWNER));
        assertTrue(e.getMessage().contains("'alice' lacks Credentials/Create"), e.getMessage());
        assertTrue(e.getMessage().contains("'iothub-h-p-primary'"), e.getMessage());
        assertEquals(0, store.writes());
    }

    @Test
    void createIsNotEnoughToUpdate() {
        store.put(new StringCredentialsImpl(CredentialsScope.GLOBAL, "cs", OURS, Secret.fromString("old")));
        store.grant("alice", CredentialsProvider.CREATE);

        AbortException e = assertThrows(AbortException.class, () -> folderTarget(ALICE).checkWritable(List.of("cs"), OWNER));
        assertTrue(e.getMessage().contains("lacks Credentials/Update"), e.getMessage());
    }

    @Test
    void updateIsNotEnoughToCreate() {
        store.grant("alice", CredentialsProvider.UPDATE);

        AbortException e = assertThrows(AbortException.class, () -> folderTarget(ALICE).checkWritable(List.of("new"), OWNER));
        assertTrue(e.getMessage().contains("lacks Credentials/Create"), e.getMessage());
    }

    @Test
    void systemBuildMayNotWriteTheSystemStoreByDefault() {
        AbortException e = assertThrows(AbortException.class,
                () -> systemTarget(SYSTEM, false).checkWritable(List.of("cs"), OWNER));
        assertTrue(e.getMessage().contains("runs as SYSTEM"), e.getMessage());
        assertTrue(e.getMessage().contains("iotHubKeyRenewal"), e.getMessage());
    }

    @Test
    void systemBuildMayWriteTheSystemStoreWhenTheAdministratorAllowedIt() throws Exception {
        StoreCredentialTarget target = systemTarget(SYSTEM, true);
        target.checkWritable(List.of("cs"), OWNER);
        assertEquals(CredentialTarget.WriteResult.CREATED, target.write("cs", OURS, KeyMaterial.of("k")));
    }

    @Test
    void systemBuildMayWriteItsFolderStore() throws Exception {
        StoreCredentialTarget target = folderTarget(SYSTEM);
        target.checkWritable(List.of("cs"), OWNER);
        assertEquals(CredentialTarget.WriteResult.CREATED, target.write("cs", OURS, KeyMaterial.of("k")));
    }

    @Test
    void userBuildWithPermissionMayWriteTheSystemStoreWithoutTheAdministratorSwitch() throws Exception {
        store.grant("alice", CredentialsProvider.CREATE);
        StoreCredentialTarget target = systemTarget(ALICE, false);
        target.checkWritable(List.of("cs"), OWNER);
        assertEquals(CredentialTarget.WriteResult.CREATED, target.write("cs", OURS, KeyMaterial.of("k")));
    }

    @Test
    void aStoreFailureIsAnIOException() {
        store.grant("alice", CredentialsProvider.CREATE);
        store.failWrites("disk full");
        IOException e = assertThrows(IOException.class,
                () -> folderTarget(ALICE).write("cs", OURS, KeyMaterial.of("k")));
        assertEquals("disk full", e.getMessage());
        assertNull(store.byId("cs"));
    }

    @Test
    void describeAndToStringNameTheStoreOnly() {
        StoreCredentialTarget target = folderTarget(ALICE);
        assertEquals("the credentials of folder 'team'", target.describe());
        assertTrue(target.toString().contains("folder 'team'"));
    }

    @Test
    void aNewCredentialMayNotShadowOneInAnOuterStore() {
        InMemoryCredentialsStore system = new InMemoryCredentialsStore();
        system.put(new StringCredentialsImpl(CredentialsScope.GLOBAL, "deploy", "hand made", Secret.fromString("x")));
        store.grant("alice", CredentialsProvider.CREATE);
        StoreCredentialTarget target = new StoreCredentialTarget(store, "the credentials of folder 'team'", false,
                ALICE, false, () -> null, java.util.Map.of(system, "the Jenkins system credentials"));

        AbortException e = assertThrows(AbortException.class, () -> target.checkWritable(List.of("deploy"), OWNER));
        assertEquals("Credential 'deploy' exists in the Jenkins system credentials; creating it in the credentials of "
                + "folder 'team' would hide that one from every job there: choose another id "
                + "(primaryCredentialsId / secondaryCredentialsId).", e.getMessage());
        assertEquals(0, store.writes());
    }

    @Test
    void anOwnedCredentialInTheNearestStoreIsUpdatedWhateverTheOuterStoresHold() throws Exception {
        InMemoryCredentialsStore system = new InMemoryCredentialsStore();
        system.put(new StringCredentialsImpl(CredentialsScope.GLOBAL, "cs", OURS, Secret.fromString("outer")));
        store.put(new StringCredentialsImpl(CredentialsScope.GLOBAL, "cs", OURS, Secret.fromString("old")));
        store.grant("alice", CredentialsProvider.UPDATE);
        StoreCredentialTarget target = new StoreCredentialTarget(store, "the credentials of folder 'team'", false,
                ALICE, false, () -> null, java.util.Map.of(system, "the Jenkins system credentials"));

        target.checkWritable(List.of("cs"), OWNER);
        assertEquals(CredentialTarget.WriteResult.UPDATED, target.write("cs", OURS, KeyMaterial.of("new")));
        assertEquals("new", secretOf(store, "cs"));
        assertEquals("outer", secretOf(system, "cs"));
    }

    @Test
    void aCredentialOfAnotherTypeIsForeignEvenWithTheMarker() {
        store.put(new com.cloudbees.plugins.credentials.impl.BaseStandardCredentials(
                CredentialsScope.GLOBAL, "cs", OURS) {});
        store.grant("alice", CredentialsProvider.CREATE, CredentialsProvider.UPDATE);

        AbortException e = assertThrows(AbortException.class, () -> folderTarget(ALICE).checkWritable(List.of("cs"), OWNER));
        assertTrue(e.getMessage().contains("not created by this plugin"), e.getMessage());
    }
}
