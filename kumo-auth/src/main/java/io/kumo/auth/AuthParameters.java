package io.kumo.auth;

import io.kumo.auth.SigV4Exception.Detail;
import io.kumo.auth.SigV4Exception.Kind;
import io.kumo.core.http.HttpRequest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a request says about its own signature, from the Authorization header or the presigned
 * X-Amz-* query parameters: checked for shape, not yet for truth.
 *
 * @param amzDate       the timestamp as it enters the string to sign (basic ISO 8601)
 * @param signedHeaders the SignedHeaders names, lower-case, in the order given
 * @param signedHeadersLine SignedHeaders exactly as sent, which is what was signed
 * @param expiresSeconds X-Amz-Expires of a presigned request; -1 for header authentication
 */
record AuthParameters(
        boolean presigned,
        CredentialScope scope,
        String amzDate,
        Instant time,
        List<String> signedHeaders,
        String signedHeadersLine,
        String signature,
        long expiresSeconds,
        String securityToken,
        RawQuery query) {

    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    private static final String MALFORMED_CREDENTIAL =
            "the Credential is mal-formed; expecting \"<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request\".";

    /** Parses the request's authentication; MISSING_AUTH when it carries none. */
    static AuthParameters parse(HttpRequest request) {
        RawQuery query = RawQuery.parse(request.rawQuery());
        String authorization = request.header("authorization");
        if (authorization != null && !authorization.isBlank()) {
            return fromHeader(request, authorization.trim(), query);
        }
        if (query.has("X-Amz-Algorithm") || query.has("X-Amz-Credential") || query.has(CanonicalRequest.SIGNATURE_PARAMETER)) {
            return fromQuery(request, query);
        }
        throw new SigV4Exception(Kind.MISSING_AUTH, "Request is missing Authentication Token");
    }

    /** The credential scope alone, without judging the rest: the edge routes on it. */
    static CredentialScope scopeOnly(HttpRequest request) {
        String authorization = request.header("authorization");
        if (authorization != null) {
            int at = authorization.indexOf("Credential=");
            if (at < 0 || !authorization.startsWith(ALGORITHM)) {
                return null;
            }
            int from = at + "Credential=".length();
            int comma = authorization.indexOf(',', from);
            return CredentialScope.parse(authorization.substring(from, comma < 0 ? authorization.length() : comma).trim());
        }
        String rawQuery = request.rawQuery();
        if (rawQuery.isEmpty() || !rawQuery.contains("X-Amz-Credential")) {
            return null;
        }
        return CredentialScope.parse(RawQuery.parse(rawQuery).get("X-Amz-Credential"));
    }

    private static AuthParameters fromHeader(HttpRequest request, String authorization, RawQuery query) {
        int space = authorization.indexOf(' ');
        String algorithm = space < 0 ? authorization : authorization.substring(0, space);
        if (!algorithm.equals(ALGORITHM)) {
            throw incomplete(Detail.NONE, false, "Unsupported AWS 'algorithm': '" + algorithm
                    + "'. Kumo verifies " + ALGORITHM + " (SigV4) signatures.");
        }
        String credential = null;
        String signedHeaders = null;
        String signature = null;
        String rest = space < 0 ? "" : authorization.substring(space + 1);
        int start = 0;
        while (start <= rest.length()) {
            int comma = rest.indexOf(',', start);
            int end = comma < 0 ? rest.length() : comma;
            String part = rest.substring(start, end).trim();
            start = end + 1;
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq < 0) {
                throw incomplete(Detail.NONE, false, "'" + part
                        + "' not a valid key=value pair (missing equal-sign) in Authorization header: '" + authorization + "'.");
            }
            String key = part.substring(0, eq).trim();
            String value = part.substring(eq + 1).trim();
            switch (key) {
                case "Credential" -> credential = value;
                case "SignedHeaders" -> signedHeaders = value;
                case "Signature" -> signature = value;
                default -> {
                    // Unknown components are ignored, as AWS does.
                }
            }
        }
        String dateText = request.header("x-amz-date");
        String httpDate = dateText == null ? request.header("date") : null;

        StringBuilder missing = new StringBuilder();
        if (credential == null) {
            missing.append("Authorization header requires 'Credential' parameter. ");
        }
        if (signature == null) {
            missing.append("Authorization header requires 'Signature' parameter. ");
        }
        if (signedHeaders == null) {
            missing.append("Authorization header requires 'SignedHeaders' parameter. ");
        }
        if (dateText == null && httpDate == null) {
            missing.append("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ");
        }
        if (!missing.isEmpty()) {
            Detail detail = credential != null && signature != null && signedHeaders != null ? Detail.MISSING_DATE : Detail.NONE;
            throw incomplete(detail, false, missing + "Authorization=" + authorization);
        }

        CredentialScope scope = scope(credential, false);
        Instant time;
        String amzDate;
        if (dateText != null) {
            time = AmzDate.parse(dateText.trim());
            amzDate = dateText.trim();
            if (time == null) {
                throw incomplete(Detail.NONE, false, "Date must be in ISO-8601 'basic format'. Got '" + dateText
                        + "'. See http://en.wikipedia.org/wiki/ISO_8601");
            }
        } else {
            time = AmzDate.parseHttpDate(httpDate);
            if (time == null) {
                throw incomplete(Detail.NONE, false, "Date must be in RFC 1123 format. Got '" + httpDate + "'.");
            }
            amzDate = AmzDate.basic(time);
        }
        List<String> names = signedHeaderNames(signedHeaders, false);
        String token = request.header("x-amz-security-token");
        return new AuthParameters(false, scope, amzDate, time, names, signedHeaders, signature, -1, token, query);
    }

    private static AuthParameters fromQuery(HttpRequest request, RawQuery query) {
        String algorithm = query.get("X-Amz-Algorithm");
        String credential = query.get("X-Amz-Credential");
        String signature = query.get(CanonicalRequest.SIGNATURE_PARAMETER);
        String dateText = query.get("X-Amz-Date");
        String signedHeaders = query.get("X-Amz-SignedHeaders");
        String expires = query.get("X-Amz-Expires");
        if (algorithm == null || credential == null || signature == null || dateText == null
                || signedHeaders == null || expires == null) {
            throw incomplete(Detail.NONE, true, "Query-string authentication version 4 requires the X-Amz-Algorithm, "
                    + "X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.");
        }
        if (!algorithm.equals(ALGORITHM)) {
            throw incomplete(Detail.NONE, true, "X-Amz-Algorithm only supports \"" + ALGORITHM + "\"");
        }
        CredentialScope scope = scope(credential, true);
        Instant time = AmzDate.parse(dateText);
        if (time == null) {
            throw incomplete(Detail.NONE, true, "X-Amz-Date must be in the ISO8601 Long Format \"yyyyMMdd'T'HHmmss'Z'\"");
        }
        long expiresSeconds = parseExpires(expires);
        List<String> names = signedHeaderNames(signedHeaders, true);
        String token = query.get("X-Amz-Security-Token");
        return new AuthParameters(true, scope, dateText, time, names, signedHeaders, signature, expiresSeconds, token, query);
    }

    private static long parseExpires(String expires) {
        if (expires.isEmpty() || expires.length() > 18) {
            throw incomplete(Detail.NONE, true, "X-Amz-Expires should be a number");
        }
        long value = 0;
        for (int i = 0; i < expires.length(); i++) {
            char c = expires.charAt(i);
            if (c == '-' && i == 0) {
                throw incomplete(Detail.NONE, true, "X-Amz-Expires must be non-negative");
            }
            if (c < '0' || c > '9') {
                throw incomplete(Detail.NONE, true, "X-Amz-Expires should be a number");
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static CredentialScope scope(String credential, boolean presigned) {
        CredentialScope scope = CredentialScope.parse(credential);
        if (scope == null) {
            String prefix = presigned ? "Error parsing the X-Amz-Credential parameter; " : "The authorization header is malformed; ";
            throw incomplete(Detail.NONE, presigned, prefix + MALFORMED_CREDENTIAL);
        }
        return scope;
    }

    private static List<String> signedHeaderNames(String line, boolean presigned) {
        List<String> names = new ArrayList<>();
        int start = 0;
        while (start <= line.length()) {
            int semi = line.indexOf(';', start);
            int end = semi < 0 ? line.length() : semi;
            String name = line.substring(start, end).trim();
            if (!name.isEmpty()) {
                names.add(name.toLowerCase(java.util.Locale.ROOT));
            }
            start = end + 1;
        }
        // The host is what binds a signature to its endpoint; AWS refuses signatures without it.
        if (!names.contains("host") && !names.contains(":authority")) {
            throw incomplete(Detail.NONE, presigned, "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
        }
        return List.copyOf(names);
    }

    private static SigV4Exception incomplete(Detail detail, boolean presigned, String message) {
        return new SigV4Exception(Kind.INCOMPLETE_SIGNATURE, detail, presigned, message, Map.of());
    }
}
