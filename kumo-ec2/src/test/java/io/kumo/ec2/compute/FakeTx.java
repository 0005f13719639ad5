package io.kumo.ec2.compute;

import io.kumo.core.store.StoreScope;
import io.kumo.core.store.Table;
import io.kumo.core.store.Tx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** An in-memory {@link Tx} for unit tests: tables partitioned like the real store, ordered by id. */
public final class FakeTx implements Tx {
    private final Map<String, TreeMap<String, Object>> data;
    private final StoreScope scope;

    public FakeTx(String account, String region) {
        this(new HashMap<>(), new StoreScope(account, region));
    }

    private FakeTx(Map<String, TreeMap<String, Object>> data, StoreScope scope) {
        this.data = data;
        this.scope = scope;
    }

    private String partition(Table<?> table, StoreScope s) {
        return switch (table.scope()) {
            case GLOBAL -> table.name();
            case ACCOUNT -> table.name() + "|" + s.account();
            case REGION -> table.name() + "|" + s.account() + "|" + s.region();
        };
    }

    private TreeMap<String, Object> rows(Table<?> table) {
        return data.computeIfAbsent(partition(table, scope), k -> new TreeMap<>());
    }

    @Override
    public StoreScope scope() {
        return scope;
    }

    @Override
    public <V> Optional<V> get(Table<V> table, String id) {
        return Optional.ofNullable(table.type().cast(rows(table).get(id)));
    }

    @Override
    public <V> List<V> list(Table<V> table) {
        return rows(table).values().stream().map(table.type()::cast).toList();
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
        Map<StoreScope, List<V>> out = new LinkedHashMap<>();
        data.forEach((key, rows) -> {
            String[] parts = key.split("\\|", -1);
            if (parts[0].equals(table.name())) {
                StoreScope s = parts.length == 3 ? new StoreScope(parts[1], parts[2]) : StoreScope.GLOBAL;
                out.put(s, new ArrayList<>(rows.values().stream().map(table.type()::cast).toList()));
            }
        });
        return out;
    }

    @Override
    public Tx in(StoreScope other) {
        return new FakeTx(data, other);
    }
}
