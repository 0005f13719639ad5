package io.kumo.rds.runtime.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The entry point: real database servers under one base directory ({@code <base>/engines} for
 * the unpacked binaries, {@code <base>/templates} for pristine data directories). Servers' homes
 * may be anywhere the server account can reach.
 *
 * <pre>{@code
 * Engines engines = new Engines(kumoData.resolve("rds"));
 * DatabaseServer db = engines.createInstance(ServerSpec.of(Engine.MARIADB, home, "127.0.0.1", 3306),
 *         new MasterAccount("admin", "secret99", "app"));
 * }</pre>
 */
public final class Engines {
    private final Path enginesDir;
    private final ServerAccount account;
    private final Map<Engine, Binaries> binaries = new ConcurrentHashMap<>();
    private final DataDirectories dataDirectories;
    private final ServerLauncher launcher;
    private volatile ReplicationRoute route = ReplicationRoute.DIRECT;

    public Engines(Path baseDir) {
        this(baseDir, ServerAccount.forThisProcess(), Duration.ofSeconds(60));
    }

    public Engines(Path baseDir, ServerAccount account, Duration startTimeout) {
        this.enginesDir = baseDir.resolve("engines");
        this.account = account;
        this.dataDirectories = new DataDirectories(baseDir.resolve("templates"), account);
        this.launcher = new ServerLauncher(this::binaries, () -> TlsFiles.ensure(baseDir.resolve("tls"), account), account, startTimeout);
    }

    /** The engine's binaries, unpacked on first use. */
    public Binaries binaries(Engine engine) {
        return binaries.computeIfAbsent(engine, e -> Binaries.unpack(e, enginesDir));
    }

    /** Unpacks the binaries and makes the template now, so the first instance starts fast. */
    public void prepare(Engine engine) {
        dataDirectories.template(binaries(engine));
    }

    /**
     * A new instance: a data directory from the template, started, with an administrative
     * password of its own, the master user and the initial database.
     */
    public DatabaseServer createInstance(ServerSpec spec, MasterAccount master) {
        dataDirectories.create(binaries(spec.engine()), spec.home());
        DatabaseServer server = launcher.start(spec);
        try {
            server.admin().rotateAdminPassword();
            server.admin().createMaster(master);
            return server;
        } catch (RuntimeException e) {
            server.kill();
            throw e;
        }
    }

    /** Starts a server over an existing home (after a reboot, or with new static parameters). */
    public DatabaseServer start(ServerSpec spec) {
        return launcher.start(spec);
    }

    /** The server a previous Kumo started over this home, if it still runs. */
    public Optional<DatabaseServer> adopt(ServerSpec spec) {
        return launcher.adopt(spec);
    }

    /** Kills a server a previous Kumo left over this home, if any. */
    public void killLeftover(Path home) {
        launcher.killLeftover(home);
    }

    /** How replicas reach their sources from now on (for replication set up after the call). */
    public void routeReplication(ReplicationRoute route) {
        this.route = route;
    }

    ReplicationRoute route() {
        return route;
    }

    public MariaDbReplication mariaDbReplication() {
        return new MariaDbReplication(this);
    }

    public PostgresReplication postgresReplication() {
        return new PostgresReplication(this);
    }

    public Snapshots snapshots() {
        return new Snapshots(this);
    }

    DataDirectories dataDirectories() {
        return dataDirectories;
    }

    ServerAccount account() {
        return account;
    }
}
