package io.kumo.fabric.relay;

import java.io.IOException;
import java.lang.foreign.MemorySegment;

/**
 * One relayed connection as its event loop sees it: two directions, each socket to pipe to
 * socket. Only the loop's thread touches it, so its sockets are closed by the same thread that
 * uses them and no descriptor number is ever used after the process reused it.
 */
final class SplicedConnection {
    private final NativeSocket client;
    private final NativeSocket inner;
    private final Direction up;
    private final Direction down;
    private final Runnable onClose;
    private boolean failed;

    SplicedConnection(NativeSocket client, NativeSocket inner, MemorySegment errno, Runnable onClose) throws IOException {
        this.client = client;
        this.inner = inner;
        this.onClose = onClose;
        SplicePipe upPipe = SplicePipe.open(errno);
        try {
            this.up = new Direction(client, inner, upPipe);
            this.down = new Direction(inner, client, SplicePipe.open(errno));
        } catch (IOException | RuntimeException e) {
            upPipe.close();
            throw e;
        }
    }

    NativeSocket client() {
        return client;
    }

    NativeSocket inner() {
        return inner;
    }

    /** Moves all that can move now, both ways; true once the connection is over. */
    boolean progress(MemorySegment errno) {
        try {
            up.progress(errno);
            down.progress(errno);
            return up.finished && down.finished;
        } catch (IOException e) {
            failed = true;
            return true;
        }
    }

    /** Marks it failed, so that closing resets both peers. */
    void fail() {
        failed = true;
    }

    void close() {
        up.pipe.close();
        down.pipe.close();
        if (failed) {
            // A reset on one side is passed on as a reset, not as a clean end of stream.
            client.reset();
            inner.reset();
        } else {
            client.close();
            inner.close();
        }
        onClose.run();
    }

    private static final class Direction {
        private final NativeSocket from;
        private final NativeSocket to;
        private final SplicePipe pipe;
        private long inPipe;
        private boolean ended;
        private boolean finished;

        Direction(NativeSocket from, NativeSocket to, SplicePipe pipe) {
            this.from = from;
            this.to = to;
            this.pipe = pipe;
        }

        /**
         * Runs until a socket would block (the loop is edge-triggered, so stopping earlier could
         * miss data for good) or the stream has ended and the far side was told with a half-close.
         */
        void progress(MemorySegment errno) throws IOException {
            while (!finished) {
                if (inPipe > 0) {
                    long n = pipe.drain(to, inPipe, errno);
                    if (n == SplicePipe.WOULD_BLOCK) {
                        return;
                    }
                    if (n == 0) {
                        throw new IOException("splice moved nothing out of a pipe holding " + inPipe + " bytes");
                    }
                    inPipe -= n;
                } else if (ended) {
                    to.shutdownOutput();
                    finished = true;
                } else {
                    long n = pipe.fill(from, errno);
                    if (n == SplicePipe.WOULD_BLOCK) {
                        return;
                    }
                    if (n == 0) {
                        ended = true;
                    }
                    inPipe = n;
                }
            }
        }
    }
}
