package io.jenkins.plugins.azure.iothub.engine;

import java.time.Duration;

/** Small helpers for building one-line user messages. */
final class Texts {
    private static final int MAX_ECHO = 140;
    /**
     * Key material: padded base64 (IoT Hub keys are 16 to 64 bytes; padded ones end in '='), any other run of 20 or
     * more base64 characters unless it is shaped like an identifier (lower-case start, then capitalised words of
     * three or more letters, digits after a word: {@code UnknownHostException}, {@code getAccessToken}), and the
     * values of {@code sig=} and {@code SharedAccessKey=}. Host names and GUIDs stay readable: '.' and '-' end a run.
     */
    private static final java.util.regex.Pattern KEY_LIKE = java.util.regex.Pattern.compile(
            "(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{16,}={1,2}"
                    + "|(?<![A-Za-z0-9+/])(?![a-z]*[0-9]*(?:[A-Z]{1,5}[a-z]{3,}[0-9]*)*(?![A-Za-z0-9+/=]))"
                    + "[A-Za-z0-9+/]{20,}"
                    + "|(?<=sig=)[^&\\s\"]+|(?<=SharedAccessKey=)[^;&\\s\"]+");

    private Texts() {
    }

    /** Echoes user input safely: single line, bounded length. */
    static String shorten(String text) {
        if (text == null) {
            return "";
        }
        String oneLine = text.replaceAll("[\\r\\n\\t]+", " ");
        return oneLine.length() <= MAX_ECHO ? oneLine : oneLine.substring(0, MAX_ECHO) + "...";
    }

    /** Replaces anything key-like, in case a service or SDK message ever echoes a key or signature. */
    static String redact(String text) {
        return text == null ? null : KEY_LIKE.matcher(text).replaceAll("<redacted>");
    }

    /** First sentence of a service message, on one line, with anything key-like removed. */
    static String serviceSummary(String message) {
        if (message == null || message.isBlank()) {
            return "";
        }
        String oneLine = redact(message).replaceAll("\\s+", " ").trim();
        int cut = oneLine.indexOf(". ");
        if (cut > 0) {
            oneLine = oneLine.substring(0, cut + 1);
        }
        return shorten(oneLine);
    }

    static String seconds(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 1000 == 0) {
            return (millis / 1000) + " s";
        }
        return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
