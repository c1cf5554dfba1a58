package io.jenkins.plugins.azure.iothub;

import io.jenkins.plugins.azure.iothub.emulator.SasTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * A consumer of a rotated secret: signs one request with a connection string, as the service or device holding it
 * would, and asks the hub (the emulator, which really checks the signature) whether it is accepted. A policy
 * connection string signs a hub-level token for a service read; a device connection string signs a device-scoped
 * token for the device-facing {@code messages/deviceBound} call.
 */
public final class ConsumerProbe {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private ConsumerProbe() {}

    /** Whether the hub accepts a request signed with this connection string (2xx). */
    public static boolean accepted(String connectionString) {
        int status = status(connectionString);
        return status >= 200 && status < 300;
    }

    static int status(String connectionString) {
        Map<String, String> parts = new HashMap<>();
        for (String part : connectionString.split(";")) {
            int eq = part.indexOf('=');
            parts.put(part.substring(0, eq), part.substring(eq + 1));
        }
        String host = parts.get("HostName");
        String key = parts.get("SharedAccessKey");
        String policy = parts.get("SharedAccessKeyName");
        String device = parts.get("DeviceId");
        String path = policy != null ? "/statistics/service" : "/devices/" + device + "/messages/deviceBound";
        String token = policy != null
                ? SasTokens.create(host, policy, key, Duration.ofMinutes(5))
                : SasTokens.create(host + "/devices/" + device, null, key, Duration.ofMinutes(5));
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://" + host + path + "?api-version=2021-04-12"))
                .header("Authorization", token).timeout(Duration.ofSeconds(20)).GET().build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
