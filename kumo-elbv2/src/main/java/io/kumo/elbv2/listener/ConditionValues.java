package io.kumo.elbv2.listener;

import io.kumo.core.net.Ipv4Cidr;
import io.kumo.core.net.Ipv6Cidr;
import io.kumo.elbv2.support.Elbv2Errors;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The values of each kind of condition, as ELBv2 accepts them: patterns of at most 128 characters
 * from each field's own alphabet, with * (any run) and ? (one character) as wildcards; header
 * names and methods of at most 40; CIDR blocks for source IPs. No value may be empty.
 */
final class ConditionValues {
    static final int MOST_PATTERN_LENGTH = 128;
    static final int MOST_NAME_LENGTH = 40;

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.*?-]+");
    // After the last dot, a host pattern names a top-level domain: letters (or wildcards standing for them).
    private static final Pattern HOST_END = Pattern.compile(".*\\.[A-Za-z*?]+");
    private static final Pattern PATH = Pattern.compile("[A-Za-z0-9_\\-.$/~\"'@:+&*?]+");
    // An HTTP token (RFC 9110) without the wildcard characters.
    private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9!#$%&'+.^_`|~-]+");
    private static final Pattern METHOD = Pattern.compile("[A-Z_-]+");

    private ConditionValues() {
    }

    static List<String> hosts(List<String> values) {
        for (String host : values) {
            notEmpty(host);
            tooLong(host, Conditions.HOST_HEADER, MOST_PATTERN_LENGTH);
            if (!HOST.matcher(host).matches()) {
                throw Elbv2Errors.validation("The 'host-header' value '" + host
                        + "' is invalid; the allowed characters are A-Z, a-z, 0-9, hyphen, period, * and ?");
            }
            if (!HOST_END.matcher(host).matches()) {
                throw Elbv2Errors.validation("The 'host-header' value '" + host
                        + "' must include a '.' and have only letters after the last '.'");
            }
        }
        return values;
    }

    static List<String> paths(List<String> values) {
        for (String path : values) {
            notEmpty(path);
            tooLong(path, Conditions.PATH_PATTERN, MOST_PATTERN_LENGTH);
            if (!PATH.matcher(path).matches()) {
                throw Elbv2Errors.validation("The 'path-pattern' value '" + path
                        + "' is invalid; the allowed characters are A-Z, a-z, 0-9, _ - . $ / ~ \" ' @ : + &, * and ?");
            }
        }
        return values;
    }

    static String headerName(String name) {
        if (name == null || name.isEmpty()) {
            throw Elbv2Errors.validation("A 'HttpHeaderName' must be specified with 'http-header'");
        }
        if (name.length() > MOST_NAME_LENGTH) {
            throw Elbv2Errors.validation("The 'HttpHeaderName' value is too long; the limit is '" + MOST_NAME_LENGTH + "'");
        }
        if (!HEADER_NAME.matcher(name).matches()) {
            throw Elbv2Errors.validation("The 'HttpHeaderName' value '" + name + "' is not a valid HTTP header name");
        }
        return name;
    }

    static List<String> headerValues(List<String> values) {
        required(values, Conditions.HTTP_HEADER);
        for (String value : values) {
            notEmpty(value);
            tooLong(value, Conditions.HTTP_HEADER, MOST_PATTERN_LENGTH);
        }
        return values;
    }

    static List<String> methods(List<String> values) {
        required(values, Conditions.HTTP_REQUEST_METHOD);
        for (String method : values) {
            notEmpty(method);
            tooLong(method, Conditions.HTTP_REQUEST_METHOD, MOST_NAME_LENGTH);
            if (!METHOD.matcher(method).matches()) {
                throw Elbv2Errors.validation(
                        "The 'http-request-method' value is invalid; the allowed characters are A-Z, hyphen and underscore");
            }
        }
        return values;
    }

    static List<Condition.KeyValue> queryStrings(List<Condition.KeyValue> pairs) {
        if (pairs.isEmpty()) {
            throw Elbv2Errors.validation("A 'query-string' value must be specified");
        }
        for (Condition.KeyValue pair : pairs) {
            if (pair.value() == null) {
                throw Elbv2Errors.validation("A 'Value' must be specified in 'QueryStringKeyValuePair'");
            }
            notEmpty(pair.value());
            if (pair.key() != null) {
                notEmpty(pair.key());
                if (pair.key().length() > MOST_PATTERN_LENGTH) {
                    throw Elbv2Errors.validation("The 'Key' value is too long; the limit is '" + MOST_PATTERN_LENGTH + "'");
                }
            }
            if (pair.value().length() > MOST_PATTERN_LENGTH) {
                throw Elbv2Errors.validation("The 'Value' value is too long; the limit is '" + MOST_PATTERN_LENGTH + "'");
            }
        }
        return pairs;
    }

    static List<String> cidrs(List<String> values) {
        required(values, Conditions.SOURCE_IP);
        for (String cidr : values) {
            notEmpty(cidr);
            if (!isCidr(cidr)) {
                throw Elbv2Errors.validation("The 'source-ip' value '" + cidr + "' is not a valid CIDR block");
            }
        }
        return values;
    }

    static long wildcards(String pattern) {
        return pattern.chars().filter(ch -> ch == '*' || ch == '?').count();
    }

    private static boolean isCidr(String text) {
        try {
            if (text.contains(":")) {
                Ipv6Cidr.parse(text);
            } else {
                Ipv4Cidr.parse(text);
            }
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void required(List<String> values, String field) {
        if (values.isEmpty()) {
            throw Elbv2Errors.validation("A '" + field + "' value must be specified");
        }
    }

    private static void notEmpty(String value) {
        if (value == null || value.isEmpty()) {
            throw Elbv2Errors.validation("A condition value cannot be empty");
        }
    }

    private static void tooLong(String value, String field, int most) {
        if (value.length() > most) {
            throw Elbv2Errors.validation("The '" + field + "' value is too long; the limit is '" + most + "'");
        }
    }
}
