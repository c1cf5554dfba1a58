package io.jenkins.plugins.azure.iothub.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS material of the emulator: a committed, test-only, self-signed certificate and the JVM-wide client trust for it.
 *
 * <p>The keystore {@code emulator-keystore.p12} (password {@code changeit}, alias {@code emulator}, RSA 2048, 20 years,
 * SAN {@code ip:127.0.0.1, dns:localhost}) was made once with:
 * <pre>
 * keytool -genkeypair -alias emulator -keyalg RSA -keysize 2048 -sigalg SHA256withRSA -validity 7300 \
 *   -dname "CN=localhost, OU=Test only, O=Azure IoT Hub Key Renewal emulator" -ext "SAN=ip:127.0.0.1,dns:localhost" \
 *   -keystore emulator-keystore.p12 -storetype PKCS12 -storepass changeit -keypass changeit
 * </pre>
 * It protects nothing; it exists only so that real HTTPS clients can talk to the emulator with hostname verification on.
 *
 * <p>{@link #installClientTrust()} makes three client stacks trust it without any JVM flag, so it must run before the
 * first HTTPS client of the JVM is created (starting the emulator does it):
 * <ul>
 *   <li>{@code javax.net.ssl.trustStore*} point at a temporary store = the JVM's usual trust anchors + this certificate.
 *       Reactor Netty (the ARM SDK's default client) builds its default SSL context from these properties on first use.</li>
 *   <li>{@link SSLContext#setDefault} gets a context built from the same store, for {@code java.net.http.HttpClient}.</li>
 *   <li>{@link HttpsURLConnection#setDefaultSSLSocketFactory} for {@code RegistryClient}, which has no per-client option.</li>
 * </ul>
 */
public final class EmulatorTls {
    static final String PASSWORD = "changeit";
    private static final String KEYSTORE_RESOURCE = "emulator-keystore.p12";
    private static final String ALIAS = "emulator";

    private static SSLContext serverContext;
    private static Path trustStore;

    private EmulatorTls() {
    }

    /** The server side context, loaded once from the committed keystore. */
    static synchronized SSLContext serverContext() {
        if (serverContext == null) {
            try {
                KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(loadKeystore(), PASSWORD.toCharArray());
                SSLContext ctx = SSLContext.getInstance("TLS");
                ctx.init(kmf.getKeyManagers(), null, null);
                serverContext = ctx;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot build the emulator's TLS server context", e);
            }
        }
        return serverContext;
    }

    /**
     * Makes the JVM trust the emulator certificate (idempotent). Returns the trust store file (PKCS12, password
     * {@code changeit}) for tools that want it explicitly.
     */
    public static synchronized Path installClientTrust() {
        if (trustStore != null) {
            return trustStore;
        }
        try {
            KeyStore trust = existingTrustAnchors();
            trust.setCertificateEntry("iothub-emulator", emulatorCertificate());
            Path file = Files.createTempFile("iothub-emulator-trust", ".p12");
            file.toFile().deleteOnExit();
            try (OutputStream out = Files.newOutputStream(file)) {
                trust.store(out, PASSWORD.toCharArray());
            }
            System.setProperty("javax.net.ssl.trustStore", file.toString());
            System.setProperty("javax.net.ssl.trustStorePassword", PASSWORD);
            System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");

            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext client = SSLContext.getInstance("TLS");
            client.init(null, tmf.getTrustManagers(), null);
            SSLContext.setDefault(client);
            HttpsURLConnection.setDefaultSSLSocketFactory(client.getSocketFactory());
            trustStore = file;
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the emulator trust store", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot install trust for the emulator certificate", e);
        }
    }

    /** The emulator's certificate. */
    public static Certificate emulatorCertificate() {
        try {
            return loadKeystore().getCertificate(ALIAS);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyStore loadKeystore() throws GeneralSecurityException {
        try (InputStream in = EmulatorTls.class.getResourceAsStream(KEYSTORE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + KEYSTORE_RESOURCE + " is missing");
            }
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, PASSWORD.toCharArray());
            return ks;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keeps whatever the JVM trusted before (a configured trust store, else the JDK's cacerts). */
    private static KeyStore existingTrustAnchors() throws GeneralSecurityException, IOException {
        String configured = System.getProperty("javax.net.ssl.trustStore");
        Path source;
        char[] password;
        String type;
        if (configured != null && !configured.isEmpty() && !"NONE".equals(configured)) {
            source = Paths.get(configured);
            String pw = System.getProperty("javax.net.ssl.trustStorePassword");
            password = pw == null ? null : pw.toCharArray();
            type = System.getProperty("javax.net.ssl.trustStoreType", KeyStore.getDefaultType());
        } else {
            source = Paths.get(System.getProperty("java.home"), "lib", "security", "cacerts");
            password = PASSWORD.toCharArray();
            type = KeyStore.getDefaultType();
        }
        KeyStore copy = KeyStore.getInstance("PKCS12");
        copy.load(null, null);
        if (Files.isReadable(source)) {
            KeyStore original = KeyStore.getInstance(type);
            try (InputStream in = Files.newInputStream(source)) {
                original.load(in, password);
            }
            for (String alias : java.util.Collections.list(original.aliases())) {
                if (original.isCertificateEntry(alias)) {
                    copy.setCertificateEntry(alias, original.getCertificate(alias));
                }
            }
        }
        return copy;
    }
}
