package io.kumo.core.store;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Keeps what was derived from the store's contents, per scope, for as long as those contents do
 * not change ({@link Tx#snapshot()}). Readers of unchanged contents then share one derivation.
 * In a write transaction it derives every time.
 */
public final class SnapshotMemo<T> {
    private final Map<StoreScope, Derived<T>> latest = new ConcurrentHashMap<>();

    private record Derived<T>(long snapshot, T value) {
    }

    public T get(Tx tx, Function<Tx, T> derivation) {
        long snapshot = tx.snapshot();
        if (snapshot < 0) {
            return derivation.apply(tx);
        }
        Derived<T> known = latest.get(tx.scope());
        if (known != null && known.snapshot() == snapshot) {
            return known.value();
        }
        T value = derivation.apply(tx);
        latest.put(tx.scope(), new Derived<>(snapshot, value));
        return value;
    }
}
