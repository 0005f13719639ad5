package io.kumo.store;

import io.kumo.core.store.StoreScope;
import io.kumo.core.store.Table;
import io.kumo.core.store.Tx;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** A transaction seen from one scope; {@link #in} gives other scopes of the same transaction. */
final class ScopedTx implements Tx {

    private final TxContext context;
    private final StoreScope scope;
    private final boolean writable;

    ScopedTx(TxContext context, StoreScope scope, boolean writable) {
        this.context = context;
        this.scope = Objects.requireNonNull(scope, "scope");
        this.writable = writable;
    }

    @Override
    public StoreScope scope() {
        return scope;
    }

    @Override
    public long snapshot() {
        return context.snapshot();
    }

    @Override
    public <V> Optional<V> get(Table<V> table, String id) {
        context.checkUsable();
        TableData data = context.tables().registered(table);
        String key = PartitionKey.of(table, scope, id);
        WriteBuffer buffer = context.buffer();
        if (buffer != null) {
            WriteBuffer.Pending pending = buffer.get(table.name(), key);
            if (pending != null) {
                return pending.deleted() ? Optional.empty() : Optional.of(table.type().cast(pending.value()));
            }
        }
        return Optional.ofNullable(table.type().cast(data.get(key)));
    }

    @Override
    public <V> List<V> list(Table<V> table) {
        context.checkUsable();
        TableData data = context.tables().registered(table);
        String prefix = PartitionKey.prefix(table, scope);
        List<Object> values = new ArrayList<>(merged(table, data.range(prefix), prefix).values());
        return castAll(table, values);
    }

    @Override
    public <V> void put(Table<V> table, String id, V value) {
        checkWritable();
        Objects.requireNonNull(value, "value");
        context.tables().registered(table);
        if (!table.type().isInstance(value)) {
            throw new IllegalArgumentException("table " + table.name() + " holds " + table.type().getName()
                    + ", not " + value.getClass().getName());
        }
        String key = PartitionKey.of(table, scope, id);
        byte[] json = context.codec().encode(value);
        // Keep what reads back from the JSON rather than the caller's object: it is what every
        // reader sees after a restart too, its collections cannot be modified behind the store's
        // back, and a value that does not survive the round trip fails here, not at the next start.
        Object copy = context.codec().decode(json, table.type());
        context.buffer().set(table.name(), key, new WriteBuffer.Pending(copy, json));
    }

    @Override
    public boolean delete(Table<?> table, String id) {
        checkWritable();
        TableData data = context.tables().registered(table);
        String key = PartitionKey.of(table, scope, id);
        WriteBuffer buffer = context.buffer();
        WriteBuffer.Pending pending = buffer.get(table.name(), key);
        boolean existed = pending != null ? !pending.deleted() : data.contains(key);
        if (existed) {
            // Deleting what only this transaction created leaves nothing to log.
            buffer.set(table.name(), key, data.contains(key) ? WriteBuffer.Pending.DELETED : null);
        }
        return existed;
    }

    @Override
    public <V> Map<StoreScope, List<V>> scanAll(Table<V> table) {
        context.checkUsable();
        TableData data = context.tables().registered(table);
        Table.Partition partition = table.scope();
        Map<StoreScope, List<V>> byScope = new LinkedHashMap<>();
        String currentPrefix = null;
        List<Object> current = null;
        for (var entry : merged(table, data.range(""), "").entrySet()) {
            String key = entry.getKey();
            if (currentPrefix == null || !key.startsWith(currentPrefix)) {
                if (current != null) {
                    byScope.put(PartitionKey.scopeOf(partition, currentPrefix), castAll(table, current));
                }
                currentPrefix = key.substring(0, PartitionKey.scopeLength(partition, key));
                current = new ArrayList<>();
            }
            current.add(entry.getValue());
        }
        if (current != null) {
            byScope.put(PartitionKey.scopeOf(partition, currentPrefix), castAll(table, current));
        }
        return Collections.unmodifiableMap(byScope);
    }

    @Override
    public Tx in(StoreScope other) {
        return new ScopedTx(context, other, writable);
    }

    /** Committed values with this transaction's own changes laid over them. */
    private SortedMap<String, Object> merged(Table<?> table, SortedMap<String, Object> committed, String prefix) {
        WriteBuffer buffer = context.buffer();
        SortedMap<String, WriteBuffer.Pending> pending =
                buffer == null ? Collections.emptySortedMap() : buffer.range(table.name(), prefix);
        if (pending.isEmpty()) {
            return committed;
        }
        TreeMap<String, Object> merged = new TreeMap<>(committed);
        pending.forEach((key, change) -> {
            if (change.deleted()) {
                merged.remove(key);
            } else {
                merged.put(key, change.value());
            }
        });
        return merged;
    }

    // Safe: a registered table only ever holds values of its type.
    @SuppressWarnings("unchecked")
    private static <V> List<V> castAll(Table<V> table, List<Object> values) {
        return Collections.unmodifiableList((List<V>) values);
    }

    private void checkWritable() {
        context.checkUsable();
        if (!writable) {
            throw new IllegalStateException("this is a read transaction; change the store inside Store.write");
        }
    }
}
