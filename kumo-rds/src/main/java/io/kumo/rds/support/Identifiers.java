package io.kumo.rds.support;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * RDS's naming rules. Instance, snapshot and parameter/option group identifiers begin with a
 * letter, hold letters, digits and hyphens, neither end with a hyphen nor hold two in a row; RDS
 * stores them in lower case (option groups keep their case but compare without it).
 */
public final class Identifiers {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z](?:[A-Za-z0-9]|-(?!-))*");
    private static final Pattern SUBNET_GROUP = Pattern.compile("[A-Za-z0-9 ._-]+");

    private Identifiers() {
    }

    /** A DB instance identifier: 1 to 63 characters. Returns it in lower case. */
    public static String instance(String value, String parameter) {
        return identifier(value, parameter, 63);
    }

    /** A snapshot identifier: 1 to 255 characters. */
    public static String snapshot(String value, String parameter) {
        return identifier(value, parameter, 255);
    }

    /** A parameter group name: 1 to 255 characters. */
    public static String parameterGroup(String value) {
        return identifier(value, "DBParameterGroupName", 255);
    }

    /** An option group name: 1 to 255 characters. */
    public static String optionGroup(String value) {
        return identifier(value, "OptionGroupName", 255);
    }

    /** A DB subnet group name: up to 255 letters, digits, spaces, periods, underscores and hyphens; never "default" for a new one. */
    public static String subnetGroup(String value) {
        if (value == null || value.isEmpty()) {
            throw RdsErrors.missing("DBSubnetGroupName");
        }
        if (value.length() > 255 || !SUBNET_GROUP.matcher(value).matches()) {
            throw RdsErrors.invalidValue("The parameter DBSubnetGroupName is not a valid identifier: use at most 255 letters, digits, "
                    + "spaces, periods, underscores and hyphens.");
        }
        return value.toLowerCase(Locale.ROOT);
    }

    private static String identifier(String value, String parameter, int most) {
        if (value == null || value.isEmpty()) {
            throw RdsErrors.missing(parameter);
        }
        if (value.length() > most || !IDENTIFIER.matcher(value).matches() || value.endsWith("-")) {
            throw RdsErrors.invalidValue("The parameter " + parameter + " is not a valid identifier. Identifiers begin with a letter, "
                    + "hold only ASCII letters, digits and hyphens, are at most " + most
                    + " characters long, and neither end with a hyphen nor contain two consecutive hyphens.");
        }
        return value.toLowerCase(Locale.ROOT);
    }
}
