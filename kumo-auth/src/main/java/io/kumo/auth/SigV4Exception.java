package io.kumo.auth;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request that failed authentication. {@link AuthErrors} turns it into the code, status and
 * wording of the service it was sent to; the message here is the generic AWS wording.
 */
public final class SigV4Exception extends RuntimeException {

    public enum Kind {
        /** No Authorization header and no presigned query parameters. */
        MISSING_AUTH,
        /** Authorization header or presigned parameters malformed or incomplete, or no date. */
        INCOMPLETE_SIGNATURE,
        /** Access key (or its session token) not known. */
        UNKNOWN_ACCESS_KEY,
        SIGNATURE_MISMATCH,
        /** x-amz-content-sha256 does not describe the body that arrived (S3 only). */
        PAYLOAD_HASH_MISMATCH,
        /** Header-signed request more than 15 minutes away from the server's clock. */
        CLOCK_SKEW,
        /** Presigned request past its expiry, not yet valid, or with an expiry over 7 days. */
        EXPIRED
    }

    /** Finer reasons where a service answers with a code other than the kind's usual one. */
    public enum Detail {
        NONE,
        /** Neither X-Amz-Date nor Date. */
        MISSING_DATE,
        /** X-Amz-Expires above 604800 seconds. */
        EXPIRES_OUT_OF_RANGE,
        /** Presigned X-Amz-Date lies in the future. */
        NOT_YET_VALID,
        /** The credential scope's date is not the day of X-Amz-Date. */
        SCOPE_DATE_MISMATCH,
        /** The key is known, but the session token is missing or wrong. */
        INVALID_SESSION_TOKEN,
        /** x-amz-content-sha256 is neither a SHA-256 nor one of the defined markers. */
        INVALID_CONTENT_SHA256
    }

    private final Kind kind;
    private final Detail detail;
    private final boolean presigned;
    private final Map<String, String> fields;

    public SigV4Exception(Kind kind, String message) {
        this(kind, Detail.NONE, false, message, Map.of());
    }

    public SigV4Exception(Kind kind, Detail detail, boolean presigned, String message, Map<String, String> fields) {
        // No stack trace: bad signatures are routine traffic, not bugs.
        super(message, null, false, false);
        this.kind = kind;
        this.detail = detail;
        this.presigned = presigned;
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public Kind kind() {
        return kind;
    }

    public Detail detail() {
        return detail;
    }

    /** Whether the request used query-string (presigned) authentication. */
    public boolean presigned() {
        return presigned;
    }

    /**
     * Extra elements S3 puts in its error body (RequestTime, ServerTime, MaxAllowedSkewMilliseconds,
     * AWSAccessKeyId, StringToSign, CanonicalRequest, SignatureProvided, X-Amz-Expires, Expires,
     * ClientComputedContentSHA256, S3ComputedContentSHA256), in AWS's order.
     */
    public Map<String, String> fields() {
        return fields;
    }
}
