package io.jenkins.plugins.azure.iothub.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * An HTTP error answer, thrown inside request handling and turned into a response by the dispatcher. The factory
 * methods reproduce the body shapes of the real services: ARM front door ({@code {"error":{code,message}}}), the IoT Hub
 * resource provider (unwrapped, numeric code, {@code httpStatusCode}) and the IoT Hub data plane
 * ({@code {"Message":"ErrorCode:Name;text","ExceptionMessage":"Tracking ID:..."}}).
 */
final class EmulatorError extends RuntimeException {
    private static final DateTimeFormatter DATA_PLANE_TIME = DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss");

    final int status;
    final transient JsonNode body;
    final Map<String, String> headers = new LinkedHashMap<>();

    EmulatorError(int status, JsonNode body) {
        super("HTTP " + status, null, false, false);
        this.status = status;
        this.body = body;
    }

    EmulatorError header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** ARM front-door style: {@code {"error":{"code":..,"message":..}}}. */
    static EmulatorError arm(int status, String code, String message) {
        ObjectNode error = Json.object().put("code", code).put("message", message);
        ObjectNode body = Json.object();
        body.set("error", error);
        return new EmulatorError(status, body);
    }

    /** IoT Hub resource-provider style, e.g. {@code {"code":412001,"httpStatusCode":"PreconditionFailed",...}}. */
    static EmulatorError provider(int status, int code, String httpStatusCode, String message) {
        String text = message + " If you contact a support representative please include this correlation identifier: "
                + UUID.randomUUID() + ", timestamp: " + ZonedDateTime.now(ZoneOffset.UTC).withNano(0)
                + ", errorcode: IH" + code + ".";
        return new EmulatorError(status, Json.object().put("code", code).put("httpStatusCode", httpStatusCode)
                .put("message", text));
    }

    /** IoT Hub data-plane style. */
    static EmulatorError dataPlane(int status, String errorCode, String text) {
        String tracking = "Tracking ID:" + UUID.randomUUID().toString().replace("-", "") + "-G:0-TimeStamp:"
                + DATA_PLANE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC));
        return new EmulatorError(status, Json.object().put("Message", "ErrorCode:" + errorCode + ";" + text)
                .put("ExceptionMessage", tracking));
    }

    static EmulatorError hubBusy(String hubName) {
        return provider(409, 409002, "Conflict", "IotHub '" + hubName
                + "' is not currently in Active state. Try the request again after it is in Active state.");
    }

    static EmulatorError staleEtag() {
        return provider(412, 412001, "PreconditionFailed", "Invalid ETag supplied.");
    }

    static EmulatorError badRequest(int code, String message) {
        return provider(400, code, "BadRequest", message);
    }
}
