package io.kumo.rds.runtime.engine;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * How to run one database server: its engine, its home directory (which holds {@code data/} and
 * the server's socket, pid file and log), where it listens, in which named network namespace
 * (null: the host's), its replication server id, and its startup parameters by the engine's own
 * names (max_connections, character_set_server, shared_buffers...), which override Kumo's
 * small-memory defaults.
 */
public record ServerSpec(Engine engine, Path home, String bindAddress, int port, String namespace, int serverId,
                         Map<String, String> parameters) {

    public ServerSpec {
        if (port < 1 || port > 65535) {
            throw new EngineException("port out of range: " + port);
        }
        if (serverId < 1) {
            throw new EngineException("server id must be positive: " + serverId);
        }
        home = home.toAbsolutePath().normalize();
        parameters = java.util.Collections.unmodifiableMap(new TreeMap<>(parameters));
    }

    /** A server on the host, without parameters, with server id 1. */
    public static ServerSpec of(Engine engine, Path home, String bindAddress, int port) {
        return new ServerSpec(engine, home, bindAddress, port, null, 1, Map.of());
    }

    public ServerSpec inNamespace(String name) {
        return new ServerSpec(engine, home, bindAddress, port, name, serverId, parameters);
    }

    public ServerSpec withServerId(int id) {
        return new ServerSpec(engine, home, bindAddress, port, namespace, id, parameters);
    }

    public ServerSpec withParameters(Map<String, String> values) {
        return new ServerSpec(engine, home, bindAddress, port, namespace, serverId, values);
    }

    public ServerSpec withHome(Path other) {
        return new ServerSpec(engine, other, bindAddress, port, namespace, serverId, parameters);
    }

    public ServerSpec withAddress(String address, int otherPort) {
        return new ServerSpec(engine, home, address, otherPort, namespace, serverId, parameters);
    }

    public ServerHome layout() {
        return new ServerHome(home);
    }

    /** The address clients in the same namespace connect to (a wildcard bind is reached on loopback). */
    public String connectAddress() {
        return bindAddress.equals("0.0.0.0") || bindAddress.equals("::") ? "127.0.0.1" : bindAddress;
    }
}
