package io.kumo.elbv2.support;

import java.util.regex.Pattern;

/**
 * Names of load balancers and target groups: 1 to 32 letters, digits and hyphens, neither
 * starting nor ending with a hyphen; a load balancer's may not start with "internal-", which its
 * DNS name uses for the internal scheme.
 */
public final class ElbNames {
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9-]+");

    private ElbNames() {
    }

    public static String checkLoadBalancer(String name) {
        check(name, "Load balancer");
        if (name.toLowerCase(java.util.Locale.ROOT).startsWith("internal-")) {
            throw Elbv2Errors.validation("Load balancer name '" + name + "' cannot begin with 'internal-'");
        }
        return name;
    }

    public static String checkTargetGroup(String name) {
        return check(name, "Target group");
    }

    private static String check(String name, String what) {
        if (name == null || name.isEmpty()) {
            throw Elbv2Errors.missing("Name");
        }
        if (name.length() > 32) {
            throw Elbv2Errors.validation(what + " name '" + name + "' cannot be longer than '32' characters");
        }
        if (!ALLOWED.matcher(name).matches()) {
            throw Elbv2Errors.validation(what + " name '" + name + "' can only contain characters that are alphanumeric characters or hyphens(-)");
        }
        if (name.startsWith("-") || name.endsWith("-")) {
            throw Elbv2Errors.validation(what + " name '" + name + "' cannot begin or end with '-'");
        }
        return name;
    }
}
