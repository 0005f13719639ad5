package io.kumo.auth;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Access keys held in memory. */
public final class StaticCredentials implements CredentialLookup {
    private final Map<String, Credential> byAccessKey = new ConcurrentHashMap<>();

    public static StaticCredentials of(Credential... credentials) {
        StaticCredentials lookup = new StaticCredentials();
        for (Credential credential : credentials) {
            lookup.add(credential);
        }
        return lookup;
    }

    public StaticCredentials add(Credential credential) {
        byAccessKey.put(credential.accessKeyId(), credential);
        return this;
    }

    public boolean remove(String accessKeyId) {
        return byAccessKey.remove(accessKeyId) != null;
    }

    @Override
    public Optional<Credential> find(String accessKeyId) {
        return Optional.ofNullable(byAccessKey.get(accessKeyId));
    }
}
