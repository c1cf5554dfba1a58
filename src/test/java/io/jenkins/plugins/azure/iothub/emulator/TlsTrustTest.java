package io.jenkins.plugins.azure.iothub.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;

/** The emulator is reachable over verified TLS by the JDK stacks, with no JVM flags. */
class TlsTrustTest {

    @Test
    void certificateCoversLoopbackForTwentyYears() throws Exception {
        X509Certificate cert = (X509Certificate) EmulatorTls.emulatorCertificate();
        Collection<List<?>> names = cert.getSubjectAlternativeNames();
        assertTrue(names.stream().anyMatch(n -> "127.0.0.1".equals(n.get(1))), names.toString());
        assertTrue(names.stream().anyMatch(n -> "localhost".equals(n.get(1))), names.toString());
        Duration validity = Duration.between(cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant());
        assertTrue(validity.toDays() >= 365 * 20 - 5, validity.toString());
    }

    @Test
    void httpsUrlConnectionTrustsEmulatorByIpAndByName() throws Exception {
        try (IotHubEmulator emu = IotHubEmulator.start()) {
            SimulatedHub hub = emu.addHub("s", "g", "tls-hub");
            String token = hub.sasToken("registryRead", Duration.ofMinutes(1));
            String port = hub.hostName().substring(hub.hostName().indexOf(':') + 1);
            for (String host : List.of("127.0.0.1", "localhost")) {
                HttpsURLConnection c = (HttpsURLConnection) new URL("https://" + host + ":" + port
                        + "/statistics/devices?api-version=2021-04-12").openConnection();
                c.setRequestProperty("Authorization", token);
                // the hub checks sr against its own host name, whatever name the client dialled
                assertEquals(200, c.getResponseCode());
                assertNotNull(c.getServerCertificates());
                c.disconnect();
            }
        }
    }

    @Test
    void trustStoreFileHoldsTheEmulatorCertificateAndTheJvmAnchors() throws Exception {
        try (IotHubEmulator emu = IotHubEmulator.start()) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(emu.trustStore())) {
                store.load(in, "changeit".toCharArray());
            }
            assertNotNull(store.getCertificateAlias(EmulatorTls.emulatorCertificate()));
            assertTrue(store.size() > 1, "the JVM's own trust anchors are kept");
            assertEquals(emu.trustStore().toString(), System.getProperty("javax.net.ssl.trustStore"));
        }
    }

    @Test
    void aNameOutsideTheCertificateIsRefused() throws Exception {
        try (IotHubEmulator emu = IotHubEmulator.start()) {
            int port = URI.create(emu.armEndpoint()).getPort();
            try (Socket plain = new Socket("127.0.0.1", port);
                    SSLSocket tls = (SSLSocket) SSLContext.getDefault().getSocketFactory()
                            .createSocket(plain, "wrong.example", port, false)) {
                SSLParameters params = tls.getSSLParameters();
                params.setEndpointIdentificationAlgorithm("HTTPS");
                tls.setSSLParameters(params);
                assertThrows(SSLHandshakeException.class, tls::startHandshake);
            }
        }
    }
}
