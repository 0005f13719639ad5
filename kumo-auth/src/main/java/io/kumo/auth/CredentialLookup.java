package io.kumo.auth;

import java.util.Optional;

/** Where access keys come from: the IAM/STS store in a server, {@link StaticCredentials} in tests. */
@FunctionalInterface
public interface CredentialLookup {

    Optional<Credential> find(String accessKeyId);

    static CredentialLookup none() {
        return accessKeyId -> Optional.empty();
    }
}
