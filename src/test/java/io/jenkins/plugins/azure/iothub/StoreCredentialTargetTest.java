package io.jenkins.plugins.azure.iothub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.domains.Domain;
import hudson.AbortException;
import hudson.security.ACL;
import hudson.security.AccessDeniedException3;
import hudson.security.Permission;
import hudson.util.Secret;
import io.jenkins.plugins.azure.iothub.engine.KeyMaterial;
import io.jenkins.plugins.azure.iothub.jenkins.OptionNames;
import io.jenkins.plugins.azure.iothub.jenkins.StoreCredentialTarget;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * The credential-writing rules of docs/security.md, row by row, against models of the real folder and system
 * stores ({@link ModelCredentialsProvider}). The same rows run in real Jenkins in
 * {@code CredentialWritingJenkinsTest}.
 */
class StoreCredentialTargetTest {

    private static final Authentication ALICE = new UsernamePasswordAuthenticationToken("alice", "pw");
    private static final Permission VIEW = CredentialsProvider.VIEW;
    private static final Permission CREATE = CredentialsProvider.CREATE;
    private static final Permission UPDATE = CredentialsProvider.UPDATE;

    private static final CredentialOwner POLICY = owner("h", "p", null, null);
    private static final String OURS = description("primary", POLICY);

    private final ModelCredentialsProvider.Store folder = ModelCredentialsProvider.folder("team");
    private final ModelCredentialsProvider.Store system = ModelCredentialsProvider.system();
    private final List<String> askedElsewhere = new ArrayList<>();

    private static CredentialOwner owner(String hub, String policy, String device, String module) {
        RenewKeyConfig config = new RenewKeyConfig(hub, "primary");
        config.setPolicy(policy);
        config.setDevice(device);
        config.setModule(module);
        return CredentialOwner.of(config);
    }

    private static String description(String slot, CredentialOwner owner) {
        return KeyRenewalService.OWNERSHIP_MARKER + ": " + slot + " key of " + owner.describe();
    }

    private StoreCredentialTarget target(ModelCredentialsProvider.Store store, Authentication who,
            boolean systemAllowed, boolean resolvedElsewhere) {
        String name = store == system ? "the Jenkins system credentials" : "the credentials of folder 'team'";
        return new StoreCredentialTarget(store, name, who, systemAllowed, id -> {
            askedElsewhere.add(id);
            return resolvedElsewhere;
        }, OptionNames.PIPELINE);
    }

    private StoreCredentialTarget folderAs(Authentication who) {
        return target(folder, who, false, false);
    }

    private static StringCredentialsImpl secretText(CredentialsScope scope, String id, String description,
            String value) {
        return new StringCredentialsImpl(scope, id, description, Secret.fromString(value));
    }

    private static String secretOf(ModelCredentialsProvider.Store store, String id) {
        return ((StringCredentials) store.byId(id)).getSecret().getPlainText();
    }

    private static AbortException refused(StoreCredentialTarget target, String id, CredentialOwner owner) {
        return assertThrows(AbortException.class, () -> target.checkWritable(List.of(id), owner));
    }

    // --- who: SYSTEM ---

    @Test
    void systemWritesNoFolderStoreUnlessAnAdministratorAllowedIt() {
        AbortException e = refused(folderAs(ACL.SYSTEM2), "cs", POLICY);

        assertTrue(e.getMessage().startsWith("This build runs as SYSTEM, which may not write the credentials of "
                + "folder 'team' (credential(s) cs): configure Access Control for Builds"), e.getMessage());
        assertEquals(0, folder.saves());
    }

    @Test
    void systemWritesNoSystemStoreUnlessAnAdministratorAllowedIt() {
        AbortException e = refused(target(system, ACL.SYSTEM2, false, false), "cs", POLICY);
        assertTrue(e.getMessage().contains("may not write the Jenkins system credentials"), e.getMessage());
    }

    @Test
    void aCopyOfTheSystemTokenIsSystemToo() {
        Authentication copy = new UsernamePasswordAuthenticationToken("SYSTEM", "SYSTEM");
        assertTrue(refused(folderAs(copy), "cs", POLICY).getMessage().contains("runs as SYSTEM"));
    }

    @Test
    void systemWritesWhereAnAdministratorAllowedIt() throws Exception {
        StoreCredentialTarget target = target(folder, ACL.SYSTEM2, true, false);
        target.checkWritable(List.of("cs"), POLICY);
        assertEquals(CredentialTarget.WriteResult.CREATED, target.write("cs", POLICY, OURS, KeyMaterial.of("k1")));
        assertEquals(CredentialTarget.WriteResult.UPDATED, target.write("cs", POLICY, OURS, KeyMaterial.of("k2")));
        assertEquals("k2", secretOf(folder, "cs"));
        assertEquals("SYSTEM", target.writer());
    }

