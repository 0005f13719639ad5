package io.kumo.ec2.runtime.userdata;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * YAML values read the way cloud-init (Python) reads them, so that odd-but-valid cloud-configs behave the same:
 * {@code str()} of a scalar, and cloud-init's lenient booleans.
 */
final class PyValues {
    private static final List<String> TRUE_STRINGS = List.of("true", "1", "on", "yes");

    private PyValues() {
    }

    /** Python's {@code str()} of a YAML value. */
    static String str(Object value) {
        return switch (value) {
            case null -> "None";
            case String s -> s;
            case Boolean b -> b ? "True" : "False";
            case byte[] bytes -> new String(bytes, StandardCharsets.UTF_8);
            default -> value.toString();
        };
    }

    /** cloud-init's {@code translate_bool}: anything empty or false is false; strings must say true, 1, on or yes. */
    static boolean truthy(Object value) {
        return switch (value) {
            case null -> false;
            case Boolean b -> b;
            case String s -> TRUE_STRINGS.contains(s.strip().toLowerCase(Locale.ROOT));
            case Number n -> TRUE_STRINGS.contains(n.toString());
            default -> false;
        };
    }

    /** What a value is, for messages. */
    static String typeName(Object value) {
        return switch (value) {
            case null -> "empty";
            case String _ -> "a string";
            case Boolean _ -> "a boolean";
            case Number _ -> "a number";
            case List<?> _ -> "a list";
            case Map<?, ?> _ -> "a mapping";
            case byte[] _ -> "binary data";
            default -> "a " + value.getClass().getSimpleName().toLowerCase(Locale.ROOT);
        };
    }
}
