package io.jenkins.plugins.azure.iothub.emulator;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.exception.ClientAuthenticationException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;

/**
 * The emulator's stand-in for Entra ID: a {@link TokenCredential} whose tokens only this emulator accepts. A token
 * carries the audience of the scope it was asked for: ARM ({@code https://management.core.windows.net//.default} or
 * {@code https://management.azure.com/.default}) or IoT Hub data plane ({@code https://iothubs.azure.net/.default});
 * each plane refuses the other's tokens with 401.
 */
public final class EmulatorCredential implements TokenCredential {
    /** Who a token is meant for. */
    enum Audience { ARM, IOT_HUB, OTHER }

    /** What the emulator thinks of a presented token. */
    enum Verdict { VALID, UNKNOWN, REVOKED, WRONG_AUDIENCE }

    private final Map<String, Audience> issued = new ConcurrentHashMap<>();
    private final Map<String, Boolean> revoked = new ConcurrentHashMap<>();
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private volatile boolean failing;

    @Override
    public Mono<AccessToken> getToken(TokenRequestContext request) {
        tokenRequests.incrementAndGet();
        if (failing) {
            return Mono.error(new ClientAuthenticationException(
                    "emulator: the credential was told to fail (EmulatorCredential.failTokenRequests)", null));
        }
        Audience audience = audienceOf(request.getScopes());
        String token = "emu-" + audience.name().toLowerCase(java.util.Locale.ROOT) + "-" + UUID.randomUUID();
        issued.put(token, audience);
        return Mono.just(new AccessToken(token, OffsetDateTime.now().plusHours(1)));
    }

    /** Every token handed out so far becomes invalid (401); tokens asked for afterwards are valid again. */
    public void revokeIssuedTokens() {
        issued.keySet().forEach(t -> revoked.put(t, Boolean.TRUE));
    }

    /** While true, {@link #getToken} fails like a credential that cannot sign in. */
    public void failTokenRequests(boolean fail) {
        this.failing = fail;
    }

    /** How many tokens clients asked for. */
    public int tokenRequests() {
        return tokenRequests.get();
    }

    Verdict check(String token, Audience expected) {
        Audience audience = issued.get(token);
        if (audience == null) {
            return Verdict.UNKNOWN;
        }
        if (revoked.containsKey(token)) {
            return Verdict.REVOKED;
        }
        return audience == expected ? Verdict.VALID : Verdict.WRONG_AUDIENCE;
    }

    private static Audience audienceOf(List<String> scopes) {
        for (String scope : scopes) {
            String s = scope.toLowerCase(java.util.Locale.ROOT);
            if (s.startsWith("https://management.core.windows.net") || s.startsWith("https://management.azure.com")) {
                return Audience.ARM;
            }
            if (s.startsWith("https://iothubs.azure.net")) {
                return Audience.IOT_HUB;
            }
        }
        return Audience.OTHER;
    }
}
