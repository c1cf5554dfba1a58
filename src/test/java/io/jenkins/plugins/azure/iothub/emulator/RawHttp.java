package io.jenkins.plugins.azure.iothub.emulator;

import com.azure.core.credential.TokenRequestContext;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A bare java.net.http client for strictness tests: sends exactly what the test says (JDK trust, no SDK). */
final class RawHttp {
    /** One answer. */
    static final class Answer {
        final int status;
        final String body;
        final HttpResponse<String> response;

        Answer(HttpResponse<String> response) {
            this.status = response.statusCode();
            this.body = response.body();
            this.response = response;
        }

        JsonNode json() {
            return Json.parseOrNull(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    /** Built on first use: the JDK client captures the default SSLContext, which the emulator's start replaces. */
    private HttpClient client;

    Answer send(String method, String url, String authorization, String ifMatch, String body)
            throws IOException, InterruptedException {
        if (client == null) {
            client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return new Answer(client.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    static String armBearer(IotHubEmulator emu) {
        return "Bearer " + emu.tokenCredential().getTokenSync(new TokenRequestContext()
                .addScopes("https://management.core.windows.net//.default")).getToken();
    }

    static String iotHubBearer(IotHubEmulator emu) {
        return "Bearer " + emu.tokenCredential().getTokenSync(new TokenRequestContext()
                .addScopes("https://iothubs.azure.net/.default")).getToken();
    }
}
