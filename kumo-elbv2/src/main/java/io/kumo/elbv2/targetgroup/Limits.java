package io.kumo.elbv2.targetgroup;

import io.kumo.elbv2.support.Elbv2Errors;

import java.util.List;

/** Checks of the model's own constraints (ranges and enums), answered in the words AWS's request validator uses. */
final class Limits {

    private Limits() {
    }

    static int range(Integer value, int least, int most, String member) {
        if (value < least) {
            throw Elbv2Errors.validation("1 validation error detected: Value '" + value + "' at '" + member
                    + "' failed to satisfy constraint: Member must have value greater than or equal to " + least);
        }
        if (value > most) {
            throw Elbv2Errors.validation("1 validation error detected: Value '" + value + "' at '" + member
                    + "' failed to satisfy constraint: Member must have value less than or equal to " + most);
        }
        return value;
    }

    static String oneOf(String value, List<String> allowed, String member) {
        if (!allowed.contains(value)) {
            throw Elbv2Errors.validation("1 validation error detected: Value '" + value + "' at '" + member
                    + "' failed to satisfy constraint: Member must satisfy enum value set: [" + String.join(", ", allowed) + "]");
        }
        return value;
    }
}
