package io.kumo.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The changes of a write transaction that is still running. Keeps an undo log so that a nested
 * write that fails can take back its own changes and leave the outer transaction's intact.
 */
final class WriteBuffer {

    /** A change to one key: a value (with its JSON), or a delete when json is null. */
    record Pending(Object value, byte[] json) {

        static final Pending DELETED = new Pending(null, null);

        boolean deleted() {
            return json == null;
        }
    }

    private record Undo(String table, String key, Pending previous) {
    }

    private final Map<String, TreeMap<String, Pending>> byTable = new HashMap<>();
    private final List<Undo> undoLog = new ArrayList<>();

    /** The pending change of a key, or null when the transaction has not touched it. */
    Pending get(String table, String key) {
        TreeMap<String, Pending> pending = byTable.get(table);
        return pending == null ? null : pending.get(key);
    }

    /** The pending changes of a table under a key prefix, in key order. */
    SortedMap<String, Pending> range(String table, String prefix) {
        TreeMap<String, Pending> pending = byTable.get(table);
        if (pending == null || pending.isEmpty()) {
            return Collections.emptySortedMap();
        }
        return prefix.isEmpty() ? pending : pending.subMap(prefix, PartitionKey.endOf(prefix));
    }

    /** Records a change; null forgets any earlier change of the key. */
    void set(String table, String key, Pending change) {
        TreeMap<String, Pending> pending = byTable.computeIfAbsent(table, t -> new TreeMap<>());
        Pending previous = change == null ? pending.remove(key) : pending.put(key, change);
        undoLog.add(new Undo(table, key, previous));
    }

    int savepoint() {
        return undoLog.size();
    }

    void rollbackTo(int savepoint) {
        for (int i = undoLog.size() - 1; i >= savepoint; i--) {
            Undo undo = undoLog.remove(i);
            TreeMap<String, Pending> pending = byTable.get(undo.table());
            if (undo.previous() == null) {
                pending.remove(undo.key());
            } else {
                pending.put(undo.key(), undo.previous());
            }
        }
    }

    boolean isEmpty() {
        for (TreeMap<String, Pending> pending : byTable.values()) {
            if (!pending.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    List<WriteOp> ops() {
        List<WriteOp> ops = new ArrayList<>();
        byTable.forEach((table, pending) -> pending.forEach((key, change) -> ops.add(change.deleted()
                ? WriteOp.delete(table, key)
                : WriteOp.put(table, key, change.value(), change.json()))));
        return ops;
    }

    Set<String> tables() {
        Set<String> tables = new LinkedHashSet<>();
        byTable.forEach((table, pending) -> {
            if (!pending.isEmpty()) {
                tables.add(table);
            }
        });
        return Set.copyOf(tables);
    }
}
