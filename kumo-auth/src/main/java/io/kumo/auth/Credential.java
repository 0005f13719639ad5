package io.kumo.auth;

import io.kumo.core.Principal;

import java.util.Objects;

/**
 * An access key Kumo knows, with the secret that signs for it and who it stands for.
 *
 * @param sessionToken for temporary (STS) credentials: requests must carry this token as
 *                     X-Amz-Security-Token; null for long-term keys
 */
public record Credential(String accessKeyId, String secretKey, Principal principal, String sessionToken) {

    public Credential {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretKey, "secretKey");
        Objects.requireNonNull(principal, "principal");
    }

    public Credential(String accessKeyId, String secretKey, Principal principal) {
        this(accessKeyId, secretKey, principal, null);
    }

    // Keeps secrets out of logs and assertion messages.
    @Override
    public String toString() {
        return "Credential[accessKeyId=" + accessKeyId + ", principal=" + principal.arn()
                + (sessionToken == null ? "" : ", temporary") + "]";
    }
}
