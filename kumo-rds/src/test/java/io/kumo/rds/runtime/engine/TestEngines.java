package io.kumo.rds.runtime.engine;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One {@link Engines} for the whole test run (binaries unpacked and templates made once), under a
 * directory of its own in /tmp that is deleted when the JVM ends; and a {@link Scope} per test
 * that kills every server and deletes every home it made, even when the test fails.
 */
final class TestEngines {
    private static Engines engines;
    private static Path base;

    private TestEngines() {
    }

    static synchronized Engines engines() {
        if (engines == null) {
            try {
                base = Path.of("/tmp/kumo-engine-test-" + UUID.randomUUID().toString().substring(0, 8));
                Files.createDirectories(base);
                Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            Path dir = base;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> FileTrees.deleteQuietly(dir)));
            engines = new Engines(base);
        }
        return engines;
    }

    static Scope scope() {
        engines();
        return new Scope(base.resolve("homes-" + UUID.randomUUID().toString().substring(0, 8)));
    }

    /**
     * A free port below the ephemeral range: a server restarted on its port (after a failover)
     * must not find it taken by some client connection's local end meanwhile.
     */
    static int freePort() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = 20000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(12000);
            try (ServerSocket s = new ServerSocket()) {
                s.bind(new InetSocketAddress("127.0.0.1", port));
                return port;
            } catch (IOException e) {
                // taken: try another
            }
        }
        throw new IllegalStateException("no free port in 20000-32000");
    }

    /** The servers and directories of one test. */
    static final class Scope implements AutoCloseable {
        private final Path dir;
        private final List<Path> homes = new ArrayList<>();

        Scope(Path dir) {
            this.dir = dir;
        }

        Path home(String name) {
            Path home = dir.resolve(name);
            homes.add(home);
            return home;
        }

        Path dir() {
            return dir;
        }

        ServerSpec mariaDb(String name, int serverId) {
            return ServerSpec.of(Engine.MARIADB, home(name), "127.0.0.1", freePort()).withServerId(serverId);
        }

        ServerSpec postgres(String name) {
            return ServerSpec.of(Engine.POSTGRES, home(name), "127.0.0.1", freePort());
        }

        @Override
        public void close() {
            for (Path home : homes) {
                engines.killLeftover(home);
            }
            // servers Kumo started and adopted are recorded by pid file; a killed one may have left its children
            ProcessHandle.allProcesses().filter(p -> commandLine(p).contains(dir.toString())).forEach(p -> {
                p.destroyForcibly();
                Waits.forExit(p, Duration.ofSeconds(10));
            });
            FileTrees.deleteQuietly(dir);
        }

        private static String commandLine(ProcessHandle p) {
            try {
                return Files.readString(Path.of("/proc/" + p.pid() + "/cmdline")).replace('\0', ' ');
            } catch (IOException | RuntimeException e) {
                return "";
            }
        }
    }
}
