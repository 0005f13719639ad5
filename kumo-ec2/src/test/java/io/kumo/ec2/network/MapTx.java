package io.kumo.ec2.network;

import io.kumo.core.store.StoreScope;
import io.kumo.core.store.Table;
import io.kumo.core.store.Tx;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A one-scope, in-memory transaction for unit tests of logic that works inside a Tx. */
public final class MapTx implements Tx {
    private final Map<String, TreeMap<String, Object>> tables = new TreeMap<>();

    @Override
    public StoreScope scope() {
        return new StoreScope("000000000000", "ap-northeast-1");
    }

    @Override
    public <V> Optional<V> get(Table<V> table, String id) {
        return Optional.ofNullable(table.type().cast(rows(table).get(id)));
    }

    @Override
    public <V> List<V> list(Table<V> table) {
        List<V> out = new ArrayList<>();
        rows(table).values().forEach(v -> out.add(table.type().cast(v)));
        return out;
    }

    @Override
    public <V> void put(Table<V> table, String id, V value) {
        rows(table).put(id, value);
    }

    @Override
    public boolean delete(Table<?> table, String id) {
        return rows(table).remove(id) != null;
    }

    @Override
    public <V> Map<StoreScope, List<V>> scanAll(Table<V> table) {
        return Map.of(scope(), list(table));
    }

    @Override
    public Tx in(StoreScope scope) {
        return this;
    }

    private TreeMap<String, Object> rows(Table<?> table) {
        return tables.computeIfAbsent(table.name(), k -> new TreeMap<>());
    }
}
