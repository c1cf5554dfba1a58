package io.jenkins.plugins.azure.iothub.engine;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.AddDatePolicy;
import com.azure.core.http.policy.AddHeadersPolicy;
import com.azure.core.http.policy.BearerTokenAuthenticationPolicy;
import com.azure.core.http.policy.HttpLogDetailLevel;
import com.azure.core.http.policy.HttpLogOptions;
import com.azure.core.http.policy.HttpLoggingPolicy;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.http.policy.RequestIdPolicy;
import com.azure.core.management.http.policy.ArmChallengeAuthenticationPolicy;
import com.azure.core.util.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One azure-core {@link HttpPipeline} that sends the engine's REST requests synchronously and turns every answer that
 * is not 2xx into a {@link CallFailed}. No retry policy (the {@link Retrier} decides), and an explicit
 * {@link HttpLoggingPolicy} at {@link HttpLogDetailLevel#NONE}: azure-core's default options follow
 * {@code AZURE_HTTP_LOG_DETAIL_LEVEL}, and with BODY_AND_HEADERS they would log listkeys answers, hub PUT bodies and
 * device keys.
 */
final class RestPipeline {
    /** Newest stable Microsoft.Devices/IotHubs api-version (azure-rest-api-specs stable/2023-06-30/iothub.json). */
    static final String ARM_API_VERSION = "2023-06-30";
    /** Registry api-version of iot-service-client 2.1.9 and the REST reference (docs/architecture.md). */
    static final String REGISTRY_API_VERSION = "2021-04-12";
    private static final Pattern DATA_PLANE_CODE = Pattern.compile("ErrorCode:([A-Za-z]+)[;:]?");
    private static final Pattern NUMERIC = Pattern.compile("\\d+");

    private final HttpPipeline pipeline;

    private RestPipeline(HttpPipeline pipeline) {
        this.pipeline = pipeline;
    }

    /** Whatever the environment or system properties say: no request or response is logged, not even its URL. */
    static HttpLogOptions quietLogs() {
        return new HttpLogOptions().setLogLevel(HttpLogDetailLevel.NONE).setAllowedHeaderNames(Collections.emptySet())
                .setAllowedQueryParamNames(Collections.emptySet());
    }

    /** ARM: the policies azure-resourcemanager's IotHubManager uses, minus retries and with quiet logging. */
    static RestPipeline arm(HttpClient httpClient, TokenCredential credential, String scope) {
        return new RestPipeline(new HttpPipelineBuilder()
                .httpClient(httpClient != null ? httpClient : HttpClient.createDefault())
                .policies(new RequestIdPolicy(), new AddDatePolicy(),
                        new ArmChallengeAuthenticationPolicy(credential, scope), new HttpLoggingPolicy(quietLogs()))
                .build());
    }

    /** Registry: a SAS token in Authorization, as RegistryClient sends it. */
    static RestPipeline registryWithSas(HttpClient httpClient, String sasToken) {
        return registry(httpClient, new AddHeadersPolicy(new HttpHeaders().set(HttpHeaderName.AUTHORIZATION,
                sasToken)));
    }

    /** Registry: an Entra token for the cloud's IoT Hub scope. */
    static RestPipeline registryWithToken(HttpClient httpClient, TokenCredential credential, String scope) {
        return registry(httpClient, new BearerTokenAuthenticationPolicy(credential, scope));
    }

    private static RestPipeline registry(HttpClient httpClient, HttpPipelinePolicy auth) {
        return new RestPipeline(new HttpPipelineBuilder().httpClient(httpClient)
                .policies(new RequestIdPolicy(), auth, new HttpLoggingPolicy(quietLogs())).build());
    }

    /** A 2xx answer, its body read completely. */
    static final class Reply {
        final int status;
        final HttpHeaders headers;
        final byte[] body;

        Reply(int status, HttpHeaders headers, byte[] body) {
            this.status = status;
            this.headers = headers;
            this.body = body;
        }

        String header(String name) {
            return headers.getValue(HttpHeaderName.fromString(name));
        }

        ObjectNode json() throws IOException {
            return EngineJson.parseObject(body);
        }
    }

    /**
     * @throws CallFailed for any answer that is not 2xx; transport failures as azure-core / Reactor throws them
     */
    Reply send(HttpMethod method, String url, Map<String, String> headers, JsonNode body, CallObserver observer)
            throws IOException {
        return send(method, url, headers, body, observer, 0);
    }

    /**
     * Like {@link #send(HttpMethod, String, Map, JsonNode, CallObserver)}, but one more status ({@code alsoAccepted},
     * e.g. 400 for the bulk registry operation, whose 400 answer carries per-identity results) is answered as a
     * {@link Reply} instead of a {@link CallFailed}.
     */
    Reply send(HttpMethod method, String url, Map<String, String> headers, JsonNode body, CallObserver observer,
            int alsoAccepted) throws IOException {
        HttpRequest request = new HttpRequest(method, url);
        request.setHeader(HttpHeaderName.ACCEPT, "application/json");
        headers.forEach((name, value) -> request.setHeader(HttpHeaderName.fromString(name), value));
        if (body != null) {
            request.setHeader(HttpHeaderName.CONTENT_TYPE, "application/json");
            request.setBody(EngineJson.bytes(body));
        }
        observer.sent();
        try (HttpResponse response = pipeline.sendSync(request, Context.NONE)) {
            byte[] bytes = response.getBodyAsBinaryData() == null ? new byte[0]
                    : response.getBodyAsBinaryData().toBytes();
            int status = response.getStatusCode();
            if ((status < 200 || status >= 300) && status != alsoAccepted) {
                throw new CallFailed(failure(status, response.getHeaders(), bytes));
            }
            return new Reply(status, response.getHeaders(), bytes);
        }
    }

    /** Reads code and message from ARM ({@code error.code}), IoT RP ({@code code}) and registry error bodies. */
    static Failure failure(int status, HttpHeaders headers, byte[] body) {
        String code = null;
        String message = null;
        try {
            ObjectNode json = EngineJson.parseObject(body);
            JsonNode error = json.has("error") && json.get("error").isObject() ? json.get("error") : json;
            code = error.hasNonNull("code") ? error.get("code").asText() : null;
            message = EngineJson.text(error, "message");
            if (code != null && NUMERIC.matcher(code).matches() && EngineJson.text(error, "httpStatusCode") != null) {
                code = EngineJson.text(error, "httpStatusCode") + " " + code; // IoT RP: 412001 -> PreconditionFailed
            }
            String dataPlane = EngineJson.text(json, "Message");
            if (message == null && dataPlane != null) {
                Matcher m = DATA_PLANE_CODE.matcher(dataPlane);
                if (m.find()) {
                    code = m.group(1);
                    message = dataPlane.substring(m.end());
                } else {
                    message = dataPlane;
                }
            }
        } catch (IOException notJson) {
            // no usable body: the status says it all
        }
        return Failure.http(status, code, message,
                Failure.parseRetryAfter(headers.getValue(HttpHeaderName.RETRY_AFTER)), null);
    }

    /** A path segment, percent-encoded where it is not a plain RFC 3986 pchar. */
    static String segment(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~!$&'()*+,;=:@".indexOf(c) >= 0)) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Azure answered with an error status. Holds no body, only what {@link Failure} keeps (redacted). */
    static final class CallFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Failure failure;

        CallFailed(Failure failure) {
            super(failure.describe());
            this.failure = failure;
        }
    }
}
