package io.jenkins.plugins.azure.iothub.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The small value types and helpers, without a server. */
class EngineValuesTest {
    @Test
    void keyTypeParsesTheCliSpellingsIgnoringCase() {
        assertEquals(KeyType.PRIMARY, KeyType.parse("Primary"));
        assertEquals(KeyType.SECONDARY, KeyType.parse(" secondary "));
        assertEquals(KeyType.SWAP, KeyType.parse("SWAP"));
        assertEquals(KeyType.BOTH, KeyType.parse("both"));
        IotHubKeyException e = assertThrows(IotHubKeyException.class, () -> KeyType.parse("tertiary"));
        assertEquals(IotHubKeyException.Reason.INVALID_ARGUMENT, e.reason());
        assertTrue(e.getMessage().contains("'tertiary'"));
        assertThrows(IotHubKeyException.class, () -> KeyType.parse(null));
    }

    @Test
    void keyMaterialNeverPrintsItselfButHasAStableFingerprint() {
        String key = Base64.getEncoder().encodeToString(new byte[32]);
        KeyMaterial material = KeyMaterial.of(key);
        assertFalse(material.toString().contains(key));
        assertFalse(String.valueOf(material).contains("AAAA"));
        assertEquals(8, material.fingerprint().length());
        assertEquals(material.fingerprint(), KeyMaterial.of(key).fingerprint());
        assertNotEquals(material.fingerprint(), KeyMaterial.of(key + "x").fingerprint());
        assertTrue(material.sameAs(KeyMaterial.of(key)));
        assertEquals(key, material.reveal());
    }

    @Test
    void sasTokenIsSignedOverTheEncodedHostAndExpiry() throws Exception {
        byte[] keyBytes = new byte[32];
        keyBytes[0] = 7;
        String key = Base64.getEncoder().encodeToString(keyBytes);
        String token = SasToken.forHub("My-Hub.azure-devices.net", "registryReadWrite", key, Duration.ofMinutes(10));
        assertTrue(token.startsWith("SharedAccessSignature sr=my-hub.azure-devices.net&sig="), token.length() + "");
        assertTrue(token.endsWith("&skn=registryReadWrite"));
        String sig = token.replaceAll(".*&sig=([^&]*)&.*", "$1");
        long se = Long.parseLong(token.replaceAll(".*&se=([0-9]+)&.*", "$1"));
        assertTrue(Math.abs(se - Instant.now().plusSeconds(600).getEpochSecond()) < 5);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(keyBytes, "HmacSHA256"));
        String expected = Base64.getEncoder().encodeToString(
                mac.doFinal(("my-hub.azure-devices.net\n" + se).getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, URLDecoder.decode(sig, StandardCharsets.UTF_8));
        IotHubKeyException bad = assertThrows(IotHubKeyException.class,
                () -> SasToken.forHub("h", "p", "not base64!", Duration.ofMinutes(1)));
        assertFalse(bad.getMessage().contains("not base64!"));
    }

    @Test
    void namesFollowArmRules() {
        assertThrows(IotHubKeyException.class, () -> PolicyKeyRequest.of("-bad", null, "p", KeyType.PRIMARY));
        assertThrows(IotHubKeyException.class, () -> PolicyKeyRequest.of("12345", null, "p", KeyType.PRIMARY));
        assertThrows(IotHubKeyException.class, () -> PolicyKeyRequest.of("hub", "rg/../x", "p", KeyType.PRIMARY));
        assertThrows(IotHubKeyException.class, () -> PolicyKeyRequest.of("hub", "rg.", "p", KeyType.PRIMARY));
        assertThrows(IotHubKeyException.class, () -> PolicyKeyRequest.of("hub", null, "p/../q", KeyType.PRIMARY));
        assertNull(PolicyKeyRequest.of("hub", "  ", "p", KeyType.PRIMARY).resourceGroup());
        assertEquals("rg_(1).x", PolicyKeyRequest.of("hub", "rg_(1).x", "p", KeyType.PRIMARY).resourceGroup());
        assertEquals(DataPlaneAuth.KEY, IdentityKeyRequest.device("hub", null, "d", KeyType.BOTH, null).auth());
    }

    @Test
    void retryAfterAcceptsSecondsAndHttpDates() {
        assertEquals(Duration.ofSeconds(7), Failure.parseRetryAfter("7"));
        assertNull(Failure.parseRetryAfter("soon"));
        assertNull(Failure.parseRetryAfter(null));
        Duration date = Failure.parseRetryAfter(java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
                .format(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(30)));
        assertTrue(date.getSeconds() > 20 && date.getSeconds() <= 30, date.toString());
    }

    @Test
    void customCloudMustBeHttps() {
        assertThrows(IllegalArgumentException.class,
                () -> AzureCloud.custom("http://127.0.0.1:1", "s/.default", "i/.default"));
        assertEquals("https://iothubs.azure.net/.default", AzureCloud.PUBLIC.iotHubScope());
        assertTrue(AzureCloud.CHINA.resourceManagerEndpoint().contains("chinacloudapi.cn"));
        assertTrue(AzureCloud.US_GOVERNMENT.managementScope().contains("usgovcloudapi.net"));
    }

    @Test
    void keyAuthPrefersTheLeastPrivilegedWriter() {
        List<ObjectNode> policies = List.of(
                rule("iothubowner", "RegistryRead, RegistryWrite, ServiceConnect, DeviceConnect"),
                rule("service", "ServiceConnect"),
                rule("registryRead", "RegistryRead"),
                rule("registryReadWrite", "RegistryRead, RegistryWrite"));
        assertEquals("registryReadWrite", DataPlane.leastPrivilegedWriter(policies).orElseThrow().get("keyName")
                .asText());
        assertTrue(DataPlane.leastPrivilegedWriter(policies.subList(1, 3)).isEmpty());
    }

    @Test
    void builderRejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> IotHubKeyClient.builder().maxAttempts(0));
        assertThrows(IllegalArgumentException.class, () -> IotHubKeyClient.builder().timeBudget(Duration.ZERO));
        assertThrows(IllegalStateException.class, () -> IotHubKeyClient.builder().subscriptionId("s").build());
    }

    @Test
    void serviceMessagesAndCausesAreRedacted() {
        String key = Base64.getEncoder().encodeToString(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
            16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32});
        String message = "Invalid key " + key + " for policy x. Tracking ID:0a1b2c3d-aaaa-bbbb-cccc-0123456789ab"
                + " sr=h&sig=abc%2Bdef&se=1";
        String summary = Texts.serviceSummary(message);
        assertFalse(summary.contains(key), summary);
        assertEquals("Invalid key <redacted> for policy x.", summary);
        String redacted = Texts.redact(message);
        assertTrue(redacted.contains("0a1b2c3d-aaaa-bbbb-cccc-0123456789ab"), redacted);
        assertFalse(redacted.contains("abc%2Bdef"), redacted);
        Throwable copy = Failure.redacted(new IllegalStateException("body " + key, new java.io.IOException(key)));
        assertTrue(copy.getMessage().startsWith("java.lang.IllegalStateException: body <redacted>"));
        assertFalse(copy.getCause().getMessage().contains(key));
        assertEquals("IOException", Failure.of(new java.io.UncheckedIOException(new java.io.IOException(key)))
                .describe().replace("connection failed: ", ""));
    }

    private static ObjectNode rule(String name, String rights) {
        return EngineJson.object().put("keyName", name).put("rights", rights);
    }
}
