package io.kumo.core.service;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The narrow interfaces services offer each other, looked up by type. */
public final class Contracts {
    private final Map<Class<?>, Object> byType = new ConcurrentHashMap<>();

    public <T> void provide(Class<T> contract, T implementation) {
        if (byType.putIfAbsent(contract, implementation) != null) {
            throw new IllegalStateException("two providers of " + contract.getName());
        }
    }

    public <T> Optional<T> find(Class<T> contract) {
        return Optional.ofNullable(contract.cast(byType.get(contract)));
    }

    public <T> T require(Class<T> contract) {
        return find(contract).orElseThrow(() -> new IllegalStateException("no provider of " + contract.getName()));
    }
}
