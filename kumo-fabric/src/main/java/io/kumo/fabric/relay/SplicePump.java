package io.kumo.fabric.relay;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import static io.kumo.fabric.relay.Libc.Calls;

/**
 * Moves one direction of a connection from socket to socket through a pipe with splice(2): the
 * bytes stay in the kernel (page references move, nothing is copied to user space), which is
 * what makes the relay cheap next to reading into a buffer and writing it out again. Runs on a
 * platform thread and blocks in the kernel; {@link NativeSocket#shutdown()} on either socket
 * wakes it.
 */
final class SplicePump implements AutoCloseable {
    /**
     * The pipe's capacity, so the most one splice moves. The default 64 KiB (16 slots, and a slot
     * holds one packet fragment, often less than a page) made many calls per 1 MiB body; much
     * larger pipes cost kernel memory per connection, counted against the user's pipe limit.
     */
    static final int PIPE_BYTES = Integer.getInteger("kumo.relay.pipeBytes", 256 * 1024);

    private final int readEnd;
    private final int writeEnd;
    private final long chunk;

    private SplicePump(int readEnd, int writeEnd, long chunk) {
        this.readEnd = readEnd;
        this.writeEnd = writeEnd;
        this.chunk = chunk;
    }

    static SplicePump open() throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = Libc.errnoSlot(arena);
            MemorySegment fds = arena.allocate(ValueLayout.JAVA_INT, 2);
            if ((int) Calls.PIPE2.invokeExact(errno, fds, Libc.O_CLOEXEC) != 0) {
                throw Libc.failure("pipe2", errno);
            }
            int readEnd = fds.get(ValueLayout.JAVA_INT, 0);
            int writeEnd = fds.get(ValueLayout.JAVA_INT, 4);
            // The pipe keeps its default 64 KiB when the limit is lower here: slower, still right.
            int size = (int) Calls.FCNTL.invokeExact(errno, writeEnd, Libc.F_SETPIPE_SZ, PIPE_BYTES);
            return new SplicePump(readEnd, writeEnd, size > 0 ? size : 64 * 1024);
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw Libc.linkageBroken(t);
        }
    }

    /**
     * Copies until {@code from} ends, then half-closes {@code to} so its peer sees the end too.
     * Returns normally at the end of the stream; throws when either side failed.
     */
    void run(NativeSocket from, NativeSocket to) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = Libc.errnoSlot(arena);
            while (true) {
                long in = splice(errno, from.fd(), writeEnd, chunk, Libc.SPLICE_F_MOVE);
                if (in == 0) {
                    to.shutdownOutput();
                    return;
                }
                while (in > 0) {
                    long out = splice(errno, readEnd, to.fd(), in, Libc.SPLICE_F_MOVE);
                    if (out == 0) {
                        throw new IOException("splice wrote nothing with " + in + " bytes in the pipe");
                    }
                    in -= out;
                }
            }
        }
    }

    /** One splice, retried when a signal interrupted it; never returns a negative count. */
    private static long splice(MemorySegment errno, int in, int out, long length, int flags) throws IOException {
        try {
            while (true) {
                long n = (long) Calls.SPLICE.invokeExact(errno, in, MemorySegment.NULL, out, MemorySegment.NULL, length, flags);
                if (n >= 0) {
                    return n;
                }
                if (Libc.errno(errno) != Libc.EINTR) {
                    throw Libc.failure("splice", errno);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw Libc.linkageBroken(t);
        }
    }

    @Override
    public void close() {
        Libc.close(readEnd);
        Libc.close(writeEnd);
    }
}