    // --- who: a user (Access Control for Builds) ---

    @Test
    void aUserWithoutWritePermissionLearnsNothingAboutTheStore() {
        folder.grant("alice", VIEW).put(secretText(CredentialsScope.GLOBAL, "cs", "hand made", "x"));

        AbortException e = refused(folderAs(ALICE), "cs", POLICY);

        assertEquals("Build identity 'alice' lacks Credentials/Create on the credentials of folder 'team', needed to "
                + "create credential 'cs': grant it to that user, or run the build as a user who has it.",
                e.getMessage());
    }

    @Test
    void aUserWithoutViewCannotFindTheIdSoIsRefused() {
        folder.grant("alice", CREATE, UPDATE);
        AbortException e = refused(folderAs(ALICE), "cs", POLICY);
        assertTrue(e.getMessage().contains("lacks Credentials/View"), e.getMessage());
        assertTrue(e.getMessage().contains("needed to look up credential 'cs'"), e.getMessage());
    }

    @Test
    void theStoreShowsItsCredentialsOnlyToIdentitiesWithView() {
        folder.grant("alice", CREATE).put(secretText(CredentialsScope.GLOBAL, "cs", OURS, "old"));
        assertEquals(List.of(), folder.getCredentialsAs(ALICE, Domain.global()));
        folder.grant("alice", VIEW);
        assertEquals(1, folder.getCredentialsAs(ALICE, Domain.global()).size());
    }

    @Test
    void createIsNeededForANewId() {
        folder.grant("alice", VIEW, UPDATE);
        assertTrue(refused(folderAs(ALICE), "new", POLICY).getMessage().contains("lacks Credentials/Create"));
    }

    @Test
    void updateIsNeededForAnExistingId() {
        folder.grant("alice", VIEW, CREATE).put(secretText(CredentialsScope.GLOBAL, "cs", OURS, "old"));
        AbortException e = refused(folderAs(ALICE), "cs", POLICY);
        assertTrue(e.getMessage().contains("lacks Credentials/Update"), e.getMessage());
        assertTrue(e.getMessage().contains("needed to update credential 'cs'"), e.getMessage());
    }

    @Test
    void aUserWithViewAndCreateCreatesASecretTextMarkedAsOurs() throws Exception {
        folder.grant("alice", VIEW, CREATE);
        StoreCredentialTarget target = folderAs(ALICE);
        target.checkWritable(List.of("cs"), POLICY);

        assertEquals(CredentialTarget.WriteResult.CREATED, target.write("cs", POLICY, OURS, KeyMaterial.of("new")));

        StringCredentialsImpl stored = (StringCredentialsImpl) folder.byId("cs");
        assertEquals("new", stored.getSecret().getPlainText());
        assertEquals(CredentialsScope.GLOBAL, stored.getScope());
        assertEquals(OURS, stored.getDescription());
        assertEquals(List.of(stored), folder.getCredentialsAs(ACL.SYSTEM2, Domain.global()));
        assertEquals("alice", target.writer());
    }

    @Test
    void theWriteIsDoneAsTheBuildIdentitySoTheStoreChecksItToo() {
        folder.grant("alice", VIEW); // no Create: the store itself must refuse, not only checkWritable
        assertThrows(AccessDeniedException3.class,
                () -> folderAs(ALICE).write("cs", POLICY, OURS, KeyMaterial.of("new")));
        assertNull(folder.byId("cs"));
    }

    @Test
    void aUserWritesTheSystemStoreWithItsOwnPermissionsAndNoAdministratorSwitch() throws Exception {
        system.grant("alice", VIEW, CREATE);
        StoreCredentialTarget target = target(system, ALICE, false, false);
        target.checkWritable(List.of("cs"), POLICY);
        assertEquals(CredentialTarget.WriteResult.CREATED, target.write("cs", POLICY, OURS, KeyMaterial.of("k")));
    }

    // --- what is there already ---

