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
    private final Readiness clientReady = new Readiness();
    private final Readiness innerReady = new Readiness();
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
            this.up = new Direction(client, clientReady, inner, innerReady, upPipe);
            this.down = new Direction(inner, innerReady, client, clientReady, SplicePipe.open(errno));
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

    /** Records what epoll reported for one of the two sockets. */
    void ready(boolean innerSide, int events) {
        Readiness r = innerSide ? innerReady : clientReady;
        boolean trouble = (events & (Libc.EPOLLERR | Libc.EPOLLHUP)) != 0;
        // An error or hang-up must surface through the next call, whichever way it goes.
        r.readable |= trouble || (events & (Libc.EPOLLIN | Libc.EPOLLRDHUP)) != 0;
        r.writable |= trouble || (events & Libc.EPOLLOUT) != 0;
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

    /**
     * What a socket can do without blocking, as far as we know, so that calls that could only
     * return EAGAIN are skipped (every event used to try both directions: half of all splices
     * were such calls). The loop is edge-triggered, so epoll reports again when this changes.
     * A short write counts as "not writable": it means the send buffer filled up, which arms
     * the next EPOLLOUT. A short read proves nothing (the pipe may have run out of slots with
     * bytes still queued), so only EAGAIN makes a socket "not readable".
     */
    private static final class Readiness {
        boolean readable = true;
        boolean writable = true;
    }

    private static final class Direction {
        private final NativeSocket from;
        private final Readiness fromReady;
        private final NativeSocket to;
        private final Readiness toReady;
        private final SplicePipe pipe;
        private long inPipe;
        private boolean ended;
        private boolean finished;

        Direction(NativeSocket from, Readiness fromReady, NativeSocket to, Readiness toReady, SplicePipe pipe) {
            this.from = from;
            this.fromReady = fromReady;
            this.to = to;
            this.toReady = toReady;
            this.pipe = pipe;
        }

        /** Runs until a socket is not ready, or the stream has ended and the far side was told with a half-close. */
        void progress(MemorySegment errno) throws IOException {
            while (!finished) {
                if (inPipe > 0) {
                    if (!toReady.writable) {
                        return;
                    }
                    long n = pipe.drain(to, inPipe, errno);
                    if (n == SplicePipe.WOULD_BLOCK || n < inPipe) {
                        toReady.writable = false;
                    }
                    if (n == 0) {
                        throw new IOException("splice moved nothing out of a pipe holding " + inPipe + " bytes");
                    }
                    if (n > 0) {
                        inPipe -= n;
                    }
                } else if (ended) {
                    to.shutdownOutput();
                    finished = true;
                } else {
                    if (!fromReady.readable) {
                        return;
                    }
                    long n = pipe.fill(from, errno);
                    if (n == SplicePipe.WOULD_BLOCK) {
                        fromReady.readable = false;
                    }
                    if (n == 0) {
                        ended = true;
                    }
                    if (n >= 0) {
                        inPipe = n;
                    }
                }
            }
        }
    }
}
