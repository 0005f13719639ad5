package io.kumo.core.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A view of the store inside one transaction, partitioned by the transaction's scope. Writes
 * become visible to others, and durable, only when the whole transaction commits.
 */
public interface Tx {

    StoreScope scope();

    <V> Optional<V> get(Table<V> table, String id);

    /** Every value of the table in this scope, ordered by id. */
    <V> List<V> list(Table<V> table);

    <V> void put(Table<V> table, String id, V value);

    /** Returns whether something was there. */
    boolean delete(Table<?> table, String id);

    /** Every value of the table in every scope, for controllers that work across accounts. */
    <V> Map<StoreScope, List<V>> scanAll(Table<V> table);

    /**
     * Names the committed contents this transaction reads: two read transactions with the same
     * number see the same contents, of every table and scope, so what was derived from one serves
     * the other. -1 in a write transaction, whose own changes have no number.
     */
    long snapshot();

    /** The same transaction, seen from another scope (for cross-region work such as CopyImage). */
    Tx in(StoreScope scope);
}
