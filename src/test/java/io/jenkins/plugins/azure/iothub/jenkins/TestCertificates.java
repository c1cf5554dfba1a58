package io.jenkins.plugins.azure.iothub.jenkins;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;

/**
 * A service principal's certificate as a Jenkins certificate credential holds it: a PKCS#12 key store with a private
 * key and its self-signed certificate, protected by a password. Made for each test by the JDK's keytool (the JDK has
 * no public API to sign a certificate); it signs nothing anywhere.
 */
final class TestCertificates {

    private TestCertificates() {}

    static KeyStore keyStore(Path folder, String password) throws IOException, InterruptedException,
            GeneralSecurityException {
        Path file = folder.resolve("service-principal.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", "service-principal",
                "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=iot-hub-keys-test", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", file.toString(), "-storepass", password, "-keypass", password))
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IOException("keytool failed: " + output);
        }
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            keyStore.load(in, password.toCharArray()); // as CertificateCredentialsImpl.getKeyStore() loads it
        }
        return keyStore;
    }
}
