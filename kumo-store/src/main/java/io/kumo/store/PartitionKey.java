package io.kumo.store;

import io.kumo.core.store.StoreScope;
import io.kumo.core.store.Table;

/**
 * The key a value is kept under in its table: the parts of the scope the table is partitioned by,
 * then the id, separated by NUL. Sorting these keys sorts by scope, then by id, so one scope's
 * values are one contiguous, id-ordered range.
 */
final class PartitionKey {

    static final char SEPARATOR = '\u0000';

    private PartitionKey() {
    }

    static String of(Table<?> table, StoreScope scope, String id) {
        requirePart("id", id);
        if (id.isEmpty()) {
            throw new IllegalArgumentException("an id must not be empty (table " + table.name() + ")");
        }
        return prefix(table, scope) + id;
    }

    /** The start of the range holding the scope's values; empty for global tables. */
    static String prefix(Table<?> table, StoreScope scope) {
        return switch (table.scope()) {
            case GLOBAL -> "";
            case ACCOUNT -> requireNonEmpty(table, "account", scope.account(), scope) + SEPARATOR;
            case REGION -> requireNonEmpty(table, "account", scope.account(), scope) + SEPARATOR
                    + requireNonEmpty(table, "region", scope.region(), scope) + SEPARATOR;
        };
    }

    /** The exclusive end of the range that starts at a non-empty prefix. */
    static String endOf(String prefix) {
        // The prefix ends with NUL, the smallest char, so bumping it to \u0001 bounds the range.
        return prefix.substring(0, prefix.length() - 1) + '\u0001';
    }

    /** The scope of a key, as scanAll reports it. */
    static StoreScope scopeOf(Table.Partition partition, String key) {
        return switch (partition) {
            case GLOBAL -> StoreScope.GLOBAL;
            case ACCOUNT -> new StoreScope(key.substring(0, key.indexOf(SEPARATOR)), "");
            case REGION -> {
                int afterAccount = key.indexOf(SEPARATOR);
                int afterRegion = key.indexOf(SEPARATOR, afterAccount + 1);
                yield new StoreScope(key.substring(0, afterAccount), key.substring(afterAccount + 1, afterRegion));
            }
        };
    }

    /** The length of the scope part of a key, so keys of one scope can be grouped cheaply. */
    static int scopeLength(Table.Partition partition, String key) {
        return switch (partition) {
            case GLOBAL -> 0;
            case ACCOUNT -> key.indexOf(SEPARATOR) + 1;
            case REGION -> key.indexOf(SEPARATOR, key.indexOf(SEPARATOR) + 1) + 1;
        };
    }

    private static String requireNonEmpty(Table<?> table, String part, String value, StoreScope scope) {
        requirePart(part, value);
        if (value.isEmpty()) {
            throw new IllegalArgumentException("table " + table.name() + " is partitioned by " + table.scope()
                    + " but the transaction's scope " + scope + " has no " + part);
        }
        return value;
    }

    private static void requirePart(String part, String value) {
        if (value == null) {
            throw new NullPointerException(part + " must not be null");
        }
        if (value.indexOf(SEPARATOR) >= 0) {
            throw new IllegalArgumentException(part + " must not contain NUL: " + value.replace(SEPARATOR, '?'));
        }
    }
}
