package io.jenkins.plugins.azure.iothub.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * JSON trees for the documents the engine reads and writes back: field order, unknown fields and numbers exactly as
 * Azure sent them (decimals stay BigDecimal), so a round trip changes nothing the engine did not mean to change.
 */
final class EngineJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private EngineJson() {
    }

    /** @throws IOException when the body is not a JSON object; the message never quotes the body (it may hold keys) */
    static ObjectNode parseObject(byte[] body) throws IOException {
        JsonNode node;
        try {
            node = body == null || body.length == 0 ? null : MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IOException("the answer is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw new IOException("the answer is not a JSON object");
        }
        return (ObjectNode) node;
    }

    /** @throws IOException when the body is not a JSON array; the message never quotes the body */
    static com.fasterxml.jackson.databind.node.ArrayNode parseArray(byte[] body) throws IOException {
        JsonNode node;
        try {
            node = body == null || body.length == 0 ? null : MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IOException("the answer is not valid JSON");
        }
        if (node == null || !node.isArray()) {
            throw new IOException("the answer is not a JSON array");
        }
        return (com.fasterxml.jackson.databind.node.ArrayNode) node;
    }

    static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Text of a field; null when absent, JSON null or not a string. */
    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
