package io.jenkins.plugins.azure.iothub.emulator;

import java.time.Instant;
import java.util.Optional;

/**
 * Data-plane authentication: a hub-level SAS token (HMAC checked against the named policy's primary or secondary key,
 * unexpired, scoped to this host, policy holding the needed right; refused when the hub has disableLocalAuth) or an
 * Entra {@code Bearer} token from the emulator's credential with the IoT Hub audience. Any failure is 401
 * {@code IotHubUnauthorizedAccess}; the text says why, never with key or signature material.
 */
final class RegistryAuth {
    private final IotHubEmulator emulator;
    private final SimulatedHub hub;

    RegistryAuth(IotHubEmulator emulator, SimulatedHub hub) {
        this.emulator = emulator;
        this.hub = hub;
    }

    void authenticate(HttpCall call, String neededRight) {
        String auth = call.header("Authorization");
        if (auth == null || auth.isBlank()) {
            throw refuse("no Authorization header");
        }
        if (auth.startsWith("Bearer ")) {
            bearer(auth.substring("Bearer ".length()).trim());
        } else if (SasTokens.isSas(auth)) {
            sas(auth, call.decodedPath(), neededRight);
        } else {
            throw refuse("unsupported authorization scheme");
        }
    }

    /**
     * A device's own SAS token: no {@code skn}, HMAC with the device's primary or secondary key, unexpired, and a
     * resource covering {@code <host>/devices/<id>}, as the service checks device-scoped tokens.
     */
    void authenticateDevice(HttpCall call, SimulatedIdentity device) {
        if (hub.localAuthDisabled()) {
            throw refuse("local (SAS) authentication is disabled on this hub");
        }
        SasTokens.Parsed token = SasTokens.parse(call.header("Authorization"));
        if (token == null) {
            throw refuse("malformed or missing SharedAccessSignature");
        }
        if (token.expiry <= Instant.now().getEpochSecond()) {
            throw refuse("SAS token expired");
        }
        if (device.primaryKey() == null || (!SasTokens.signedWith(token, device.primaryKey())
                && !SasTokens.signedWith(token, device.secondaryKey()))) {
            throw refuse("SAS signature does not match the device's keys");
        }
        if (!SasTokens.coversResource(token, hub.hostName(), call.decodedPath())) {
            throw refuse("SAS resource (sr) does not cover this request");
        }
    }

    private void bearer(String token) {
        if (hub.entraDataPlaneDenied()) {
            throw refuse("the principal has no data-plane role on this hub");
        }
        EmulatorCredential.Verdict verdict = emulator.credential().check(token, EmulatorCredential.Audience.IOT_HUB);
        if (verdict != EmulatorCredential.Verdict.VALID) {
            throw refuse("Entra token " + verdict.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        }
    }

    private void sas(String header, String decodedPath, String neededRight) {
        if (hub.localAuthDisabled()) {
            throw refuse("local (SAS) authentication is disabled on this hub");
        }
        SasTokens.Parsed token = SasTokens.parse(header);
        if (token == null) {
            throw refuse("malformed SharedAccessSignature");
        }
        if (token.expiry <= Instant.now().getEpochSecond()) {
            throw refuse("SAS token expired");
        }
        if (token.keyName == null) {
            throw refuse("the SAS token names no shared access policy (skn)");
        }
        Optional<SharedAccessPolicy> policy = hub.findPolicy(token.keyName);
        if (policy.isEmpty()) {
            throw refuse("unknown shared access policy");
        }
        SharedAccessPolicy p = policy.get();
        if (!SasTokens.signedWith(token, p.primaryKey()) && !SasTokens.signedWith(token, p.secondaryKey())) {
            throw refuse("SAS signature does not match the policy's keys");
        }
        if (!SasTokens.coversResource(token, hub.hostName(), decodedPath)) {
            throw refuse("SAS resource (sr) does not cover this request");
        }
        if (!AccessRights.grants(p.rights(), neededRight)) {
            throw refuse("the policy lacks " + neededRight);
        }
    }

    private static EmulatorError refuse(String why) {
        return EmulatorError.dataPlane(401, "IotHubUnauthorizedAccess", "Unauthorized (" + why + ")");
    }
}
