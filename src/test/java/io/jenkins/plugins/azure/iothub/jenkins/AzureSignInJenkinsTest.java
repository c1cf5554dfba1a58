package io.jenkins.plugins.azure.iothub.jenkins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.http.netty.NettyAsyncHttpClientBuilder;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SecretBytes;
import com.cloudbees.plugins.credentials.common.StandardCertificateCredentials;
import com.cloudbees.plugins.credentials.domains.Domain;
import com.cloudbees.plugins.credentials.impl.CertificateCredentialsImpl;
import com.microsoft.azure.util.AzureCredentials;
import hudson.model.Result;
import hudson.util.Secret;
import io.jenkins.plugins.azure.iothub.IotHubKeyRenewalConfiguration;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.security.KeyStore;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The sign-in the plugin builds from real azure-credentials credentials. An 'Azure Service Principal' as the form
 * saves it has no endpoint of its own: the sign-in goes to its cloud's Microsoft Entra ID. One that signs in with a
 * certificate credential: the plugin finds the certificate where azure-credentials finds it (among the credentials of
 * Jenkins itself) and reads it with its password ({@code CertificateSignInTest} shows the read and the sign-in without
 * Jenkins). Nothing here contacts Azure: building a sign-in sends nothing.
 */
@WithJenkins
class AzureSignInJenkinsTest {

    /** 18 characters: also long enough for a Jenkins in FIPS mode. */
    private static final String PASSWORD = "test-only-password";

    @TempDir
    Path folder;

    private JenkinsRule r;

    @BeforeEach
    void setUp(JenkinsRule r) {
        this.r = r;
    }

    private AzureCredentials servicePrincipal(String secret, String certificateId) throws Exception {
        AzureCredentials sp = new AzureCredentials(CredentialsScope.GLOBAL, "sp", "a service principal",
                "00000000-0000-0000-0000-00000000c0e1", "00000000-0000-0000-0000-0000000000bb",
                Secret.fromString(secret));
        sp.setTenant("00000000-0000-0000-0000-0000000000aa");
        sp.setCertificateId(certificateId);
        CredentialsProvider.lookupStores(r.jenkins).iterator().next().addCredentials(Domain.global(), sp);
        return sp;
    }

    /** The credential's own getActiveDirectoryEndpoint() is null here: only its cloud names the endpoint. */
    @Test
    void aServicePrincipalWithASecretAndNoEndpointOfItsOwnSignsInToItsCloud() throws Exception {
        AzureCredentials sp = servicePrincipal("not-a-real-secret", null);

        assertNotNull(AzureSignIn.tokenCredential(sp, () -> new NettyAsyncHttpClientBuilder().build()));
        assertEquals("https://login.microsoftonline.com/", sp.getAzureEnvironment().getActiveDirectoryEndpoint());
    }

    @Test
    void theCertificateIsFoundAmongJenkinsOwnCredentialsAndRead() throws Exception {
        KeyStore keyStore = TestCertificates.keyStore(folder, PASSWORD);
        ByteArrayOutputStream pkcs12 = new ByteArrayOutputStream();
        keyStore.store(pkcs12, PASSWORD.toCharArray());
        CredentialsProvider.lookupStores(r.jenkins).iterator().next().addCredentials(Domain.global(),
                new CertificateCredentialsImpl(CredentialsScope.GLOBAL, "sp-certificate", null, PASSWORD,
                        new CertificateCredentialsImpl.UploadedKeyStoreSource(
                                SecretBytes.fromRawBytes(pkcs12.toByteArray()))));
        AzureCredentials sp = servicePrincipal("", "sp-certificate");

        StandardCertificateCredentials certificate = AzureSignIn.certificateOf(sp);

        assertEquals("sp-certificate", certificate.getId());
        assertTrue(certificate.getKeyStore().isKeyEntry("service-principal"));
        // building the sign-in reads nothing from the network
        assertNotNull(AzureSignIn.tokenCredential(sp, () -> new NettyAsyncHttpClientBuilder().build()));
    }

    @Test
    void aMissingCertificateEndsTheBuildWithOneActionableLine() throws Exception {
        servicePrincipal("", "not-there");
        IotHubKeyRenewalConfiguration.get().setAllowSystemBuildsToWriteSystemStore(true);
        WorkflowJob job = r.createProject(WorkflowJob.class, "renew");
        job.setDefinition(new CpsFlowDefinition("iotHubRenewKey hub: 'hub-certificate', policy: 'service', "
                + "key: 'secondary', azureCredentialsId: 'sp'", true));

        WorkflowRun run = r.buildAndAssertStatus(Result.FAILURE, job);

        r.assertLogContains("Azure credential 'sp' cannot sign in to Azure: its certificate credential 'not-there' is "
                + "not among the credentials of Jenkins itself (Manage Jenkins > Credentials), where azure-credentials "
                + "looks for it (hub 'hub-certificate').", run);
        r.assertLogNotContains("\tat ", run);
    }
}
