package io.kumo.store;

import io.kumo.core.store.Store;
import io.kumo.core.store.StoreScope;
import io.kumo.core.store.Table;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One-line reads for assertions (a lambda's result type is lost in AssertJ's overloads). */
final class Reads {

    static <V> Optional<V> get(Store store, StoreScope scope, Table<V> table, String id) {
        return store.read(scope, tx -> tx.get(table, id));
    }

    static <V> List<V> list(Store store, StoreScope scope, Table<V> table) {
        return store.read(scope, tx -> tx.list(table));
    }

    static <V> Map<StoreScope, List<V>> scanAll(Store store, StoreScope scope, Table<V> table) {
        return store.read(scope, tx -> tx.scanAll(table));
    }

    private Reads() {
    }
}
