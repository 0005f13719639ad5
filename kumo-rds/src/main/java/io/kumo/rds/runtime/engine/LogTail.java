package io.kumo.rds.runtime.engine;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The last lines of a server's log, for error messages. */
final class LogTail {
    private static final int BYTES = 3000;

    private LogTail() {
    }

    static String of(Path log) {
        try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
            long start = Math.max(0, f.length() - BYTES);
            byte[] buf = new byte[(int) (f.length() - start)];
            f.seek(start);
            f.readFully(buf);
            return new String(buf, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }
}
