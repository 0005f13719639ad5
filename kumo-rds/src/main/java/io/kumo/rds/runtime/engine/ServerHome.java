package io.kumo.rds.runtime.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The layout of a server's home directory. Only {@code data/} is the database (snapshots copy
 * it); the socket, pid file and log beside it belong to one run of the server.
 */
public record ServerHome(Path dir) {
    /** Kumo's administrative password for the data directory, kept inside it so copies carry it along. */
    static final String ADMIN_SECRET = "kumo-admin.secret";
    static final String ADMIN_USER = "kumo_admin";

    public Path data() {
        return dir.resolve("data");
    }

    /** The pid file Kumo writes when it starts the server, read to adopt it after a restart. */
    public Path pidFile() {
        return dir.resolve("server.pid");
    }

    /** The server's own log (MariaDB's error log, PostgreSQL's standard error). */
    public Path log() {
        return dir.resolve("server.log");
    }

    public Path mariaDbSocket() {
        return dir.resolve("mysqld.sock");
    }

    public Path tmp() {
        return dir.resolve("tmp");
    }

    String adminPassword() {
        try {
            return Files.readString(data().resolve(ADMIN_SECRET)).strip();
        } catch (IOException e) {
            throw new EngineException("the data directory " + data() + " has no readable " + ADMIN_SECRET + ": " + e.getMessage(), e);
        }
    }

    /** Stores the administrative password, readable by Kumo only (not by the server's user, nor so by its SQL users). */
    void storeAdminPassword(String password) {
        writePrivate(data().resolve(ADMIN_SECRET), password);
    }

    static void writePrivate(Path file, String text) {
        try {
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(temp);
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temp, text);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new EngineException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    static String newSecret() {
        byte[] bytes = new byte[24];
        new java.security.SecureRandom().nextBytes(bytes);
        return java.util.HexFormat.of().formatHex(bytes);
    }
}
