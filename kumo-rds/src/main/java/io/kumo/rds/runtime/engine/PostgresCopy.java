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
import java.util.Set;

/**
 * A consistent copy of a running PostgreSQL's data directory through the low-level backup API,
 * as pg_basebackup makes it (the bundled binaries have no pg_basebackup): pg_backup_start, a copy
 * of the files, pg_backup_stop, then the WAL written meanwhile and the backup label. The copy
 * recovers to the backup's end when it first starts, or follows the primary as a standby.
 */
final class PostgresCopy {
    /** What a backup leaves out: the running server's own files, and directories copied empty. */
    private static final Set<String> SKIPPED = Set.of("postmaster.pid", "postmaster.opts", "backup_label", "tablespace_map",
            "standby.signal", "recovery.signal");
    private static final Set<String> EMPTIED = Set.of("pg_wal", "pg_replslot", "pg_stat_tmp", "pg_dynshmem", "pg_notify",
            "pg_serial", "pg_snapshots", "pg_subtrans");

    private PostgresCopy() {
    }

    /** Copies {@code server}'s data directory into {@code target} (which must not exist); returns the backup's end LSN. */
    static String copyRunning(DatabaseServer server, Path target) {
        Path data = server.spec().layout().data();
        Path temp = target.resolveSibling("." + target.getFileName() + ".copying");
        FileTrees.deleteQuietly(temp);
        try (Connection c = Jdbc.admin(server.spec(), 600)) {
            Sql.exec(c, "SELECT pg_backup_start('kumo-copy', true)");
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
            Files.createDirectories(target.getParent());
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            return lsn;
        } catch (IOException | SQLException e) {
            throw new EngineException("cannot copy the data of " + server + ": " + e.getMessage(), e);
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
                if (rel.getNameCount() == 1 && EMPTIED.contains(rel.toString())) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                Path rel = source.relativize(f);
                if (!(rel.getNameCount() == 1 && SKIPPED.contains(rel.toString())) && attrs.isRegularFile()) {
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
