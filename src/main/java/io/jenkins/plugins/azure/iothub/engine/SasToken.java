package io.jenkins.plugins.azure.iothub.engine;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** IoT Hub service SAS tokens, signed with a policy key. The token is a secret: keep it out of logs too. */
final class SasToken {
    private SasToken() {
    }

    /**
     * @param hostName   the hub's host name; the token is scoped to the whole hub
     * @param policyName goes into {@code skn}
     * @param base64Key  the policy key as Azure returns it
     */
    static String forHub(String hostName, String policyName, String base64Key, Duration lifetime) {
        String resource = URLEncoder.encode(hostName.toLowerCase(Locale.ROOT), StandardCharsets.UTF_8);
        long expiry = Instant.now().plus(lifetime).getEpochSecond();
        String toSign = resource + "\n" + expiry;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(base64Key), "HmacSHA256"));
            String signature = Base64.getEncoder().encodeToString(mac.doFinal(toSign.getBytes(StandardCharsets.UTF_8)));
            return "SharedAccessSignature sr=" + resource + "&sig="
                    + URLEncoder.encode(signature, StandardCharsets.UTF_8) + "&se=" + expiry + "&skn=" + policyName;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // never pass the cause on: its message could quote the key
            throw new IotHubKeyException(IotHubKeyException.Reason.SERVICE_ERROR, "The key of policy '" + policyName
                    + "' for " + hostName + " is not valid base64, so no SAS token can be signed with it. Renew the"
                    + " policy key in the Azure portal.", false, null);
        }
    }
}
