package io.kumo.elbv2.targetgroup;

import io.kumo.elbv2.support.Elbv2Errors;

import java.util.regex.Pattern;

/**
 * A health check's success codes: single codes, comma-separated lists and ranges ("200",
 * "200,202", "200-299"), HTTP codes within 200-499 for application load balancers, gRPC codes
 * within 0-99. The health checker asks {@link #matches} of every answer.
 */
public final class CodeMatcher {
    private static final Pattern SHAPE = Pattern.compile("\\d{1,3}(-\\d{1,3})?(,\\d{1,3}(-\\d{1,3})?)*");

    private CodeMatcher() {
    }

    static String checkHttp(String codes) {
        return check(codes, 200, 499, "HTTP");
    }

    static String checkGrpc(String codes) {
        return check(codes, 0, 99, "gRPC");
    }

    /** Whether a checked matcher accepts the code. */
    public static boolean matches(String codes, int code) {
        for (String part : codes.split(",")) {
            int dash = part.indexOf('-');
            int low = Integer.parseInt(dash < 0 ? part : part.substring(0, dash));
            int high = dash < 0 ? low : Integer.parseInt(part.substring(dash + 1));
            if (code >= low && code <= high) {
                return true;
            }
        }
        return false;
    }

    private static String check(String codes, int least, int most, String kind) {
        if (codes == null || !SHAPE.matcher(codes).matches()) {
            throw invalid(codes, least, most, kind);
        }
        for (String part : codes.split(",")) {
            int dash = part.indexOf('-');
            int low = Integer.parseInt(dash < 0 ? part : part.substring(0, dash));
            int high = dash < 0 ? low : Integer.parseInt(part.substring(dash + 1));
            if (low < least || high > most || low > high) {
                throw invalid(codes, least, most, kind);
            }
        }
        return codes;
    }

    private static RuntimeException invalid(String codes, int least, int most, String kind) {
        return Elbv2Errors.validation("Health check matcher " + kind + " code '" + codes + "' must be within '" + least + "-" + most
                + "', as single codes, comma-separated codes or ranges such as '" + least + "-" + (least + 99) + "'");
    }
}
