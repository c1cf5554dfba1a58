package io.jenkins.plugins.azure.iothub.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One received HTTP request: raw and decoded path, query, headers, body; writes exactly one answer. */
final class HttpCall {
    final HttpExchange exchange;
    final String method;
    final String rawPath;
    final String rawQuery;
    final Map<String, String> query;
    final byte[] body;
    final RecordedRequest record;
    /** Decoded path segments after dot-segment removal, or null when the path had an invalid percent-escape. */
    final List<String> segments;

    private HttpCall(HttpExchange exchange, RecordedRequest.Plane plane, String hubName) throws IOException {
        this.exchange = exchange;
        this.method = exchange.getRequestMethod().toUpperCase(java.util.Locale.ROOT);
        this.rawPath = exchange.getRequestURI().getRawPath();
        this.rawQuery = exchange.getRequestURI().getRawQuery();
        this.query = parseQuery(rawQuery);
        this.body = readBody(exchange);
        this.segments = decodeSegments(rawPath);
        this.record = new RecordedRequest(plane, hubName, method, rawPath, rawQuery, header("If-Match"),
                header("Authorization"), new String(body, StandardCharsets.UTF_8), headerMap(exchange));
    }

    static HttpCall read(HttpExchange exchange, RecordedRequest.Plane plane, String hubName) throws IOException {
        return new HttpCall(exchange, plane, hubName);
    }

    String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    void respond(int status, JsonNode json, Map<String, String> headers) throws IOException {
        byte[] bytes = json == null ? new byte[0] : Json.bytes(json);
        headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        if (json != null) {
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        }
        exchange.getResponseHeaders().set("x-ms-request-id", java.util.UUID.randomUUID().toString());
        record.status(status);
        record.answered(); // before the client can see the answer, so tests never race it
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }

    void respond(int status, JsonNode json) throws IOException {
        respond(status, json, Collections.emptyMap());
    }

    void respond(EmulatorError error) throws IOException {
        respond(error.status, error.body, error.headers);
    }

    /** Closes the TCP connection without any answer (the client sees a dropped connection). */
    void drop() {
        record.status(-1);
        record.answered();
        exchange.close();
    }

    /** The path a route was matched on: decoded segments joined by '/', each segment percent-decoded on its own. */
    String decodedPath() {
        return segments == null ? null : "/" + String.join("/", segments);
    }

    private static Map<String, String> headerMap(HttpExchange exchange) {
        Map<String, String> map = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> {
            if (!v.isEmpty()) {
                map.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0));
            }
        });
        return map;
    }

    private static byte[] readBody(HttpExchange exchange) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        exchange.getRequestBody().transferTo(buffer);
        return buffer.toByteArray();
    }

    private static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> result = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return result;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                result.putIfAbsent(URLDecoder.decode(key, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException badEscape) {
                result.putIfAbsent(key, value);
            }
        }
        return result;
    }

    /**
     * Splits on '/', percent-decodes each segment separately (so an encoded slash stays inside its segment, as the
     * service's HTTP stack treats it) and then removes "." and ".." segments like URL normalisation does, also when
     * they were written percent-encoded. Empty segments ("//", a trailing "/") are kept, so they match no route.
     */
    static List<String> decodeSegments(String rawPath) {
        List<String> out = new ArrayList<>();
        if (rawPath == null || rawPath.isEmpty() || rawPath.equals("/")) {
            return out;
        }
        String path = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
        for (String raw : path.split("/", -1)) {
            String segment = percentDecode(raw);
            if (segment == null) {
                return null;
            }
            if (segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (!out.isEmpty()) {
                    out.remove(out.size() - 1);
                }
                continue;
            }
            out.add(segment);
        }
        return out;
    }

    /** Strict percent-decoding ('+' stays '+'); null on a malformed escape. */
    static String percentDecode(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return null;
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else {
                int codePoint = raw.codePointAt(i);
                byte[] encoded = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
                i += Character.charCount(codePoint) - 1;
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
