package io.kumo.rds.runtime;

import io.kumo.core.KumoSettings;
import io.kumo.core.store.StoreScope;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Where the runtime keeps things. {@code engines}: the unpacked server binaries and pristine data
 * directories, under {@code <data>/rds}, or for an ephemeral Kumo a cache shared by such runs in
 * the temporary directory (unpacking takes seconds; it holds no user data). {@code homes} and
 * {@code snapshots}: the servers' data, under {@code <data>/rds}, or a temporary directory an
 * ephemeral Kumo removes when it stops. Servers run as nobody when Kumo is root, so every parent
 * must let others through; a data directory under a private home falls back to /var/tmp.
 */
record RuntimeDirs(Path engines, Path homes, Path snapshots, boolean temporary) {

    static RuntimeDirs of(KumoSettings settings) {
        try {
            if (settings.ephemeral() || settings.dataDir() == null) {
                Path temp = open(Files.createTempDirectory(Path.of("/tmp"), "kumo-rds-"));
                Path cache = open(Files.createDirectories(Path.of("/tmp", "kumo-rds-engines-" + ProcessHandle.current().info().user()
                        .orElse("kumo").replaceAll("[^A-Za-z0-9]", ""))));
                return new RuntimeDirs(cache, open(Files.createDirectories(temp.resolve("h"))),
                        open(Files.createDirectories(temp.resolve("s"))), true);
            }
            Path base = settings.dataDir().toAbsolutePath().normalize().resolve("rds");
            if (isRoot() && !reachableByOthers(base)) {
                base = Path.of("/var/tmp", "kumo-rds-" + shortHash(base.toString()));
            }
            Files.createDirectories(base);
            open(base);
            return new RuntimeDirs(base, open(Files.createDirectories(base.resolve("h"))),
                    open(Files.createDirectories(base.resolve("s"))), false);
        } catch (IOException e) {
            throw new IllegalStateException("cannot make the RDS runtime's directories: " + e.getMessage(), e);
        }
    }

    /** An instance's home: short, since MariaDB's socket path must fit in 107 bytes. */
    Path home(String homeKey, String slot) {
        return homes.resolve(homeKey).resolve(slot);
    }

    Path instanceDir(String homeKey) {
        return homes.resolve(homeKey);
    }

    Path snapshot(StoreScope scope, String snapshotId) {
        return snapshots.resolve(scopeDir(scope)).resolve(snapshotId);
    }

    Path snapshotsOf(StoreScope scope) {
        return snapshots.resolve(scopeDir(scope));
    }

    static String scopeDir(StoreScope scope) {
        return scope.account() + "-" + scope.region();
    }

    static String shortHash(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 5).toLowerCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path open(Path dir) throws IOException {
        var perms = Files.getPosixFilePermissions(dir);
        if (!perms.contains(PosixFilePermission.OTHERS_EXECUTE)) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
        }
        return dir;
    }

    private static boolean reachableByOthers(Path dir) {
        for (Path p = dir.getParent(); p != null; p = p.getParent()) {
            try {
                if (Files.exists(p) && !Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    return false;
                }
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
