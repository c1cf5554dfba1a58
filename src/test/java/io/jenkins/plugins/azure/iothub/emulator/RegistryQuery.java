package io.jenkins.plugins.azure.iothub.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code POST /devices/query} with {@code {"query": "..."}}: device twins, paged by {@code x-ms-max-item-count}
 * (default 100, at most 1000 here) with the next page's token in the {@code x-ms-continuation} answer header, sent back
 * in the same request header (azure.md §4.6). The modelled subset of the query language: {@code SELECT * FROM devices}
 * with an optional WHERE of comparisons joined by AND: {@code <field> = '<text>'} or {@code = true|false} on deviceId,
 * status, authenticationType, capabilities.iotEdge or tags.<name>, and {@code STARTSWITH(deviceId, '<prefix>')}.
 * Anything else is answered 400, so no test passes on syntax the model does not know.
 */
final class RegistryQuery {
    private static final Pattern SELECT = Pattern.compile("(?i)\\s*SELECT\\s+\\*\\s+FROM\\s+devices\\s*(?:WHERE\\s+(.+))?");
    private static final Pattern EQUALS = Pattern.compile("(?i)\\s*([A-Za-z][A-Za-z0-9_.$]*)\\s*=\\s*('((?:[^']|'')*)'|true|false)\\s*");
    private static final Pattern STARTS = Pattern.compile("(?i)\\s*STARTSWITH\\s*\\(\\s*deviceId\\s*,\\s*'((?:[^']|'')*)'\\s*\\)\\s*");
    private static final int MAX_PAGE = 1000;

    private final SimulatedHub hub;

    RegistryQuery(SimulatedHub hub) {
        this.hub = hub;
    }

    /** Answers one page (called under the hub lock). */
    void answer(HttpCall call) throws java.io.IOException {
        JsonNode body = Json.parseOrNull(call.body);
        String query = body == null ? null : Json.text(body, "query");
        if (query == null) {
            throw EmulatorError.dataPlane(400, "ArgumentInvalid", "The body must be {\"query\": \"...\"}.");
        }
        Predicate<ObjectNode> where = parse(query);
        int pageSize = pageSize(call.header("x-ms-max-item-count"));
        int offset = offset(call.header("x-ms-continuation"));
        List<ObjectNode> matching = new ArrayList<>();
        for (SimulatedIdentity device : hub.devicesView().values()) {
            ObjectNode twin = device.toTwinJson();
            if (where.test(twin)) {
                matching.add(twin);
            }
        }
        ArrayNode page = Json.array();
        for (int i = offset; i < Math.min(matching.size(), offset + pageSize); i++) {
            page.add(matching.get(i));
        }
        int next = offset + pageSize;
        call.respond(200, page, next < matching.size()
                ? Map.of("x-ms-continuation", Base64.getEncoder().encodeToString(("offset:" + next)
                        .getBytes(StandardCharsets.UTF_8)), "x-ms-item-type", "Twin")
                : Map.of("x-ms-item-type", "Twin"));
    }

    static Predicate<ObjectNode> parse(String query) {
        Matcher select = SELECT.matcher(query);
        if (!select.matches()) {
            throw unsupported(query);
        }
        Predicate<ObjectNode> all = twin -> true;
        if (select.group(1) == null) {
            return all;
        }
        for (String term : select.group(1).split("(?i)\\s+AND\\s+")) {
            all = all.and(term(term, query));
        }
        return all;
    }

    private static Predicate<ObjectNode> term(String term, String query) {
        String t = term.trim();
        while (t.startsWith("(") && t.endsWith(")") && !STARTS.matcher(t).matches()) {
            t = t.substring(1, t.length() - 1).trim();
        }
        Matcher starts = STARTS.matcher(t);
        if (starts.matches()) {
            String prefix = starts.group(1).replace("''", "'");
            return twin -> Json.text(twin, "deviceId").startsWith(prefix);
        }
        Matcher eq = EQUALS.matcher(t);
        if (!eq.matches()) {
            throw unsupported(query);
        }
        String field = eq.group(1);
        String literal = eq.group(3) != null ? eq.group(3).replace("''", "'") : eq.group(2).toLowerCase(Locale.ROOT);
        List<String> path = List.of(field.split("\\."));
        String root = path.get(0);
        if (!(field.equals("deviceId") || field.equals("status") || field.equals("authenticationType")
                || field.equals("capabilities.iotEdge") || (root.equals("tags") && path.size() >= 2))) {
            throw unsupported(query);
        }
        return twin -> {
            JsonNode value = twin;
            for (String part : path) {
                value = value.path(part);
            }
            return !value.isMissingNode() && !value.isNull() && value.asText().equals(literal);
        };
    }

    private static int pageSize(String header) {
        if (header == null) {
            return 100;
        }
        try {
            int size = Integer.parseInt(header.trim());
            if (size < 1) {
                throw new NumberFormatException();
            }
            return Math.min(size, MAX_PAGE);
        } catch (NumberFormatException e) {
            throw EmulatorError.dataPlane(400, "ArgumentInvalid", "x-ms-max-item-count must be a positive number.");
        }
    }

    private static int offset(String token) {
        if (token == null) {
            return 0;
        }
        try {
            String text = new String(Base64.getDecoder().decode(token.trim()), StandardCharsets.UTF_8);
            if (!text.startsWith("offset:")) {
                throw new IllegalArgumentException();
            }
            return Integer.parseInt(text.substring("offset:".length()));
        } catch (IllegalArgumentException e) {
            throw EmulatorError.dataPlane(400, "ArgumentInvalid", "The continuation token is not valid.");
        }
    }

    private static EmulatorError unsupported(String query) {
        return EmulatorError.dataPlane(400, "BadRequest", "emulator: query not modelled (SELECT * FROM devices"
                + " [WHERE a = 'x' AND STARTSWITH(deviceId, 'p') ...] only): " + query);
    }
}
