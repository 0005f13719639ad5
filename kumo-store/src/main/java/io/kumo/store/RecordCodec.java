package io.kumo.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The payloads inside frames, in a compact binary form around the values' JSON (values are the
 * bulk and stay readable; the envelope is cheap to write on every commit).
 * <pre>
 *   log:      TX    seq:long count:int (op:byte table:str key:str [json:bytes if PUT])*
 *             RESET seq:long
 *   snapshot: SNAPSHOT_START seq:long, then ENTRY table:str key:str json:bytes,
 *             then SNAPSHOT_END count:long
 *   str and bytes: length:int then the bytes (UTF-8 for str)
 * </pre>
 */
final class RecordCodec {

    private static final byte TX = 1;
    private static final byte RESET = 2;
    private static final byte SNAPSHOT_START = 10;
    private static final byte ENTRY = 11;
    private static final byte SNAPSHOT_END = 12;
    private static final byte PUT = 1;
    private static final byte DELETE = 2;

    /** A decoded snapshot frame: a start (seq), an entry, or an end (count). */
    record SnapshotFrame(boolean start, boolean end, long number, String table, String key, byte[] json) {
    }

    private RecordCodec() {
    }

    static byte[] encode(LogRecord record) {
        return write(out -> {
            out.writeByte(record.reset() ? RESET : TX);
            out.writeLong(record.seq());
            if (!record.reset()) {
                out.writeInt(record.ops().size());
                for (WriteOp op : record.ops()) {
                    out.writeByte(op.isDelete() ? DELETE : PUT);
                    writeString(out, op.table());
                    writeString(out, op.key());
                    if (!op.isDelete()) {
                        writeBytes(out, op.json());
                    }
                }
            }
        });
    }

    static LogRecord decodeLogRecord(byte[] payload) {
        return read(payload, in -> {
            byte kind = in.readByte();
            long seq = in.readLong();
            if (kind == RESET) {
                return new LogRecord(seq, true, List.of());
            }
            expect(kind == TX, "log record kind " + kind);
            int count = in.readInt();
            List<WriteOp> ops = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                byte op = in.readByte();
                String table = readString(in);
                String key = readString(in);
                expect(op == PUT || op == DELETE, "operation " + op);
                ops.add(op == PUT ? WriteOp.put(table, key, null, readBytes(in)) : WriteOp.delete(table, key));
            }
            return new LogRecord(seq, false, ops);
        });
    }

    static byte[] encodeSnapshotStart(long seq) {
        return write(out -> {
            out.writeByte(SNAPSHOT_START);
            out.writeLong(seq);
        });
    }

    static byte[] encodeSnapshotEntry(String table, String key, byte[] json) {
        return write(out -> {
            out.writeByte(ENTRY);
            writeString(out, table);
            writeString(out, key);
            writeBytes(out, json);
        });
    }

    static byte[] encodeSnapshotEnd(long count) {
        return write(out -> {
            out.writeByte(SNAPSHOT_END);
            out.writeLong(count);
        });
    }

    static SnapshotFrame decodeSnapshotFrame(byte[] payload) {
        return read(payload, in -> {
            byte kind = in.readByte();
            return switch (kind) {
                case SNAPSHOT_START -> new SnapshotFrame(true, false, in.readLong(), null, null, null);
                case SNAPSHOT_END -> new SnapshotFrame(false, true, in.readLong(), null, null, null);
                case ENTRY -> new SnapshotFrame(false, false, 0, readString(in), readString(in), readBytes(in));
                default -> throw new IOException("unknown snapshot frame kind " + kind);
            };
        });
    }

    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    private static byte[] write(Writer writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writer.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    // A payload whose checksum matched but which does not parse was written by a different
    // format version or a bug; stopping is safer than guessing.
    private static <T> T read(byte[] payload, Reader<T> reader) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            return reader.read(in);
        } catch (IOException e) {
            throw new IllegalStateException("a stored record has an unknown format: " + e.getMessage(), e);
        }
    }

    private static void expect(boolean condition, String what) throws IOException {
        if (!condition) {
            throw new IOException("unknown " + what);
        }
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        writeBytes(out, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String readString(DataInputStream in) throws IOException {
        return new String(readBytes(in), StandardCharsets.UTF_8);
    }

    private static void writeBytes(DataOutputStream out, byte[] value) throws IOException {
        out.writeInt(value.length);
        out.write(value);
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
            throw new IOException("a length of " + length + " runs past the record");
        }
        return in.readNBytes(length);
    }
}
