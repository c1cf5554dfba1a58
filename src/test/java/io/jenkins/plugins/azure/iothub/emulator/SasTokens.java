package io.jenkins.plugins.azure.iothub.emulator;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * IoT Hub shared access signatures: {@code SharedAccessSignature sr=<enc(lower(resource))>&sig=<enc(b64(hmac))>&se=<epoch
 * seconds>&skn=<policy>}, where the HMAC-SHA256 over {@code sr + "\n" + se} uses the base64-decoded policy key.
 */
public final class SasTokens {
    private static final String PREFIX = "SharedAccessSignature ";

    private SasTokens() {
    }

    /** A valid token for tests (the resource is usually the hub's host name, e.g. {@code 127.0.0.1:4711}). */
    public static String create(String resource, String policyName, String base64Key, Duration validFor) {
        return create(resource, policyName, base64Key, Instant.now().plus(validFor).getEpochSecond());
    }

    /** A token with an explicit expiry (epoch seconds), e.g. in the past to test refusal. */
    public static String create(String resource, String policyName, String base64Key, long expiryEpochSeconds) {
        String sr = URLEncoder.encode(resource.toLowerCase(Locale.ROOT), StandardCharsets.UTF_8);
        String sig = URLEncoder.encode(sign(base64Key, sr + "\n" + expiryEpochSeconds), StandardCharsets.UTF_8);
        return PREFIX + "sr=" + sr + "&sig=" + sig + "&se=" + expiryEpochSeconds
                + (policyName == null ? "" : "&skn=" + policyName);
    }

    static String sign(String base64Key, String toSign) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(base64Key), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(toSign.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean isSas(String authorization) {
        return authorization != null && authorization.startsWith(PREFIX);
    }

    /** The parsed fields of a presented token; {@code valid} is false when its shape is wrong. */
    static final class Parsed {
        final String rawSr;
        final String resource;
        final String signature;
        final long expiry;
        final String keyName;

        Parsed(String rawSr, String resource, String signature, long expiry, String keyName) {
            this.rawSr = rawSr;
            this.resource = resource;
            this.signature = signature;
            this.expiry = expiry;
            this.keyName = keyName;
        }
    }

    /** Parses the header value; null when a field is missing or malformed. */
    static Parsed parse(String authorization) {
        if (!isSas(authorization)) {
            return null;
        }
        Map<String, String> fields = new HashMap<>();
        for (String part : authorization.substring(PREFIX.length()).trim().split("&")) {
            int eq = part.indexOf('=');
            if (eq <= 0 || fields.putIfAbsent(part.substring(0, eq), part.substring(eq + 1)) != null) {
                return null;
            }
        }
        String sr = fields.get("sr");
        String sig = fields.get("sig");
        String se = fields.get("se");
        if (sr == null || sig == null || se == null) {
            return null;
        }
        try {
            return new Parsed(sr, URLDecoder.decode(sr, StandardCharsets.UTF_8),
                    URLDecoder.decode(sig, StandardCharsets.UTF_8), Long.parseLong(se), fields.get("skn"));
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    /** Whether {@code parsed} is signed with {@code base64Key} (constant-time comparison). */
    static boolean signedWith(Parsed parsed, String base64Key) {
        String expected = sign(base64Key, parsed.rawSr + "\n" + parsed.expiry);
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                parsed.signature.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The service's scope rule: sr is the URL-encoded lower-case resource (the HMAC covers sr exactly as sent, so the
     * escape style is the client's business), and the resource is the host name or a path prefix of the requested
     * resource ({@code host/devices/d1} covers that device).
     */
    static boolean coversResource(Parsed parsed, String hostName, String decodedPath) {
        String lower = parsed.resource.toLowerCase(Locale.ROOT);
        if (!parsed.resource.equals(lower)) {
            return false;
        }
        String target = (hostName + decodedPath).toLowerCase(Locale.ROOT);
        String scope = lower.endsWith("/") ? lower.substring(0, lower.length() - 1) : lower;
        return target.equals(scope) || target.startsWith(scope + "/");
    }
}
