package io.kumo.elbv2.listener;

import io.kumo.elbv2.support.Elbv2Errors;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The checks ELBv2's service model declares (ranges, lengths, patterns, enums), failing with the
 * "1 validation error detected" messages AWS's front end gives for them. The protocol layer
 * checks only presence, so the handlers check the rest here.
 */
final class ModelConstraints {

    private ModelConstraints() {
    }

    static int range(Integer value, String path, int min, int max) {
        if (value == null) {
            throw Elbv2Errors.validation(prefix("null", path) + "Member must not be null");
        }
        if (value < min) {
            throw Elbv2Errors.validation(prefix(value.toString(), path) + "Member must have value greater than or equal to " + min);
        }
        if (value > max) {
            throw Elbv2Errors.validation(prefix(value.toString(), path) + "Member must have value less than or equal to " + max);
        }
        return value;
    }

    static String length(String value, String path, int min, int max) {
        if (value != null && (value.length() < min || value.length() > max)) {
            throw Elbv2Errors.validation(prefix(value, path) + "Member must have length between " + min + " and " + max);
        }
        return value;
    }

    static String pattern(String value, String path, Pattern pattern) {
        if (value != null && !pattern.matcher(value).matches()) {
            throw Elbv2Errors.validation(prefix(value, path) + "Member must satisfy regular expression pattern: " + pattern.pattern());
        }
        return value;
    }

    static String oneOf(String value, String path, List<String> allowed) {
        if (value == null) {
            throw Elbv2Errors.validation(prefix("null", path) + "Member must not be null");
        }
        if (!allowed.contains(value)) {
            throw Elbv2Errors.validation(prefix(value, path) + "Member must satisfy enum value set: [" + String.join(", ", allowed) + "]");
        }
        return value;
    }

    private static String prefix(String value, String path) {
        String shown = value.equals("null") ? "null" : "'" + value + "'";
        return "1 validation error detected: Value " + shown + " at '" + path + "' failed to satisfy constraint: ";
    }
}
