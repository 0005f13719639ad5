package io.kumo.rds.runtime.engine;

import io.kumo.fabric.host.ProcessEnd;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Starts servers over their data directories, as the server account, inside their network
 * namespace when they have one; and finds servers an earlier Kumo started, through the pid file
 * in their home.
 */
public final class ServerLauncher {
    private final Function<Engine, Binaries> binaries;
    private final ServerAccount account;
    private final Duration startTimeout;
    private final java.util.function.Supplier<TlsFiles> tls;

    public ServerLauncher(Function<Engine, Binaries> binaries, java.util.function.Supplier<TlsFiles> tls, ServerAccount account, Duration startTimeout) {
        this.binaries = binaries;
        this.tls = tls;
        this.account = account;
        this.startTimeout = startTimeout;
    }

    /** Starts the server and returns once it accepts Kumo's administrative connection. */
    public DatabaseServer start(ServerSpec spec) {
        ServerHome home = spec.layout();
        if (!Files.isDirectory(home.data())) {
            throw new EngineException("no data directory at " + home.data());
        }
        Optional<ProcessHandle> running = recorded(home);
        if (running.isPresent()) {
            throw new EngineException("a server (pid " + running.get().pid() + ") already runs over " + home.data());
        }
        prepare(spec);
        List<String> argv = account.commandLine(switch (spec.engine()) {
            case MARIADB -> MariaDbOptions.commandLine(binaries.apply(Engine.MARIADB), spec, tls.get());
            case POSTGRES -> PostgresOptions.commandLine(binaries.apply(Engine.POSTGRES), spec);
        }, spec.namespace());
        Process process;
        try {
            process = new ProcessBuilder(argv).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(home.log().toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
        } catch (IOException e) {
            throw new EngineException("cannot start " + spec.engine().describe() + ": " + e.getMessage(), e);
        }
        ServerHome.writePrivate(home.pidFile(), process.pid() + "\n");
        DatabaseServer server = new DatabaseServer(spec, process.toHandle());
        try {
            awaitReady(server, process);
        } catch (RuntimeException e) {
            server.kill();
            throw e;
        }
        return server;
    }

    /** The server an earlier Kumo started over this home, if it still runs. */
    public Optional<DatabaseServer> adopt(ServerSpec spec) {
        return recorded(spec.layout()).map(p -> new DatabaseServer(spec, p));
    }

    /** Kills whatever server an earlier run left over this home (before a restore, or when the instance is gone). */
    public void killLeftover(Path home) {
        recorded(new ServerHome(home)).ifPresent(p -> {
            p.destroyForcibly();
            Waits.forExit(p, Duration.ofSeconds(10));
        });
    }

    private void prepare(ServerSpec spec) {
        ServerHome home = spec.layout();
        try {
            Files.createDirectories(home.tmp());
            if (!Files.exists(home.log())) {
                Files.createFile(home.log());
            }
            Files.deleteIfExists(home.mariaDbSocket());
            Files.deleteIfExists(home.dir().resolve("mysqld.pid"));
            if (spec.engine() == Engine.MARIADB && home.mariaDbSocket().toString().getBytes(StandardCharsets.UTF_8).length > 107) {
                throw new EngineException("the socket path " + home.mariaDbSocket() + " is longer than Linux allows (107 bytes)");
            }
        } catch (IOException e) {
            throw new EngineException("cannot prepare " + home.dir() + ": " + e.getMessage(), e);
        }
        account.checkReachable(home.dir());
        account.own(home.dir());
        if (spec.engine() == Engine.POSTGRES) {
            try {
                // postgres insists on a private data directory
                Files.setPosixFilePermissions(home.data(), java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
            } catch (IOException e) {
                throw new EngineException("cannot restrict " + home.data() + ": " + e.getMessage(), e);
            }
        }
    }

    private void awaitReady(DatabaseServer server, Process process) {
        ServerSpec spec = server.spec();
        String[] lastError = {""};
        try {
            Waits.until(startTimeout, spec.engine().describe() + " at " + spec.connectAddress() + ":" + spec.port() + " to accept connections", () -> {
                if (!process.isAlive()) {
                    throw new ServerExitedAtStart(spec.engine().describe() + " exited at start (status " + process.exitValue() + "); its log ends with:\n"
                            + LogTail.of(spec.layout().log()));
                }
                try {
                    return server.admin().ping();
                } catch (RuntimeException e) {
                    lastError[0] = e.getMessage();
                    return false;
                }
            });
        } catch (EngineException e) {
            if (e.getMessage().startsWith("timed out")) {
                throw new EngineException(e.getMessage() + " (last error: " + lastError[0] + "); its log ends with:\n" + LogTail.of(spec.layout().log()));
            }
            throw e;
        }
    }

    private static Optional<ProcessHandle> recorded(ServerHome home) {
        try {
            if (!Files.exists(home.pidFile())) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readString(home.pidFile()).strip());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(p -> !ProcessEnd.isZombie(p.pid()))
                    .filter(p -> commandLineOf(pid).contains(home.data().toString()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** /proc's view, which (unlike ProcessHandle.info) also works for processes of other users. */
    private static String commandLineOf(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }
}
