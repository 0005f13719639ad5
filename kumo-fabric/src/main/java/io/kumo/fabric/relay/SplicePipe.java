package io.kumo.fabric.relay;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import static io.kumo.fabric.relay.Libc.Calls;

/**
 * A pipe that bytes cross from one socket to another with splice(2): they stay in the kernel
 * (page references move, nothing is copied to user space), which is what makes the relay cheap
 * next to reading into a buffer and writing it out again. Non-blocking: a call that would wait
 * returns {@link #WOULD_BLOCK} and the event loop comes back when the socket is ready.
 */
final class SplicePipe implements AutoCloseable {
    static final long WOULD_BLOCK = -1;

    /**
     * The pipe's capacity, so the most one splice moves. The default 64 KiB (16 slots, and a slot
     * holds one packet fragment, often less than a page) made many calls per 1 MiB body; much
     * larger pipes cost kernel memory per connection, counted against the user's pipe limit.
     */
    static final int PIPE_BYTES = Integer.getInteger("kumo.relay.pipeBytes", 256 * 1024);

    private final int readEnd;
    private final int writeEnd;
    private final long capacity;

    private SplicePipe(int readEnd, int writeEnd, long capacity) {
        this.readEnd = readEnd;
        this.writeEnd = writeEnd;
        this.capacity = capacity;
    }

    static SplicePipe open(MemorySegment errno) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment fds = arena.allocate(ValueLayout.JAVA_INT, 2);
            if ((int) Calls.PIPE2.invokeExact(errno, fds, Libc.O_CLOEXEC | Libc.O_NONBLOCK) != 0) {
                throw Libc.failure("pipe2", errno);
            }
            int readEnd = fds.get(ValueLayout.JAVA_INT, 0);
            int writeEnd = fds.get(ValueLayout.JAVA_INT, 4);
            // Where the limit is lower the pipe keeps its default 64 KiB: slower, still right.
            int size = (int) Calls.FCNTL.invokeExact(errno, writeEnd, Libc.F_SETPIPE_SZ, PIPE_BYTES);
            return new SplicePipe(readEnd, writeEnd, size > 0 ? size : 64 * 1024);
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw Libc.linkageBroken(t);
        }
    }

    /** Takes what {@code from} has into the (empty) pipe: the count, 0 at the end of the stream, or {@link #WOULD_BLOCK}. */
    long fill(NativeSocket from, MemorySegment errno) throws IOException {
        return splice(errno, from.fd(), writeEnd, capacity);
    }

    /** Gives up to {@code bytes} from the pipe to {@code to}: the count, or {@link #WOULD_BLOCK}. */
    long drain(NativeSocket to, long bytes, MemorySegment errno) throws IOException {
        return splice(errno, readEnd, to.fd(), bytes);
    }

    private static long splice(MemorySegment errno, int in, int out, long length) throws IOException {
        try {
            while (true) {
                long n = (long) Calls.SPLICE.invokeExact(errno, in, MemorySegment.NULL, out, MemorySegment.NULL, length,
                        Libc.SPLICE_F_MOVE | Libc.SPLICE_F_NONBLOCK);
                if (n >= 0) {
                    return n;
                }
                int error = Libc.errno(errno);
                if (error == Libc.EAGAIN) {
                    return WOULD_BLOCK;
                }
                if (error != Libc.EINTR) {
                    throw new ErrnoException("splice", error);
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
