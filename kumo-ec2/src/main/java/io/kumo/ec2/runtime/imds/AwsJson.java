package io.kumo.ec2.runtime.imds;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes the few flat JSON documents IMDS serves, laid out the way EC2 lays them out: two-space indent,
 * {@code "key" : value}, arrays on one line. Values are strings, numbers, null or lists of strings; nothing else is
 * needed, so no JSON library is pulled into the service layer.
 */
final class AwsJson {

    private AwsJson() {
    }

    static String object(Map<String, ?> fields) {
        if (fields.isEmpty()) {
            return "{ }";
        }
        return fields.entrySet().stream()
                .map(e -> "  " + string(e.getKey()) + " : " + value(e.getValue()))
                .collect(Collectors.joining(",\n", "{\n", "\n}"));
    }

    private static String value(Object value) {
        return switch (value) {
            case null -> "null";
            case String s -> string(s);
            case Number n -> n.toString();
            case List<?> list when list.isEmpty() -> "[ ]";
            case List<?> list -> list.stream().map(AwsJson::value).collect(Collectors.joining(", ", "[ ", " ]"));
            default -> throw new IllegalArgumentException("not a JSON value of IMDS: " + value.getClass().getName());
        };
    }

    static String string(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u%04x".formatted((int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
