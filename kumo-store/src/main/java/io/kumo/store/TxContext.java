package io.kumo.store;

/**
 * What the views of one transaction share: the committed tables, the pending changes of a write
 * transaction (null for a read), and the thread it belongs to.
 */
final class TxContext {

    private final Tables tables;
    private final ValueCodec codec;
    private final WriteBuffer buffer;
    private final Thread owner = Thread.currentThread();
    private boolean active = true;

    private final long snapshot;

    private TxContext(Tables tables, ValueCodec codec, WriteBuffer buffer) {
        this.tables = tables;
        this.codec = codec;
        this.buffer = buffer;
        this.snapshot = buffer == null ? tables.version() : -1;
    }

    /** Called under the view lock, so the contents cannot change while a read transaction runs. */
    long snapshot() {
        return snapshot;
    }

    static TxContext forRead(Tables tables, ValueCodec codec) {
        return new TxContext(tables, codec, null);
    }

    static TxContext forWrite(Tables tables, ValueCodec codec) {
        return new TxContext(tables, codec, new WriteBuffer());
    }

    Tables tables() {
        return tables;
    }

    ValueCodec codec() {
        return codec;
    }

    /** The pending changes, or null in a read transaction. */
    WriteBuffer buffer() {
        return buffer;
    }

    boolean writable() {
        return buffer != null;
    }

    // The locks that make a transaction consistent belong to its thread, and its changes are
    // decided once its function returns: a Tx used elsewhere or later would see or change state
    // that no lock protects.
    void checkUsable() {
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("a transaction can only be used on the thread that started it ("
                    + owner + "), not on " + Thread.currentThread());
        }
        if (!active) {
            throw new IllegalStateException("this transaction has ended; use the Tx only inside its function");
        }
    }

    void end() {
        active = false;
    }
}
