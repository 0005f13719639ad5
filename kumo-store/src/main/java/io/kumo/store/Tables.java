package io.kumo.store;

import io.kumo.core.store.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every table's committed values, registered or not. Guarded by the store's locks like
 * {@link TableData}.
 */
final class Tables {

    private final ValueCodec codec;
    private final Map<String, TableData> byName = new HashMap<>();
    private volatile Set<String> registeredNames = Set.of();
    /** Shared by every store in the process, so that no two stores' contents ever carry the same number. */
    private static final java.util.concurrent.atomic.AtomicLong VERSIONS = new java.util.concurrent.atomic.AtomicLong();
    private volatile long version = VERSIONS.incrementAndGet();

    Tables(ValueCodec codec) {
        this.codec = codec;
    }

    /** Changes with every change to the contents; read under the store's view lock, it names what a reader sees. */
    long version() {
        return version;
    }

    private void changed() {
        version = VERSIONS.incrementAndGet();
    }

    void register(Table<?> table) {
        changed();
        TableData data = byName.get(table.name());
        if (data == null) {
            byName.put(table.name(), new TableData(table.name(), table));
        } else if (data.definition() == null) {
            // Values recovered before the table was registered are still raw JSON. All are decoded
            // before any is replaced, so a value that fails leaves the table as it was.
            Map<String, Object> decoded = new HashMap<>();
            data.range("").forEach((key, raw) -> decoded.put(key, decode(table, key, ((RawJson) raw).json())));
            data.replaceAll((key, raw) -> decoded.get(key));
            data.define(table);
        } else if (!data.definition().equals(table)) {
            throw new IllegalArgumentException("table " + table.name() + " is already registered as "
                    + data.definition() + "; cannot register it again as " + table);
        }
        Set<String> names = new HashSet<>(registeredNames);
        names.add(table.name());
        registeredNames = Set.copyOf(names);
    }

    Set<String> registeredNames() {
        return registeredNames;
    }

    /** The data of a table a transaction uses; it must be registered, with the same definition. */
    TableData registered(Table<?> table) {
        TableData data = byName.get(table.name());
        if (data == null || data.definition() == null) {
            throw new IllegalArgumentException(
                    "table " + table.name() + " is not registered; call Store.register(table) before Store.open()");
        }
        if (data.definition() != table && !data.definition().equals(table)) {
            throw new IllegalArgumentException("table " + table.name() + " is registered as " + data.definition()
                    + " but used as " + table);
        }
        return data;
    }

    /** Applies committed or recovered changes; recovered values are decoded here. */
    void apply(List<WriteOp> ops) {
        changed();
        for (WriteOp op : ops) {
            TableData data = byName.computeIfAbsent(op.table(), name -> new TableData(name, null));
            if (op.isDelete()) {
                data.remove(op.key());
            } else {
                Object value = op.value() != null ? op.value() : decode(data.definition(), op.key(), op.json());
                data.put(op.key(), value);
            }
        }
    }

    void clear() {
        changed();
        byName.values().forEach(TableData::clear);
    }

    List<TableImage> image() {
        List<TableImage> images = new ArrayList<>(byName.size());
        for (TableData data : byName.values()) {
            images.add(data.image());
        }
        return images;
    }

    private Object decode(Table<?> definition, String key, byte[] json) {
        if (definition == null) {
            return new RawJson(json);
        }
        try {
            return codec.decode(json, definition.type());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("stored value " + key.replace(PartitionKey.SEPARATOR, '/') + " of table "
                    + definition.name() + " no longer reads as " + definition.type().getName()
                    + "; the record changed incompatibly", e);
        }
    }
}
