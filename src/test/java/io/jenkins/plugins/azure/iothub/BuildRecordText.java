package io.jenkins.plugins.azure.iothub;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.Map;

/**
 * What XStream would write to build.xml for an object, as plain text: every non-static, non-transient field,
 * followed into collections, maps and the plugin's own classes. Good enough to search for key material.
 */
final class BuildRecordText {

    private BuildRecordText() {}

    static String of(Object value) {
        StringBuilder out = new StringBuilder();
        append(out, value, 0);
        return out.toString();
    }

    private static void append(StringBuilder out, Object value, int depth) {
        if (depth > 20) {
            throw new IllegalStateException("object graph too deep for a build record: " + value.getClass());
        }
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Enum<?>) {
            out.append(value).append('\n');
        } else if (value instanceof Collection<?> items) {
            items.forEach(item -> append(out, item, depth + 1));
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                append(out, k, depth + 1);
                append(out, v, depth + 1);
            });
        } else if (value.getClass().getName().startsWith("io.jenkins.plugins.azure.iothub.")) {
            for (Class<?> c = value.getClass(); c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (!Modifier.isStatic(f.getModifiers()) && !Modifier.isTransient(f.getModifiers())) {
                        f.setAccessible(true);
                        out.append(f.getName()).append('=');
                        try {
                            append(out, f.get(value), depth + 1);
                        } catch (IllegalAccessException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }
            }
        } else {
            throw new IllegalStateException("unexpected type in a build record: " + value.getClass().getName());
        }
    }
}
