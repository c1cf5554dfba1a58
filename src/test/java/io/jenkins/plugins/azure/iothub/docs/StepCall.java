package io.jenkins.plugins.azure.iothub.docs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code iotHubRenewKey} call written in documentation, with its named arguments as written. Understands both
 * Groovy forms: {@code iotHubRenewKey(hub: 'h', ...)} and the parenthesis-free {@code iotHubRenewKey hub: 'h', ...}
 * continued over lines that end with a comma.
 *
 * @param where file and line, for messages
 * @param arguments argument name to its source text, in order; a positional argument is stored under {@code ""}
 */
record StepCall(String where, Map<String, String> arguments) {

    private static final Pattern CALL = Pattern.compile("\\biotHubRenewKey\\b");
    private static final Pattern NAMED_START = Pattern.compile("[ \\t]+[A-Za-z_]\\w*\\s*:");
    private static final Pattern NAMED = Pattern.compile("(?s)\\s*([A-Za-z_]\\w*)\\s*:\\s*(.*?)\\s*");
    private static final Pattern PLAIN_STRING = Pattern.compile("'([^'$\\\\]*)'|\"([^\"$\\\\]*)\"");

    static List<StepCall> findAll(String file, String text) {
        return findAll(file, text, CALL);
    }

    /** Calls of another step, e.g. {@code iotHubRotateKey}. */
    static List<StepCall> findAll(String file, String text, String step) {
        return findAll(file, text, Pattern.compile("\\b" + Pattern.quote(step) + "\\b"));
    }

    private static List<StepCall> findAll(String file, String text, Pattern call) {
        List<StepCall> calls = new ArrayList<>();
        Matcher m = call.matcher(text);
        while (m.find()) {
            int at = m.end();
            String arguments;
            if (at < text.length() && text.charAt(at) == '(') {
                arguments = argumentsInParentheses(text, at + 1);
            } else if (NAMED_START.matcher(text).region(at, text.length()).lookingAt()) {
                arguments = argumentsWithoutParentheses(text, at);
            } else {
                continue; // the name in prose, e.g. "rerun iotHubRenewKey with the same arguments"
            }
            int line = 1 + (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count();
            calls.add(new StepCall(file + ":" + line, split(arguments)));
        }
        return calls;
    }

    /** The literal value of an argument: a String, Boolean or Integer; null when it is an expression. */
    static Object literal(String source) {
        Matcher string = PLAIN_STRING.matcher(source);
        if (string.matches()) {
            return string.group(1) != null ? string.group(1) : string.group(2);
        }
        if (source.equals("true") || source.equals("false")) {
            return Boolean.valueOf(source);
        }
        if (source.matches("-?\\d+")) {
            return Integer.valueOf(source);
        }
        return null;
    }

    private static String argumentsInParentheses(String text, int from) {
        int depth = 0;
        char quote = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(' || c == '[') {
                depth++;
            } else if ((c == ')' || c == ']') && depth > 0) {
                depth--;
            } else if (c == ')') {
                return text.substring(from, i);
            }
        }
        throw new IllegalArgumentException("unbalanced iotHubRenewKey( ... at offset " + from);
    }

    /** Lines ending with a comma continue the argument list. */
    private static String argumentsWithoutParentheses(String text, int from) {
        StringBuilder out = new StringBuilder();
        int at = from;
        while (at < text.length()) {
            int end = text.indexOf('\n', at);
            String line = end < 0 ? text.substring(at) : text.substring(at, end);
            String code = withoutComment(line).stripTrailing();
            out.append(code).append('\n');
            if (!code.endsWith(",") || end < 0) {
                break;
            }
            at = end + 1;
        }
        return out.toString();
    }

    private static String withoutComment(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/') {
                return line.substring(0, i);
            }
        }
        return line;
    }

    /** Splits at commas outside quotes and brackets. */
    private static Map<String, String> split(String arguments) {
        Map<String, String> out = new LinkedHashMap<>();
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 0;
        char quote = 0;
        for (char c : arguments.toCharArray()) {
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(current.toString());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        parts.add(current.toString());
        for (String part : parts) {
            if (part.isBlank()) {
                continue;
            }
            Matcher named = NAMED.matcher(part);
            if (named.matches()) {
                out.put(named.group(1), named.group(2));
            } else {
                out.put("", part.strip());
            }
        }
        return out;
    }
}
