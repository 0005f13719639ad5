package io.kumo.fabric.relay;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Listens on an address and carries every connection on to wherever a {@link Dialer} leads,
 * the bytes moved by the kernel (splice through a pipe per direction), driven by a few event
 * loops shared by all relays. Each listener has a platform thread blocked in accept, and a
 * connection is dialed on a pooled platform thread (the namespace hop and the connect may
 * block). At most {@link #MAX_CONNECTIONS} run at once across all relays; further clients wait
 * in the listen backlog rather than growing the process without bound. Linux only.
 */
public final class TcpRelay implements AutoCloseable {
    static final int MAX_CONNECTIONS = Integer.getInteger("kumo.relay.maxConnections", 512);
    private static final int BACKLOG = 128;
    private static final System.Logger LOG = System.getLogger("kumo.fabric.relay");

    /** Opens the far side of a relayed connection, connected. */
    @FunctionalInterface
    public interface Dialer {
        NativeSocket dial() throws IOException;

        /**
         * Connects a socket from {@code newSocket} (which decides its namespace and local address)
         * to {@code target}, giving up after {@code timeout}.
         */
        static Dialer connecting(Callable<NativeSocket> newSocket, InetSocketAddress target, Duration timeout) {
            return () -> {
                NativeSocket socket;
                try {
                    socket = newSocket.call();
                } catch (IOException | RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IOException("cannot make a socket for " + target + ": " + e, e);
                }
                try {
                    socket.connect(target, timeout);
                    return socket;
                } catch (IOException | RuntimeException e) {
                    socket.close();
                    throw e;
                }
            };
        }
    }

    /** Shared by all relays; created on first use so that a Kumo without public IPs starts no threads. */
    private static final class Shared {
        private static final AtomicInteger COUNT = new AtomicInteger();
        static final Semaphore CONNECTIONS = new Semaphore(MAX_CONNECTIONS);
        /** Dialing blocks (a namespace's thread, up to the connect timeout), so it has threads of its own. */
        static final ExecutorService DIALERS = Executors.newCachedThreadPool(
                r -> Thread.ofPlatform().daemon().name("relay-dial-" + COUNT.incrementAndGet()).unstarted(r));
        /**
         * Half the cores: the relay shares the machine with the instances and their clients, and
         * a busier loop batches more connections per wake-up (one loop on 2 cores cost ~5 % less
         * CPU per request than two).
         */
        static final RelayLoop[] LOOPS = IntStream.range(0, Integer.getInteger("kumo.relay.loops",
                        Math.clamp(Runtime.getRuntime().availableProcessors() / 2, 1, 4)))
                .mapToObj(i -> RelayLoop.start("relay-loop-" + i)).toArray(RelayLoop[]::new);
        private static final AtomicInteger NEXT_LOOP = new AtomicInteger();

        static RelayLoop nextLoop() {
            return LOOPS[Math.floorMod(NEXT_LOOP.getAndIncrement(), LOOPS.length)];
        }
    }

    private final NativeSocket listener;
    private final InetSocketAddress address;
    private final Dialer dialer;
    private final Thread acceptor;
    private volatile boolean closed;

    private TcpRelay(NativeSocket listener, InetSocketAddress address, Dialer dialer) {
        this.listener = listener;
        this.address = address;
        this.dialer = dialer;
        String name = "relay-accept-" + address.getAddress().getHostAddress() + ":" + address.getPort();
        this.acceptor = Thread.ofPlatform().daemon().name(name).unstarted(this::acceptLoop);
    }

    /** Listens on {@code address} at once; connections are relayed from then on until {@link #close()}. */
    public static TcpRelay open(InetSocketAddress address, Dialer dialer) throws IOException {
        TcpRelay relay = new TcpRelay(NativeSocket.listen(address, BACKLOG), address, dialer);
        relay.acceptor.start();
        return relay;
    }

    public InetSocketAddress address() {
        return address;
    }

    private void acceptLoop() {
        try {
            while (!closed && acceptOne()) {
                // next client
            }
        } catch (InterruptedException e) {
            // closed while every connection slot was taken
        } finally {
            listener.close();
        }
    }

    /**
     * Accepts one client and hands it off once a connection slot is free; while none is, the
     * clients after it wait in the backlog. False once the listener is done.
     */
    private boolean acceptOne() throws InterruptedException {
        NativeSocket client;
        try {
            client = listener.accept();
        } catch (IOException e) {
            if (closed || e instanceof ErrnoException n && (n.errno() == Libc.EINVAL || n.errno() == Libc.EBADF)) {
                return false;
            }
            // Out of descriptors, or a client that left before we took it: try again a moment later.
            Thread.sleep(50);
            return true;
        }
        try {
            Shared.CONNECTIONS.acquire();
        } catch (InterruptedException e) {
            client.reset();
            throw e;
        }
        try {
            Shared.DIALERS.execute(() -> relay(client));
        } catch (RejectedExecutionException e) {
            Shared.CONNECTIONS.release();
            client.reset();
            LOG.log(System.Logger.Level.WARNING, "cannot relay a connection: " + e);
        }
        return true;
    }

    private void relay(NativeSocket client) {
        NativeSocket inner;
        try {
            inner = dialer.dial();
        } catch (IOException | RuntimeException e) {
            // A dropped SYN or a refused port: the client learns it as it would on a direct connection.
            client.reset();
            Shared.CONNECTIONS.release();
            return;
        }
        Shared.nextLoop().adopt(client, inner, Shared.CONNECTIONS::release);
    }

    /**
     * Stops listening at once; connections already relayed go on until their ends close them.
     * Returns once the address is free again, so it can be listened on anew.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        listener.shutdown();
        acceptor.interrupt();
        try {
            acceptor.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
