package io.kumo.fabric.relay;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.InetSocketAddress;
import java.time.Duration;

import static io.kumo.fabric.relay.Libc.Calls;

/**
 * A TCP socket as a bare file descriptor, for splice(2), which JDK channels cannot give (their
 * descriptor is private). Blocking calls here block the calling thread in the kernel, so they
 * belong on platform threads, never on virtual ones. A socket belongs to the network namespace
 * of the thread that created it: create it on a namespace's thread to have it there.
 */
public final class NativeSocket implements AutoCloseable {
    private final int fd;
    /** Guarded by this: shutdown after close would act on whatever file the number names by then. */
    private boolean closed;

    private NativeSocket(int fd) {
        this.fd = fd;
    }

    /** A new IPv4 TCP socket in the calling thread's namespace, bound to {@code local} unless null. */
    public static NativeSocket tcp(InetSocketAddress local) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = Libc.errnoSlot(arena);
            int fd = (int) Calls.SOCKET.invokeExact(errno, Libc.AF_INET, Libc.SOCK_STREAM | Libc.SOCK_CLOEXEC, 0);
            if (fd < 0) {
                throw Libc.failure("socket", errno);
            }
            NativeSocket socket = new NativeSocket(fd);
            if (local != null) {
                try {
                    socket.bind(arena, errno, local);
                } catch (IOException e) {
                    socket.close();
                    throw e;
                }
            }
            return socket;
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw Libc.linkageBroken(t);
        }
    }

    /** A listening socket on {@code address}, with SO_REUSEADDR so a port closed a moment ago can be taken again. */
    public static NativeSocket listen(InetSocketAddress address, int backlog) throws IOException {
        NativeSocket socket = tcp(null);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = Libc.errnoSlot(arena);
            socket.setInt(arena, errno, Libc.SOL_SOCKET, Libc.SO_REUSEADDR, 1);
            socket.bind(arena, errno, address);
            if ((int) Calls.LISTEN.invokeExact(errno, socket.fd, backlog) != 0) {
                throw Libc.failure("listen", errno);
            }
            return socket;
        } catch (Throwable t) {
            socket.close();
            throw rethrow(t);
        }
    }

    /** Waits for a connection. Fails once {@link #shutdown()} was called, which is how a blocked accept is woken. */
    public NativeSocket accept() throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = Libc.errnoSlot(arena);
            while (true) {
                int client = (int) Calls.ACCEPT4.invokeExact(errno, fd, MemorySegment.NULL, MemorySegment.NULL, Libc.SOCK_CLOEXEC);
                if (client >= 0) {
                    return new NativeSocket(client);
                }
                if (Libc.errno(errno) != Libc.EINTR) {
                    throw Libc.failure("accept4", errno);
                }
            }
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * Connects within {@code timeout}: a SYN dropped by a firewall must not hold the caller for the
     * kernel's minutes of retries. Non-blocking for the handshake only; blocking afterwards.
     */
    public void connect(InetSocketAddress remote, Duration timeout) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = Libc.errnoSlot(arena);
            int flags = (int) Calls.FCNTL.invokeExact(errno, fd, Libc.F_GETFL, 0);
            if (flags < 0 || (int) Calls.FCNTL.invokeExact(errno, fd, Libc.F_SETFL, flags | Libc.O_NONBLOCK) != 0) {
                throw Libc.failure("fcntl", errno);
            }
            MemorySegment sa = Libc.sockaddr(arena, remote);
            if ((int) Calls.CONNECT.invokeExact(errno, fd, sa, (int) sa.byteSize()) != 0) {
                if (Libc.errno(errno) != Libc.EINPROGRESS) {
                    throw Libc.failure("connect to " + remote, errno);
                }
                awaitWritable(arena, errno, remote, timeout);
                int error = getInt(arena, errno, Libc.SOL_SOCKET, Libc.SO_ERROR);
                if (error != 0) {
                    throw new IOException("connect to " + remote + " failed: errno " + error);
                }
            }
            if ((int) Calls.FCNTL.invokeExact(errno, fd, Libc.F_SETFL, flags) != 0) {
                throw Libc.failure("fcntl", errno);
            }
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    private void awaitWritable(Arena arena, MemorySegment errno, InetSocketAddress remote, Duration timeout) throws Throwable {
        MemorySegment pollfd = arena.allocate(8);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            pollfd.set(ValueLayout.JAVA_INT, 0, fd);
            pollfd.set(ValueLayout.JAVA_SHORT, 4, Libc.POLLOUT);
            pollfd.set(ValueLayout.JAVA_SHORT, 6, (short) 0);
            int left = (int) Math.max(0, (deadline - System.nanoTime()) / 1_000_000);
            int ready = (int) Calls.POLL.invokeExact(errno, pollfd, 1L, left);
            if (ready > 0) {
                return;
            }
            if (ready == 0 || left == 0) {
                throw new java.net.SocketTimeoutException("connect to " + remote + " timed out after " + timeout.toMillis() + " ms");
            }
            if (Libc.errno(errno) != Libc.EINTR) {
                throw Libc.failure("poll", errno);
            }
        }
    }

    /** From now on calls that would block fail with EAGAIN instead: for sockets served by an event loop. */
    void nonBlocking() throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = Libc.errnoSlot(arena);
            int flags = (int) Calls.FCNTL.invokeExact(errno, fd, Libc.F_GETFL, 0);
            if (flags < 0 || (int) Calls.FCNTL.invokeExact(errno, fd, Libc.F_SETFL, flags | Libc.O_NONBLOCK) != 0) {
                throw Libc.failure("fcntl", errno);
            }
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Small writes (HTTP requests, prompts) leave at once instead of waiting for an ACK. */
    public void noDelay() throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            setInt(arena, Libc.errnoSlot(arena), Libc.IPPROTO_TCP, Libc.TCP_NODELAY, 1);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Half-close: the peer reads end of stream, and may still send. */
    public void shutdownOutput() {
        shutdown(Libc.SHUT_WR);
    }

    /** Wakes every thread blocked on this socket (accept, splice) with an error or end of stream; the descriptor stays valid. */
    public void shutdown() {
        shutdown(Libc.SHUT_RDWR);
    }

    private synchronized void shutdown(int how) {
        if (closed) {
            return;
        }
        try (Arena arena = Arena.ofConfined()) {
            int ignored = (int) Calls.SHUTDOWN.invokeExact(Libc.errnoSlot(arena), fd, how);
        } catch (Throwable t) {
            throw Libc.linkageBroken(t);
        }
    }

    /** Closes with a reset rather than a FIN, so the peer learns that the connection failed. */
    public synchronized void reset() {
        if (closed) {
            return;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment linger = arena.allocate(8);
            linger.set(ValueLayout.JAVA_INT, 0, 1);
            linger.set(ValueLayout.JAVA_INT, 4, 0);
            int ignored = (int) Calls.SETSOCKOPT.invokeExact(Libc.errnoSlot(arena), fd, Libc.SOL_SOCKET, Libc.SO_LINGER, linger, 8);
        } catch (Throwable t) {
            throw Libc.linkageBroken(t);
        }
        close();
    }

    int fd() {
        return fd;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            Libc.close(fd);
        }
    }

    @Override
    public synchronized String toString() {
        return "NativeSocket[fd=" + fd + (closed ? ", closed" : "") + "]";
    }

    private void bind(Arena arena, MemorySegment errno, InetSocketAddress address) throws Throwable {
        MemorySegment sa = Libc.sockaddr(arena, address);
        if ((int) Calls.BIND.invokeExact(errno, fd, sa, (int) sa.byteSize()) != 0) {
            throw Libc.failure("bind to " + address, errno);
        }
    }

    private void setInt(Arena arena, MemorySegment errno, int level, int option, int value) throws Throwable {
        MemorySegment v = arena.allocateFrom(ValueLayout.JAVA_INT, value);
        if ((int) Calls.SETSOCKOPT.invokeExact(errno, fd, level, option, v, 4) != 0) {
            throw Libc.failure("setsockopt " + level + "/" + option, errno);
        }
    }

    private int getInt(Arena arena, MemorySegment errno, int level, int option) throws Throwable {
        MemorySegment v = arena.allocate(ValueLayout.JAVA_INT);
        MemorySegment length = arena.allocateFrom(ValueLayout.JAVA_INT, 4);
        if ((int) Calls.GETSOCKOPT.invokeExact(errno, fd, level, option, v, length) != 0) {
            throw Libc.failure("getsockopt " + level + "/" + option, errno);
        }
        return v.get(ValueLayout.JAVA_INT, 0);
    }

    private static IOException rethrow(Throwable t) {
        if (t instanceof IOException e) {
            return e;
        }
        throw Libc.linkageBroken(t);
    }
}