    @Test
    void updatesTheCredentialItWroteForTheSameTarget() throws Exception {
        folder.grant("alice", VIEW, UPDATE).put(secretText(CredentialsScope.GLOBAL, "cs", OURS, "old"));
        StoreCredentialTarget target = folderAs(ALICE);
        target.checkWritable(List.of("cs"), POLICY);

        assertEquals(CredentialTarget.WriteResult.UPDATED, target.write("cs", POLICY, OURS, KeyMaterial.of("new")));
        assertEquals("new", secretOf(folder, "cs"));
        assertEquals(1, folder.saves());
        assertEquals(List.of(), askedElsewhere, "an id the store holds needs no look-up elsewhere");
    }

    @Test
    void hubAndPolicyNamesAreComparedAsAzureComparesThem() throws Exception {
        folder.grant("alice", VIEW, UPDATE).put(secretText(CredentialsScope.GLOBAL, "cs", OURS, "old"));
        folderAs(ALICE).checkWritable(List.of("cs"), owner("H", "P", null, null));
    }

    @Test
    void refusesACredentialItWroteForAnotherHub() {
        String otherHubs = description("primary", owner("other-hub", "p", null, null));
        folder.grant("alice", VIEW, CREATE, UPDATE).put(secretText(CredentialsScope.GLOBAL, "cs", otherHubs, "old"));

        AbortException e = refused(folderAs(ALICE), "cs", POLICY);

        assertEquals("Credential 'cs' in the credentials of folder 'team' holds a key this plugin renewed for "
                + "something other than policy 'p' on hub 'h' (" + otherHubs + "); choose another id "
                + "(primaryCredentialsId / secondaryCredentialsId) or remove that credential first.", e.getMessage());
        assertEquals("old", secretOf(folder, "cs"));
    }

    @Test
    void devicesThatDifferOnlyInCaseNeverShareACredential() {
        CredentialOwner upper = owner("h", null, "Sensor-1", null);
        CredentialOwner lower = owner("h", null, "sensor-1", null);
        folder.grant("alice", VIEW, CREATE, UPDATE)
                .put(secretText(CredentialsScope.GLOBAL, "cs", description("primary", upper), "upper's key"));

        assertTrue(refused(folderAs(ALICE), "cs", lower).getMessage().contains("other than device 'sensor-1'"));
        assertEquals("upper's key", secretOf(folder, "cs"));
    }

    @Test
    void aDeviceDoesNotTakeOverTheCredentialOfOneOfItsModules() {
        CredentialOwner module = owner("h", null, "d", "m");
        folder.grant("alice", VIEW, CREATE, UPDATE)
                .put(secretText(CredentialsScope.GLOBAL, "cs", description("primary", module), "module key"));

        refused(folderAs(ALICE), "cs", owner("h", null, "d", null));
        assertEquals("module key", secretOf(folder, "cs"));
    }

    @Test
    void refusesACredentialThePluginDidNotWrite() {
        folder.grant("alice", VIEW, CREATE, UPDATE).put(secretText(CredentialsScope.GLOBAL, "deploy", "by hand", "x"));

        AbortException e = refused(folderAs(ALICE), "deploy", POLICY);

        assertTrue(e.getMessage().contains("'deploy' already exists in the credentials of folder 'team' and was not "
                + "created by this plugin"), e.getMessage());
        assertEquals("x", secretOf(folder, "deploy"));
    }

    @Test
    void aCredentialOfAnotherTypeIsNotOursEvenWithTheMarker() {
        folder.grant("alice", VIEW, CREATE, UPDATE)
                .put(new com.cloudbees.plugins.credentials.impl.BaseStandardCredentials(
                        CredentialsScope.GLOBAL, "cs", OURS) {});
        assertTrue(refused(folderAs(ALICE), "cs", POLICY).getMessage().contains("not created by this plugin"));
    }

    @Test
    void aSystemScopedCredentialStaysSystemScoped() throws Exception {
        system.grant("alice", VIEW, UPDATE).put(secretText(CredentialsScope.SYSTEM, "cs", OURS, "old"));
        StoreCredentialTarget target = target(system, ALICE, false, false);
        target.checkWritable(List.of("cs"), POLICY);

        target.write("cs", POLICY, OURS, KeyMaterial.of("new"));

        StringCredentialsImpl stored = (StringCredentialsImpl) system.byId("cs");
        assertEquals(CredentialsScope.SYSTEM, stored.getScope());
        assertEquals("new", stored.getSecret().getPlainText());
    }

    @Test
    void onlyTheSystemStoreHasSystemScope() {
        assertThrows(IllegalArgumentException.class,
                () -> folder.put(secretText(CredentialsScope.SYSTEM, "cs", OURS, "old")));
    }

