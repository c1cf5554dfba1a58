package io.jenkins.plugins.azure.iothub.engine;

import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

/** What went wrong in one SDK call, reduced to what decides retries and wording. Never holds key material. */
final class Failure {
    enum Kind {
        /** Azure answered with an error status. */
        HTTP,
        /** No answer: connection refused or dropped, TLS failure, socket timeout. */
        CONNECTION,
        /** The credential could not produce a token. */
        TOKEN,
        /** Anything else (a bug, an unexpected SDK state). */
        OTHER
    }

    final Kind kind;
    final int status;
    final String serviceCode;
    final String serviceMessage;
    final Duration retryAfter;
    final Throwable cause;
    /** Simple class name of the innermost original exception, for messages ("ConnectException"). */
    private final String rootCause;

    private Failure(Kind kind, int status, String serviceCode, String serviceMessage, Duration retryAfter,
            Throwable cause) {
        this.kind = kind;
        this.status = status;
        this.serviceCode = serviceCode;
        this.serviceMessage = serviceMessage;
        this.retryAfter = retryAfter;
        this.rootCause = cause == null ? "error" : rootName(cause);
        this.cause = cause == null ? null : redacted(cause);
    }

    static Failure http(int status, String code, String message, Duration retryAfter, Throwable cause) {
        return new Failure(Kind.HTTP, status, code, message, retryAfter, cause);
    }

    static Failure connection(Throwable cause) {
        return new Failure(Kind.CONNECTION, 0, null, null, null, cause);
    }

    static Failure of(Throwable error) {
        if (error instanceof RestPipeline.CallFailed) {
            return ((RestPipeline.CallFailed) error).failure;
        }
        if (error instanceof ClientAuthenticationException && ((HttpResponseException) error).getResponse() == null) {
            return new Failure(Kind.TOKEN, 0, null, error.getMessage(), null, error);
        }
        if (error instanceof HttpResponseException) {
            HttpResponseException e = (HttpResponseException) error;
            return http(status(e.getResponse()), null, null, retryAfter(e.getResponse()), e);
        }
        if (isTokenFailure(error)) {
            return new Failure(Kind.TOKEN, 0, null, error.getMessage(), null, error);
        }
        if (hasIoCause(error)) {
            return connection(error);
        }
        return new Failure(Kind.OTHER, 0, null, null, null, sanitized(error));
    }

    /**
     * A copy of an exception chain for use as a cause: same classes named, same stack traces, messages with anything
     * key-like redacted (SDK messages quote response bodies). Already redacted or sanitized copies pass through.
     */
    static Throwable redacted(Throwable error) {
        if (error == null || error instanceof Redacted) {
            return error;
        }
        Throwable cause = error.getCause() == error ? null : redacted(error.getCause());
        Redacted copy = new Redacted(error.getClass().getName() + ": " + Texts.redact(error.getMessage()), cause);
        copy.setStackTrace(error.getStackTrace());
        return copy;
    }

    /** Marks a redacted copy. */
    static final class Redacted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Redacted(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * A copy of an unexpected exception chain with the messages replaced by class names. Unexpected exceptions
     * (a parser failure, say) may quote a response body, and listkeys bodies hold keys.
     */
    static Throwable sanitized(Throwable error) {
        if (error == null) {
            return null;
        }
        Redacted copy = new Redacted(error.getClass().getName(),
                error.getCause() == error ? null : sanitized(error.getCause()));
        copy.setStackTrace(error.getStackTrace());
        return copy;
    }

    /** Throttling, busy, server errors and lost connections are worth another attempt. */
    boolean isTransient() {
        if (kind == Kind.CONNECTION) {
            return true;
        }
        return kind == Kind.HTTP && (status == 408 || status == 409 || status == 429 || status >= 500);
    }

    /** Whether the request may have been carried out although no success was seen. */
    boolean mayHaveBeenApplied() {
        return kind == Kind.CONNECTION || kind == Kind.OTHER || (kind == Kind.HTTP && status >= 500);
    }

    /** "HTTP 503 ServiceUnavailable: summary" or "connection failed", for messages. */
    String describe() {
        switch (kind) {
            case HTTP:
                StringBuilder text = new StringBuilder("HTTP ").append(status);
                if (serviceCode != null && !serviceCode.isBlank()) {
                    text.append(' ').append(Texts.shorten(serviceCode));
                }
                String summary = Texts.serviceSummary(serviceMessage);
                if (!summary.isEmpty()) {
                    text.append(": ").append(summary);
                }
                return text.toString();
            case CONNECTION:
                return "connection failed: " + rootCauseName();
            case TOKEN:
                return "no token: " + Texts.serviceSummary(serviceMessage);
            default:
                return "unexpected " + rootCauseName();
        }
    }

    private String rootCauseName() {
        return rootCause;
    }

    private static String rootName(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof Redacted) {
            String message = root.getMessage();
            String name = message.contains(":") ? message.substring(0, message.indexOf(':')) : message;
            return name.substring(name.lastIndexOf('.') + 1);
        }
        return root.getClass().getSimpleName();
    }

    private static int status(HttpResponse response) {
        return response == null ? 0 : response.getStatusCode();
    }

    static Duration retryAfter(HttpResponse response) {
        if (response == null) {
            return null;
        }
        return parseRetryAfter(response.getHeaderValue(HttpHeaderName.RETRY_AFTER));
    }

    static Duration parseRetryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long seconds = Long.parseLong(value.trim());
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            try {
                java.time.ZonedDateTime when = java.time.ZonedDateTime.parse(value.trim(),
                        java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(java.time.ZonedDateTime.now(when.getZone()), when);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (java.time.format.DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private static boolean isTokenFailure(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ClientAuthenticationException
                    || t.getClass().getName().startsWith("com.azure.identity.")
                    || t.getClass().getName().startsWith("com.microsoft.aad.msal4j.")) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasIoCause(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException || t instanceof UncheckedIOException
                    || t instanceof java.util.concurrent.TimeoutException) {
                return true;
            }
        }
        return false;
    }
}
