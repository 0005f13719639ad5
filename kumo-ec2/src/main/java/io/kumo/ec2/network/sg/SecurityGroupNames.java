package io.kumo.ec2.network.sg;

import io.kumo.ec2.support.Ec2Errors;

import java.util.regex.Pattern;

/** What group names and descriptions may contain in a VPC. */
public final class SecurityGroupNames {
    private static final Pattern VPC_CHARACTERS = Pattern.compile("[a-zA-Z0-9 ._\\-:/()#,@\\[\\]+=&;{}!$*]*");
    private static final int MAX_LENGTH = 255;

    private SecurityGroupNames() {
    }

    public static boolean allowedCharacters(String text) {
        return VPC_CHARACTERS.matcher(text).matches();
    }

    public static void checkName(String name) {
        check(name, "GroupName");
        if (name.toLowerCase(java.util.Locale.ROOT).startsWith("sg-")) {
            throw Ec2Errors.invalidParameterValue("Group names may not be in the format sg-*.");
        }
    }

    public static void checkDescription(String description) {
        check(description, "GroupDescription");
    }

    private static void check(String text, String parameter) {
        if (text.isEmpty()) {
            throw Ec2Errors.invalidParameterValue("Value () for parameter " + parameter + " is invalid. The value cannot be empty");
        }
        if (text.chars().anyMatch(c -> c > 127)) {
            throw Ec2Errors.invalidParameterValue("Value (" + text + ") for parameter " + parameter
                    + " is invalid. Character sets beyond ASCII are not supported.");
        }
        if (text.length() > MAX_LENGTH) {
            throw Ec2Errors.invalidParameterValue("Value (" + text + ") for parameter " + parameter
                    + " is invalid. Length exceeds maximum of " + MAX_LENGTH + ".");
        }
        if (!allowedCharacters(text)) {
            throw Ec2Errors.invalidParameterValue("Value (" + text + ") for parameter " + parameter
                    + " is invalid. Valid characters are a-z, A-Z, 0-9, spaces, and ._-:/()#,@[]+=&;{}!$*");
        }
    }
}
