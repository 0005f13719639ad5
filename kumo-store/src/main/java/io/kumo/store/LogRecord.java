package io.kumo.store;

import java.util.List;

/** One committed transaction, or a reset, in the write-ahead log. */
record LogRecord(long seq, boolean reset, List<WriteOp> ops) {
}