    @Test
    void aCredentialInAnotherDomainIsUpdatedInThatDomain() throws Exception {
        Domain iot = new Domain("iot", "IoT hubs", List.of());
        system.grant("alice", VIEW, UPDATE).putIn(iot, secretText(CredentialsScope.GLOBAL, "cs", OURS, "old"));
        StoreCredentialTarget target = target(system, ALICE, false, false);
        target.checkWritable(List.of("cs"), POLICY);

        target.write("cs", POLICY, OURS, KeyMaterial.of("new"));

        assertEquals("new", ((StringCredentials) system.getCredentialsAs(ACL.SYSTEM2, iot).get(0))
                .getSecret().getPlainText());
        assertEquals(List.of(), system.getCredentialsAs(ACL.SYSTEM2, Domain.global()));
    }

    @Test
    void anIdInTwoDomainsIsRefusedBecauseConsumersMayUseEither() {
        Domain iot = new Domain("iot", "IoT hubs", List.of());
        system.grant("alice", VIEW, CREATE, UPDATE)
                .put(secretText(CredentialsScope.GLOBAL, "cs", OURS, "one"))
                .putIn(iot, secretText(CredentialsScope.GLOBAL, "cs", OURS, "two"));

        AbortException e = refused(target(system, ALICE, false, false), "cs", POLICY);

        assertTrue(e.getMessage().startsWith("Credential 'cs' exists in 2 domains of the Jenkins system "
                + "credentials"), e.getMessage());
        assertEquals(0, system.saves());
    }

    @Test
    void aNewIdThatTheJobResolvesFromAnotherStoreIsRefused() {
        folder.grant("alice", VIEW, CREATE);
        AbortException e = refused(target(folder, ALICE, false, true), "deploy", POLICY);

        assertEquals("Credential 'deploy' already reaches this job from another credentials store; creating it in "
                + "the credentials of folder 'team' too would leave jobs using one or the other: choose another id "
                + "(primaryCredentialsId / secondaryCredentialsId), or write where it is (credentialsFolder).",
                e.getMessage());
        assertEquals(List.of("deploy"), askedElsewhere);
    }

    // --- races and failures ---

    @Test
    void ownershipIsCheckedAgainInsideTheWrite() throws Exception {
        folder.grant("alice", VIEW, CREATE, UPDATE);
        StoreCredentialTarget target = folderAs(ALICE);
        target.checkWritable(List.of("cs"), POLICY);
        // another build, for another hub, writes the same id between the check and the write
        String otherHubs = description("primary", owner("other-hub", "p", null, null));
        folder.put(secretText(CredentialsScope.GLOBAL, "cs", otherHubs, "theirs"));

        assertThrows(AbortException.class, () -> target.write("cs", POLICY, OURS, KeyMaterial.of("ours")));
        assertEquals("theirs", secretOf(folder, "cs"));
    }

    @Test
    void aFailedSaveIsAnIOException() {
        folder.grant("alice", VIEW, CREATE);
        folder.failSaves("disk full");
        IOException e = assertThrows(IOException.class,
                () -> folderAs(ALICE).write("cs", POLICY, OURS, KeyMaterial.of("k")));
        assertEquals("disk full", e.getMessage());
    }

    @Test
    void describeAndToStringNameTheStoreOnly() {
        StoreCredentialTarget target = folderAs(ALICE);
        assertEquals("the credentials of folder 'team'", target.describe());
        assertTrue(target.toString().contains("folder 'team'"));
        assertFalse(target.toString().contains("alice"));
    }

    @Test
    void theModelStoreIsNestedInAProviderAsTheRealConstructorDemands() {
        class Loose extends com.cloudbees.plugins.credentials.CredentialsStore {
            @Override
            public hudson.model.ModelObject getContext() {
                return () -> "loose";
            }

            @Override
            public List<com.cloudbees.plugins.credentials.Credentials> getCredentials(Domain domain) {
                return List.of();
            }

            @Override
            public boolean addCredentials(Domain domain, com.cloudbees.plugins.credentials.Credentials c) {
                return false;
            }

            @Override
            public boolean removeCredentials(Domain domain, com.cloudbees.plugins.credentials.Credentials c) {
                return false;
            }

            @Override
            public boolean updateCredentials(Domain domain, com.cloudbees.plugins.credentials.Credentials current,
                    com.cloudbees.plugins.credentials.Credentials replacement) {
                return false;
            }
        }
        AssertionError e = assertThrows(AssertionError.class, Loose::new);
        assertTrue(e.getMessage().contains("doesn't have an outer class"), e.getMessage());
    }
}
