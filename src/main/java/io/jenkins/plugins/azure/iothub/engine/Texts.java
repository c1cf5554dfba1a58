package io.jenkins.plugins.azure.iothub.engine;

import java.time.Duration;

/** Small helpers for building one-line user messages. */
final class Texts {
    private static final int MAX_ECHO = 140;

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

    /** First sentence of a service message, without correlation ids and line breaks. */
    static String serviceSummary(String message) {
        if (message == null || message.isBlank()) {
            return "";
        }
        String oneLine = message.replaceAll("\\s+", " ").trim();
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
