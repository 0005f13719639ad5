package io.kumo.rds.runtime.engine;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Consistent copies of running servers, taken while they keep serving, and new servers from them.
 *
 * <p>MariaDB: a temporary replica (a template copy replaying the server's binlog, not part of
 * semi-sync) catches up with the server's position, stops replicating and shuts down cleanly;
 * its data directory is the snapshot. PostgreSQL: the low-level backup API
 * (pg_backup_start, a file copy, pg_backup_stop, then the WAL and the backup label), which is
 * what pg_basebackup does; the copy recovers to the backup's end at its first start.
 */
public final class Snapshots {
    /** Files of a running PostgreSQL that a backup leaves out (the backup documentation's list). */
    private static final Set<String> POSTGRES_SKIPPED = Set.of("postmaster.pid", "postmaster.opts", "pg_wal", "pg_replslot",
            "pg_stat_tmp", "pg_dynshmem", "pg_notify", "pg_serial", "pg_snapshots", "pg_subtrans", "backup_label", "tablespace_map");
    private static final Set<String> POSTGRES_EMPTIED = Set.of("pg_wal", "pg_replslot", "pg_stat_tmp", "pg_dynshmem", "pg_notify",
            "pg_serial", "pg_snapshots", "pg_subtrans");

    private final Engines engines;

    Snapshots(Engines engines) {
        this.engines = engines;
    }

    /** Takes a snapshot of {@code server} into {@code dir} (which must not exist). */
    public Snapshot take(DatabaseServer server, Path dir, Duration timeout) {
        if (Files.exists(dir)) {
            throw new EngineException("snapshot directory " + dir + " exists already");
        }
        long start = System.nanoTime();
        String position = switch (server.spec().engine()) {
            case MARIADB -> takeMariaDb(server, dir, timeout);
            case POSTGRES -> takePostgres(server, dir);
        };
        return new Snapshot(server.spec().engine(), dir, position, FileTrees.sizeOf(dir), Duration.ofNanos(System.nanoTime() - start));
    }

    /** A new server from a snapshot: its data directory copied into {@code spec}'s home, started with a new administrative password. */
    public DatabaseServer restore(Snapshot snapshot, ServerSpec spec) {
        if (snapshot.engine() != spec.engine()) {
            throw new EngineException("a " + snapshot.engine().describe() + " snapshot cannot make a " + spec.engine().describe() + " server");
        }
        engines.dataDirectories().createFrom(snapshot.dir(), spec.home());
        DatabaseServer server = engines.start(spec);
        try {
            server.admin().rotateAdminPassword();
            return server;
        } catch (RuntimeException e) {
            server.kill();
            throw e;
        }
    }

    private String takeMariaDb(DatabaseServer server, Path dir, Duration timeout) {
        MariaDbReplication replication = engines.mariaDbReplication();
        replication.actAsPrimary(server);
        ServerSpec source = server.spec();
        Path helperHome = dir.resolveSibling("." + dir.getFileName() + ".replica-" + UUID.randomUUID().toString().substring(0, 8));
        ServerSpec helperSpec = source.withHome(helperHome)
                .withAddress("127.0.0.1", FreePorts.pick(source.namespace(), "127.0.0.1"))
                .withServerId(1_000_000 + (int) (Math.random() * 1_000_000))
                .withParameters(Map.of("rpl_semi_sync_slave_enabled", "OFF", "innodb_buffer_pool_size", "16M"));
        DatabaseServer helper = null;
        try {
            engines.dataDirectories().create(engines.binaries(Engine.MARIADB), helperHome);
            ServerHome.writePrivate(helperSpec.layout().data().resolve(MariaDbReplication.REPLICATION_SECRET),
                    Files.readString(source.layout().data().resolve(MariaDbReplication.REPLICATION_SECRET)).strip());
            helper = engines.start(helperSpec);
            replication.replicateFrom(helper, source, false);
            replication.catchUp(server, helper, timeout);
            String position;
            try (Connection c = Jdbc.admin(helperSpec)) {
                Sql.exec(c, "STOP SLAVE", "RESET SLAVE ALL");
                position = Sql.one(c, "SELECT @@GLOBAL.gtid_slave_pos");
            }
            helper.stop(Duration.ofSeconds(60));
            helper = null;
            Files.deleteIfExists(helperSpec.layout().data().resolve("ibtmp1"));
            Files.createDirectories(dir.getParent());
            Files.move(helperSpec.layout().data(), dir, StandardCopyOption.ATOMIC_MOVE);
            return position;
        } catch (IOException | SQLException e) {
            throw new EngineException("cannot snapshot " + server + ": " + e.getMessage(), e);
        } finally {
            if (helper != null) {
                helper.kill();
            }
            FileTrees.deleteQuietly(helperHome);
        }
    }

    private String takePostgres(DatabaseServer server, Path dir) {
        Path data = server.spec().layout().data();
        Path temp = dir.resolveSibling("." + dir.getFileName() + ".copying");
        FileTrees.deleteQuietly(temp);
        try (Connection c = Jdbc.admin(server.spec(), 600)) {
            Sql.exec(c, "SELECT pg_backup_start('kumo-snapshot', true)");
            copyLive(data, temp);
            String label;
            String spcmap;
            String lsn;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT lsn, labelfile, spcmapfile FROM pg_backup_stop(false)")) {
                rs.next();
                lsn = rs.getString(1);
                label = rs.getString(2);
                spcmap = rs.getString(3);
            }
            // the WAL from the backup's start to its end, copied after the end so none is missing
            try (var wal = Files.list(data.resolve("pg_wal"))) {
                for (Path p : wal.filter(Files::isRegularFile).toList()) {
                    copyIfPresent(p, temp.resolve("pg_wal").resolve(p.getFileName()));
                }
            }
            Files.writeString(temp.resolve("backup_label"), label);
            if (spcmap != null && !spcmap.isBlank()) {
                Files.writeString(temp.resolve("tablespace_map"), spcmap);
            }
            Files.createDirectories(dir.getParent());
            Files.move(temp, dir, StandardCopyOption.ATOMIC_MOVE);
            return lsn;
        } catch (IOException | SQLException e) {
            throw new EngineException("cannot snapshot " + server + ": " + e.getMessage(), e);
        } finally {
            FileTrees.deleteQuietly(temp);
        }
    }

    /** Copies a directory whose files may come and go while copying (a running server's). */
    private static void copyLive(Path source, Path target) throws IOException {
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                Path rel = source.relativize(d);
                Files.createDirectories(target.resolve(rel));
                Files.setPosixFilePermissions(target.resolve(rel), Files.getPosixFilePermissions(d));
                if (rel.getNameCount() == 1 && POSTGRES_EMPTIED.contains(rel.toString())) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                Path rel = source.relativize(f);
                if (!(rel.getNameCount() == 1 && POSTGRES_SKIPPED.contains(rel.toString())) && attrs.isRegularFile()) {
                    copyIfPresent(f, target.resolve(rel));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path f, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
    }

    private static void copyIfPresent(Path from, Path to) throws IOException {
        try {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        } catch (NoSuchFileException e) {
            // a temporary file the server removed meanwhile
        }
    }
}
