package io.kumo.store;

/**
 * Tuning of the durable store.
 *
 * @param snapshotAfterLogBytes once the current log segment grows past this, a snapshot is written
 *                              in the background and the log it covers is deleted; smaller means
 *                              faster restarts, larger means fewer snapshots
 */
public record StoreOptions(long snapshotAfterLogBytes) {

    public static final long DEFAULT_SNAPSHOT_AFTER_LOG_BYTES = 64L << 20;

    public StoreOptions {
        if (snapshotAfterLogBytes <= 0) {
            throw new IllegalArgumentException("snapshotAfterLogBytes must be positive: " + snapshotAfterLogBytes);
        }
    }

    public static StoreOptions defaults() {
        return new StoreOptions(DEFAULT_SNAPSHOT_AFTER_LOG_BYTES);
    }
}
