package io.kumo.auth;

import io.kumo.core.Principal;

/**
 * A request that passed authentication, with what a later layer needs to go on checking it: an
 * aws-chunked body (STREAMING-* payload hashes) is signed chunk by chunk, each signature chaining
 * from {@link #signature()} under {@link #signingKey()}.
 *
 * @param amzDate     the request timestamp as signed (yyyyMMdd'T'HHmmss'Z')
 * @param payloadHash the payload hash the signature covers: a hex SHA-256, UNSIGNED-PAYLOAD or a
 *                    STREAMING-* marker
 * @param signingKey  null when the signature was not verified (an unknown key accepted in
 *                    lenient mode); chunk signatures cannot be checked then either
 */
public record VerifiedRequest(
        Principal principal,
        CredentialScope scope,
        String amzDate,
        String signature,
        String payloadHash,
        boolean presigned,
        SigningKey signingKey) {

    public static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";

    public boolean signatureVerified() {
        return signingKey != null;
    }

    /** The body is aws-chunked and still to be decoded (and, for signed variants, verified). */
    public boolean streaming() {
        return payloadHash.startsWith("STREAMING-");
    }

    public boolean unsignedPayload() {
        return payloadHash.equals(UNSIGNED_PAYLOAD);
    }
}
