package io.kumo.rds.runtime;

import io.kumo.fabric.netns.NamespaceSockets;
import io.kumo.fabric.netns.NetworkNamespace;
import io.kumo.fabric.relay.TcpRelay;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The host's way in to publicly accessible DB instances: a listener on 127.0.0.1 per instance,
 * at the instance's port (or, when that is taken, the port plus 10000, then a free one in 20000-32000), whose
 * connections are carried into the primary's network namespace to its address and port. The
 * endpoint name does not resolve on the host, so clients use 127.0.0.1 and this port
 * ({@code rds/host-endpoints} lists them). The DB's security groups are the host's gate, as the
 * internet's: a connection is refused unless they admit 198.51.100.1 on the port. Targets move
 * with failovers without the listener closing.
 */
final class HostAccess implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("kumo.rds.runtime");
    static final int FALLBACK_OFFSET = 10_000;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    /** Where an instance's connections go now, and whether its security groups let the host in. */
    record Target(String namespace, String ip, int port, boolean admitted) {
    }

    private static final class Door {
        final TcpRelay relay;
        volatile Target target;

        Door(TcpRelay relay, Target target) {
            this.relay = relay;
            this.target = target;
        }
    }

    private final NamespaceSockets sockets;
    private final Map<String, Door> doors = new ConcurrentHashMap<>();

    HostAccess(NamespaceSockets sockets) {
        this.sockets = sockets;
    }

    /** Makes the listeners match: keyed by instance (scope and identifier). */
    synchronized void update(Map<String, Target> wanted) {
        for (String key : Set.copyOf(doors.keySet())) {
            if (!wanted.containsKey(key)) {
                doors.remove(key).relay.close();
            }
        }
        Set<Integer> taken = new HashSet<>();
        doors.values().forEach(d -> taken.add(d.relay.address().getPort()));
        wanted.forEach((key, target) -> {
            Door door = doors.get(key);
            if (door != null) {
                door.target = target;
            } else {
                open(key, target, taken);
            }
        });
    }

    /** Instance key → the host's port, for the admin command and tests. */
    Map<String, Integer> ports() {
        Map<String, Integer> out = new TreeMap<>();
        doors.forEach((k, d) -> out.put(k, d.relay.address().getPort()));
        return out;
    }

    private void open(String key, Target target, Set<Integer> taken) {
        Door[] self = new Door[1];
        TcpRelay.Dialer dialer = () -> {
            Target t = self[0].target;
            if (!t.admitted()) {
                throw new IOException("the DB's security groups do not admit the host on port " + t.port());
            }
            return TcpRelay.Dialer.connecting(() -> sockets.nativeSocket(new NetworkNamespace(t.namespace()), new InetSocketAddress(0)),
                    new InetSocketAddress(t.ip(), t.port()), CONNECT_TIMEOUT).dial();
        };
        java.util.List<Integer> candidates = new java.util.ArrayList<>(java.util.List.of(target.port(), target.port() + FALLBACK_OFFSET));
        for (int i = 0; i < 20; i++) {
            candidates.add(20_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(12_000));
        }
        for (int port : candidates) {
            if (port > 65535 || taken.contains(port)) {
                continue;
            }
            try {
                TcpRelay relay = TcpRelay.open(new InetSocketAddress("127.0.0.1", port), dialer);
                self[0] = new Door(relay, target);
                doors.put(key, self[0]);
                taken.add(relay.address().getPort());
                return;
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "cannot listen on 127.0.0.1:" + port + " for " + key + ": " + e.getMessage());
            }
        }
        LOG.log(System.Logger.Level.WARNING, "no port on 127.0.0.1 for the publicly accessible DB instance " + key);
    }

    @Override
    public synchronized void close() {
        doors.values().forEach(d -> d.relay.close());
        doors.clear();
    }
}
