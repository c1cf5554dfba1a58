package io.jenkins.plugins.azure.iothub.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The engine's last-resort redaction removes key material and nothing a user needs to read. */
class KeyRedactionTest {

    @Test
    void identifiersHostNamesAndGuidsStayReadable() {
        String message = "java.io.UncheckedIOException: java.net.UnknownHostException: login.microsoftonline.com;"
                + " com.azure.identity.CredentialUnavailableException: ManagedIdentityCredential authentication"
                + " unavailable. Tracking ID:0a1b2c3d-aaaa-bbbb-cccc-0123456789ab hub contoso-hub.azure-devices.net"
                + " io.netty.channel.AbstractChannel$AnnotatedConnectException";

        assertEquals(message, Texts.redact(message));
    }

    @Test
    void theWayUsersMetItNowReadsInFull() {
        assertEquals("java.io.UncheckedIOException: java.net.UnknownHostException: login.microsoftonline.com",
                Texts.serviceSummary(
                        "java.io.UncheckedIOException: java.net.UnknownHostException: login.microsoftonline.com"));
    }

    /** Every length IoT Hub accepts for a key (16 to 64 bytes), many random keys each, in the contexts they occur. */
    @Test
    void everyKeyOfATestHubIsRemoved() {
        Random random = new Random(12);
        for (int bytes = 16; bytes <= 64; bytes++) {
            for (int i = 0; i < 200; i++) {
                byte[] raw = new byte[bytes];
                random.nextBytes(raw);
                String key = Base64.getEncoder().encodeToString(raw);
                for (String text : new String[] {
                    "Invalid key " + key + " for policy x.",
                    "HostName=h.azure-devices.net;SharedAccessKeyName=service;SharedAccessKey=" + key,
                    "{\"primaryKey\":\"" + key + "\"}",
                    "(" + key + ")"
                }) {
                    String redacted = Texts.redact(text);
                    assertFalse(redacted.contains(key), redacted);
                    assertFalse(redacted.contains(key.replace("=", "")), redacted);
                }
            }
        }
        String generated = KeyGenerator.newKey();
        assertEquals("key <redacted>", Texts.redact("key " + generated));
    }

    @Test
    void sasSignaturesAreRemoved() {
        String redacted = Texts.redact("SharedAccessSignature sr=h.azure-devices.net&sig=abc%2Bdef&se=1&skn=service");

        assertEquals("SharedAccessSignature sr=h.azure-devices.net&sig=<redacted>&se=1&skn=service", redacted);
    }
}
