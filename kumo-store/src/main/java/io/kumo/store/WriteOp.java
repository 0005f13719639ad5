package io.kumo.store;

/**
 * One change of a transaction, as applied to memory and written to the log.
 *
 * @param key   the partition key (see {@link PartitionKey})
 * @param value the value to keep, or null for a delete; also null for a put read back from disk
 *              that is not decoded yet
 * @param json  the value's JSON, or null for a delete
 */
record WriteOp(String table, String key, Object value, byte[] json) {

    static WriteOp put(String table, String key, Object value, byte[] json) {
        return new WriteOp(table, key, value, json);
    }

    static WriteOp delete(String table, String key) {
        return new WriteOp(table, key, null, null);
    }

    boolean isDelete() {
        return json == null;
    }
}
