package io.kumo.ec2.runtime.imds;

import java.util.Objects;

/**
 * What the metadata service reads of an HTTP request.
 *
 * @param method       the HTTP method, upper case
 * @param path         the decoded path, without the query
 * @param sourceIp     the caller's address, null when the transport has none (then no instance matches)
 * @param token        the X-aws-ec2-metadata-token header, null when absent
 * @param ttlSeconds   the X-aws-ec2-metadata-token-ttl-seconds header, null when absent
 * @param forwarded    whether an X-Forwarded-For header is present: the mark of a proxy, which may not open sessions
 */
public record ImdsRequest(String method, String path, String sourceIp, String token, String ttlSeconds, boolean forwarded) {

    public ImdsRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
    }

    /** A token header that is blank counts as none, as it would for a client whose token variable was empty. */
    boolean carriesToken() {
        return token != null && !token.isBlank();
    }
}
