package io.jenkins.plugins.azure.iothub.engine;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URL;
import java.time.Duration;

/**
 * Proves a renewed policy key works: one read on the hub's data plane, SAS-signed with the new key, on an endpoint
 * the policy's rights allow. Uses the JVM's HTTPS stack, like RegistryClient, so both trust the same certificates.
 */
final class PolicyProbe {
    static final String API_VERSION = "2021-04-12";
    /** A brand-new key can take a moment to reach the data plane; a few 401s are retried before giving up. */
    private static final int MAX_UNAUTHORIZED_ATTEMPTS = 3;

    private final Retrier retrier;
    private final Proxy proxy;

    PolicyProbe(Retrier retrier, Proxy proxy) {
        this.retrier = retrier;
        this.proxy = proxy;
    }

    void verify(PolicyKeyResult result, KeySlot slot) {
        String action = "verifying the new " + slot.name().toLowerCase(java.util.Locale.ROOT) + " key of policy '"
                + result.policyName() + "' on IoT hub '" + result.hubName() + "'";
        String path = pathFor(result.rights());
        if (path == null) {
            throw new IotHubKeyException(IotHubKeyException.Reason.INVALID_ARGUMENT, "The new key of policy '"
                    + result.policyName() + "' on IoT hub '" + result.hubName() + "' cannot be verified: the policy"
                    + " only has rights '" + result.rights() + "', and only RegistryRead, RegistryWrite or"
                    + " ServiceConnect allow a service-side read. Turn verification off for this policy.", false, null);
        }
        Problems.Advice advice = new Problems.Advice("IoT hub '" + result.hubName() + "' answered 404 to " + path
                + " while " + action + ". Check the hub's host name " + result.hostName() + ".",
                "The hub does not accept the new key yet (or rejects it). Run the verification again in a minute;"
                        + " if it keeps failing, renew the key again.");
        Deadline deadline = retrier.deadline();
        for (int attempt = 1;; attempt++) {
            String token = SasToken.forHub(result.hostName(), result.policyName(), result.key(slot).reveal(),
                    Duration.ofMinutes(5));
            Failure failure;
            try {
                int status = deadline.call(() -> get("https://" + result.hostName() + path + "?api-version="
                        + API_VERSION, token, deadline), action, false);
                if (status >= 200 && status < 300) {
                    return;
                }
                failure = Failure.http(status, null, null, null, null);
            } catch (IotHubKeyException e) {
                throw e;
            } catch (Exception e) {
                failure = Failure.of(e);
            }
            boolean retryable = failure.isTransient()
                    || (failure.status == 401 && attempt < MAX_UNAUTHORIZED_ATTEMPTS);
            retrier.pauseOrThrow(failure, retryable, attempt, action, false, advice);
        }
    }

    /** Registry statistics need RegistryRead or RegistryWrite; service statistics need ServiceConnect. */
    static String pathFor(String rights) {
        if (rights == null) {
            return null;
        }
        if (rights.contains("RegistryRead") || rights.contains("RegistryWrite")) {
            return "/statistics/devices";
        }
        if (rights.contains("ServiceConnect")) {
            return "/statistics/service";
        }
        return null;
    }

    private int get(String url, String token, Deadline deadline) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) (proxy == null ? new URL(url).openConnection()
                : new URL(url).openConnection(proxy));
        int timeout = (int) Math.max(1000, Math.min(60_000, deadline.remaining().toMillis()));
        connection.setConnectTimeout(timeout);
        connection.setReadTimeout(timeout);
        connection.setRequestProperty("Authorization", token);
        connection.setRequestProperty("Accept", "application/json");
        try {
            int status = connection.getResponseCode();
            drain(status < 400 ? connection.getInputStream() : connection.getErrorStream());
            return status;
        } finally {
            connection.disconnect();
        }
    }

    private static void drain(InputStream body) throws IOException {
        if (body != null) {
            try (InputStream in = body) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
        }
    }
}
