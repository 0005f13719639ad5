package io.kumo.store;

import io.kumo.core.store.Table;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * The committed values of one table, sorted by partition key. Not thread-safe on its own: the
 * store changes it only while holding both its writer lock and its view write lock.
 */
final class TableData {

    private final String name;
    private Table<?> definition;
    private final TreeMap<String, Object> entries = new TreeMap<>();

    TableData(String name, Table<?> definition) {
        this.name = name;
        this.definition = definition;
    }

    String name() {
        return name;
    }

    /** The registered definition, or null while no module registered the table (values are RawJson). */
    Table<?> definition() {
        return definition;
    }

    void define(Table<?> table) {
        this.definition = table;
    }

    Object get(String key) {
        return entries.get(key);
    }

    boolean contains(String key) {
        return entries.containsKey(key);
    }

    SortedMap<String, Object> range(String prefix) {
        SortedMap<String, Object> range = prefix.isEmpty() ? entries : entries.subMap(prefix, PartitionKey.endOf(prefix));
        return Collections.unmodifiableSortedMap(range);
    }

    void put(String key, Object value) {
        entries.put(key, value);
    }

    void remove(String key) {
        entries.remove(key);
    }

    void clear() {
        entries.clear();
    }

    /** Copies the references only; values are immutable, so a snapshot can serialise them later. */
    TableImage image() {
        String[] keys = new String[entries.size()];
        Object[] values = new Object[entries.size()];
        int i = 0;
        for (var entry : entries.entrySet()) {
            keys[i] = entry.getKey();
            values[i] = entry.getValue();
            i++;
        }
        return new TableImage(name, keys, values);
    }

    void replaceAll(BiFunction<String, Object, Object> function) {
        entries.replaceAll(function);
    }
}
