package io.kumo.fabric.netns;

import io.kumo.fabric.FabricException;
import io.kumo.fabric.relay.NativeSocket;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * Opens sockets inside network namespaces from this JVM. A socket belongs to the namespace its
 * creating thread was in when it called socket(2), and keeps it whatever thread uses it later; so
 * one dedicated platform thread per namespace calls setns(2) once and then creates sockets on
 * request. Virtual threads must never do this: setns would move their carrier thread.
 */
public final class NamespaceSockets implements AutoCloseable {
    private static final int CLONE_NEWNET = 0x40000000;
    private static final int O_RDONLY_CLOEXEC = 0x80000;

    /** The native calls, linked on first use: linking costs tens of milliseconds that a start need not pay. */
    private static final class Libc {
        static final Linker LINKER = Linker.nativeLinker();
        static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
        static final VarHandle ERRNO = CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
        static final MethodHandle OPEN = downcall("open", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
        static final MethodHandle SETNS = downcall("setns", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
        static final MethodHandle CLOSE = downcall("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));

        private static MethodHandle downcall(String name, FunctionDescriptor descriptor) {
            return LINKER.downcallHandle(LINKER.defaultLookup().find(name).orElseThrow(), descriptor, Linker.Option.captureCallState("errno"));
        }
    }

    /** The namespace the current dedicated thread has entered; such a thread never leaves it. */
    private static final ThreadLocal<String> ENTERED = new ThreadLocal<>();

    private final ConcurrentHashMap<String, ExecutorService> threads = new ConcurrentHashMap<>();
    /** Which namespace (its inode) each name's thread entered: a namespace re-made under the same name is another one. */
    private final ConcurrentHashMap<String, Object> entered = new ConcurrentHashMap<>();

    public ServerSocketChannel listen(NetworkNamespace ns, InetSocketAddress address) {
        return inside(ns, () -> {
            ServerSocketChannel server = ServerSocketChannel.open();
            try {
                server.setOption(java.net.StandardSocketOptions.SO_REUSEADDR, true);
                server.bind(address, 256);
                return server;
            } catch (IOException e) {
                server.close();
                throw e;
            }
        });
    }

    /** An unconnected TCP socket inside {@code ns}, optionally bound to a local address there. */
    public SocketChannel socket(NetworkNamespace ns, InetSocketAddress localAddress) {
        return inside(ns, () -> {
            SocketChannel channel = SocketChannel.open();
            if (localAddress != null) {
                channel.bind(localAddress);
            }
            return channel;
        });
    }

    /**
     * Like {@link #socket} but a bare descriptor, for relays that splice(2) between sockets
     * (io.kumo.fabric.relay). Blocking calls on it belong on platform threads.
     */
    public NativeSocket nativeSocket(NetworkNamespace ns, InetSocketAddress localAddress) {
        return inside(ns, () -> NativeSocket.tcp(localAddress));
    }

    public java.nio.channels.DatagramChannel datagram(NetworkNamespace ns, InetSocketAddress address) {
        return inside(ns, () -> java.nio.channels.DatagramChannel.open().bind(address));
    }

    /**
     * Runs {@code action} on the namespace's thread, for libraries that open their own sockets
     * (Netty's bootstrap creates its channel in the calling thread).
     */
    public <T> T call(NetworkNamespace ns, Callable<T> action) {
        return inside(ns, action);
    }

    /** Forgets the thread of a namespace that is going away. */
    public void forget(NetworkNamespace ns) {
        entered.remove(ns.name());
        ExecutorService thread = threads.remove(ns.name());
        if (thread != null) {
            thread.shutdownNow();
        }
    }

    private <T> T inside(NetworkNamespace ns, Callable<T> action) {
        Object inode = inode(ns);
        Object was = inode == null ? null : entered.put(ns.name(), inode);
        if (was != null && !was.equals(inode)) {
            // the thread sits in a namespace deleted since: its sockets would reach nothing
            ExecutorService stale = threads.remove(ns.name());
            if (stale != null) {
                stale.shutdownNow();
            }
        }
        ExecutorService thread = threads.computeIfAbsent(ns.name(), name -> Executors.newSingleThreadExecutor(
                r -> Thread.ofPlatform().daemon().name("netns-" + name).unstarted(r)));
        Future<T> result = thread.submit(() -> {
            if (!ns.name().equals(ENTERED.get())) {
                enter(ns);
                ENTERED.set(ns.name());
            }
            return action.call();
        });
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FabricException("interrupted while opening a socket in " + ns.name(), e);
        } catch (ExecutionException e) {
            forgetIfBroken(ns, e.getCause());
            throw new FabricException("cannot open a socket in namespace " + ns.name() + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    private void forgetIfBroken(NetworkNamespace ns, Throwable cause) {
        if (cause instanceof FabricException) {
            forget(ns);
        }
    }

    private static Object inode(NetworkNamespace ns) {
        try {
            return java.nio.file.Files.getAttribute(ns.path(), "unix:ino");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Moves the calling platform thread into {@code ns} for good. */
    private static void enter(NetworkNamespace ns) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(Libc.CAPTURE);
            int fd = (int) Libc.OPEN.invokeExact(state, arena.allocateFrom(ns.path().toString()), O_RDONLY_CLOEXEC);
            if (fd < 0) {
                throw new FabricException("cannot open " + ns.path() + " (errno " + (int) Libc.ERRNO.get(state, 0L) + ")");
            }
            int rc = (int) Libc.SETNS.invokeExact(state, fd, CLONE_NEWNET);
            int errno = (int) Libc.ERRNO.get(state, 0L);
            int ignored = (int) Libc.CLOSE.invokeExact(state, fd);
            if (rc != 0) {
                throw new FabricException("setns into " + ns.name() + " failed (errno " + errno + ")");
            }
        } catch (FabricException e) {
            throw e;
        } catch (Throwable t) {
            throw new FabricException("setns into " + ns.name() + " failed: " + t, t);
        }
    }

    @Override
    public void close() {
        threads.values().forEach(ExecutorService::shutdownNow);
        threads.clear();
        entered.clear();
    }
}
