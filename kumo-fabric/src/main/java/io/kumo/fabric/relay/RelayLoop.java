package io.kumo.fabric.relay;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import static io.kumo.fabric.relay.Libc.Calls;

/**
 * A platform thread that serves many relayed connections with one edge-triggered epoll set:
 * under load one wake-up moves the bytes of several connections, where a blocked thread per
 * direction cost a context switch per chunk (a tenth of the relay's CPU in a profile).
 * Connections are handed over through a queue and an eventfd, so that the loop alone ever
 * touches their state.
 */
final class RelayLoop {
    private static final int MAX_EVENTS = 64;
    private static final long WAKE_UP = 0;
    private static final int EFD_CLOEXEC_NONBLOCK = Libc.O_CLOEXEC | Libc.O_NONBLOCK;

    private final int epoll;
    private final int wakeUp;
    private final Queue<Handover> handovers = new ConcurrentLinkedQueue<>();
    private final Map<Long, SplicedConnection> connections = new HashMap<>();
    private long lastId;
    /** The struct epoll_ctl reads; one per loop, used by the loop's thread only. */
    private MemorySegment scratchEvent;

    private record Handover(NativeSocket client, NativeSocket inner, Runnable onClose) {
    }

    private RelayLoop(int epoll, int wakeUp) {
        this.epoll = epoll;
        this.wakeUp = wakeUp;
    }

    static RelayLoop start(String name) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = Libc.errnoSlot(arena);
            int epoll = (int) Calls.EPOLL_CREATE1.invokeExact(errno, Libc.EPOLL_CLOEXEC);
            if (epoll < 0) {
                throw new IllegalStateException(Libc.failure("epoll_create1", errno));
            }
            int wakeUp = (int) Calls.EVENTFD.invokeExact(errno, 0, EFD_CLOEXEC_NONBLOCK);
            if (wakeUp < 0) {
                throw new IllegalStateException(Libc.failure("eventfd", errno));
            }
            RelayLoop loop = new RelayLoop(epoll, wakeUp);
            // Level-triggered: the loop empties it on every wake-up anyway.
            loop.register(arena.allocate(Libc.EPOLL_EVENT_BYTES, 8), errno, wakeUp, Libc.EPOLLIN, WAKE_UP);
            Thread.ofPlatform().daemon().name(name).start(loop::run);
            return loop;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw Libc.linkageBroken(t);
        }
    }

    /** Takes over a connected pair; {@code onClose} runs on the loop once both are closed. */
    void adopt(NativeSocket client, NativeSocket inner, Runnable onClose) {
        handovers.add(new Handover(client, inner, onClose));
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment one = arena.allocateFrom(ValueLayout.JAVA_LONG, 1L);
            long ignored = (long) Calls.WRITE.invokeExact(Libc.errnoSlot(arena), wakeUp, one, 8L);
        } catch (Throwable t) {
            throw Libc.linkageBroken(t);
        }
    }

    private void run() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = Libc.errnoSlot(arena);
            MemorySegment events = arena.allocate(Libc.EPOLL_EVENT_BYTES * MAX_EVENTS, 8);
            MemorySegment counter = arena.allocate(ValueLayout.JAVA_LONG);
            scratchEvent = arena.allocate(Libc.EPOLL_EVENT_BYTES, 8);
            while (true) {
                int ready = (int) Calls.EPOLL_WAIT.invokeExact(errno, epoll, events, MAX_EVENTS, -1);
                for (int i = 0; i < ready; i++) {
                    long offset = i * Libc.EPOLL_EVENT_BYTES;
                    long data = events.get(ValueLayout.JAVA_LONG_UNALIGNED, offset + Libc.EPOLL_DATA_OFFSET);
                    if (data == WAKE_UP) {
                        long ignored = (long) Calls.READ.invokeExact(errno, wakeUp, counter, 8L);
                        takeHandovers(errno);
                    } else {
                        SplicedConnection connection = connections.get(data >>> 1);
                        if (connection != null) {
                            connection.ready((data & 1) == 1, events.get(ValueLayout.JAVA_INT, offset));
                            serve(data >>> 1, connection, errno);
                        }
                    }
                }
            }
        } catch (Throwable t) {
            // Only a broken native link gets here; the connections of this loop would hang, so say it loudly.
            System.getLogger("kumo.fabric.relay").log(System.Logger.Level.ERROR, "relay loop died", t);
        }
    }

    private void serve(long id, SplicedConnection connection, MemorySegment errno) {
        if (connection.progress(errno)) {
            connections.remove(id);
            connection.close();
        }
    }

    private void takeHandovers(MemorySegment errno) throws Throwable {
        for (Handover h; (h = handovers.poll()) != null; ) {
            SplicedConnection connection;
            try {
                h.client().nonBlocking();
                h.inner().nonBlocking();
                h.client().noDelay();
                h.inner().noDelay();
                connection = new SplicedConnection(h.client(), h.inner(), errno, h.onClose());
            } catch (IOException e) {
                h.client().reset();
                h.inner().reset();
                h.onClose().run();
                continue;
            }
            long id = ++lastId;
            int interest = Libc.EPOLLIN | Libc.EPOLLOUT | Libc.EPOLLRDHUP | Libc.EPOLLET;
            try {
                register(scratchEvent, errno, connection.client().fd(), interest, id << 1);
                register(scratchEvent, errno, connection.inner().fd(), interest, id << 1 | 1);
            } catch (IOException e) {
                connection.fail();
                connection.close();
                continue;
            }
            connections.put(id, connection);
            // Bytes that arrived before registration raised no edge: look now.
            serve(id, connection, errno);
        }
    }

    private void register(MemorySegment event, MemorySegment errno, int fd, int interest, long data) throws Throwable {
        event.set(ValueLayout.JAVA_INT, 0, interest);
        event.set(ValueLayout.JAVA_LONG_UNALIGNED, Libc.EPOLL_DATA_OFFSET, data);
        if ((int) Calls.EPOLL_CTL.invokeExact(errno, epoll, Libc.EPOLL_CTL_ADD, fd, event) != 0) {
            throw Libc.failure("epoll_ctl", errno);
        }
    }
}
