package hudson.util;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Util;
import java.io.IOException;
import java.util.Collection;

/**
 * Offline declaration. The factories behave as jenkinsci/jenkins@jenkins-2.541.3:core/src/main/java/hudson/util/
 * FormValidation.java: {@code ok/warning/error(String)} HTML-escape the message with {@link Util#escape} (so
 * {@link #getMessage()} is the escaped text), a null message means {@link #ok()}, {@code ok()} has no message and
 * renders {@code <div/>}, and {@code renderHtml()} of a message outside a Stapler request (always, offline) is the
 * escaped message itself.
 */
public abstract class FormValidation extends IOException {
    public enum Kind {
        OK,
        WARNING,
        ERROR
    }

    public final Kind kind;

    private FormValidation(Kind kind) {
        this.kind = kind;
    }

    private FormValidation(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    private static final FormValidation OK = respond(Kind.OK, "<div/>");

    public static FormValidation ok() {
        return OK;
    }

    public static FormValidation ok(String message) {
        return okWithMarkup(message == null ? null : Util.escape(message));
    }

    public static FormValidation ok(String format, Object... args) {
        return ok(String.format(format, args));
    }

    public static FormValidation warning(String message) {
        return warningWithMarkup(message == null ? null : Util.escape(message));
    }

    public static FormValidation warning(String format, Object... args) {
        return warning(String.format(format, args));
    }

    public static FormValidation error(String message) {
        return errorWithMarkup(message == null ? null : Util.escape(message));
    }

    public static FormValidation error(String format, Object... args) {
        return error(String.format(format, args));
    }

    public static FormValidation error(Throwable e, String message) {
        throw new UnsupportedOperationException("offline declaration");
    }

    public static FormValidation warning(Throwable e, String message) {
        throw new UnsupportedOperationException("offline declaration");
    }

    public static FormValidation errorWithMarkup(String message) {
        return withMarkup(message, Kind.ERROR);
    }

    public static FormValidation warningWithMarkup(String message) {
        return withMarkup(message, Kind.WARNING);
    }

    public static FormValidation okWithMarkup(String message) {
        return withMarkup(message, Kind.OK);
    }

    private static FormValidation withMarkup(String message, Kind kind) {
        if (message == null) {
            return ok();
        }
        return new FormValidation(kind, message) {
            @Override
            public String renderHtml() {
                return message; // no current request offline
            }
        };
    }

    public static FormValidation respond(Kind kind, final String html) {
        return new FormValidation(kind) {
            @Override
            public String renderHtml() {
                return html;
            }
        };
    }

    public static @NonNull FormValidation aggregate(@NonNull Collection<FormValidation> validations) {
        throw new UnsupportedOperationException("offline declaration");
    }

    public abstract String renderHtml();
}
