package io.kumo.rds.runtime.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * New data directories, copied from a pristine template made once per engine
 * ({@code <templatesDir>/<engine>-<version>/data}): copying takes a fraction of a second where
 * mariadb-install-db or initdb take seconds. The template has Kumo's administrative account with a
 * template password; each instance changes it at its first start ({@link InstanceSetup}).
 */
public final class DataDirectories {
    private final Path templatesDir;
    private final ServerAccount account;

    public DataDirectories(Path templatesDir, ServerAccount account) {
        this.templatesDir = templatesDir;
        this.account = account;
    }

    /** Makes {@code home/data} from the engine's template (made first if need be). */
    public void create(Binaries binaries, Path home) {
        Path template = template(binaries);
        prepareHome(home);
        FileTrees.copy(template.resolve("data"), new ServerHome(home).data());
    }

    /** Makes {@code home/data} a copy of another data directory (a snapshot's). */
    public void createFrom(Path dataDir, Path home) {
        prepareHome(home);
        Path data = new ServerHome(home).data();
        FileTrees.copy(dataDir, data);
        account.own(data);
    }

    /** The home directory itself, writable by the server's user (socket, pid file, log, tmp). */
    void prepareHome(Path home) {
        try {
            Files.createDirectories(home.resolve("tmp"));
            account.checkReachable(home);
            account.own(home);
        } catch (IOException e) {
            throw new EngineException("cannot create " + home + ": " + e.getMessage(), e);
        }
    }

    /** The engine's template home, made once: in a temporary directory renamed into place. */
    synchronized Path template(Binaries binaries) {
        Path target = templatesDir.resolve(binaries.engine().directoryName());
        if (Files.isDirectory(target)) {
            return target;
        }
        // short: the server's socket lives in here, and socket paths are limited to 107 bytes
        Path temp = templatesDir.resolve(".tmp-" + UUID.randomUUID().toString().substring(0, 8));
        try {
            Files.createDirectories(temp.resolve("tmp"));
            Files.createFile(new ServerHome(temp).log());
            account.checkReachable(temp);
            account.own(temp);
            String secret = ServerHome.newSecret();
            switch (binaries.engine()) {
                case MARIADB -> makeMariaDbTemplate(binaries, temp, secret);
                case POSTGRES -> makePostgresTemplate(binaries, temp, secret);
            }
            new ServerHome(temp).storeAdminPassword(secret);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (Files.isDirectory(target.resolve("data"))) {
                // another Kumo over the same data directory (one stopping while the next starts) made it first: equally good
                return target;
            }
            throw new EngineException("cannot make the " + binaries.engine().describe() + " template in " + target + ": " + e.getMessage(), e);
        } finally {
            FileTrees.deleteQuietly(temp);
        }
        return target;
    }

    private void makeMariaDbTemplate(Binaries binaries, Path home, String secret) throws IOException {
        ServerHome layout = new ServerHome(home);
        String socketUser = account.dropsPrivileges() ? "root" : System.getProperty("user.name");
        Processes.run(account.commandLine(List.of(binaries.home().resolve("scripts/mariadb-install-db").toString(),
                "--no-defaults", "--basedir=" + binaries.basedir(), "--datadir=" + layout.data(),
                "--auth-root-authentication-method=socket", "--auth-root-socket-user=" + socketUser,
                "--skip-test-db", "--innodb-log-file-size=16M"), null), Duration.ofMinutes(2));
        // The account set-up runs as the server's init file at one start without networking:
        // no client connection is needed, and init files run before the server accepts any.
        Path init = home.resolve("init.sql");
        Files.writeString(init, """
                DELETE FROM mysql.global_priv WHERE User = '';
                CREATE USER '%1$s'@'%%' IDENTIFIED BY '%2$s';
                GRANT ALL PRIVILEGES ON *.* TO '%1$s'@'%%' WITH GRANT OPTION;
                """.formatted(ServerHome.ADMIN_USER, secret));
        account.own(init);
        List<String> argv = account.commandLine(List.of(binaries.bin("mariadbd").toString(), "--no-defaults",
                "--basedir=" + binaries.basedir(), "--datadir=" + layout.data(), "--tmpdir=" + layout.tmp(),
                "--socket=" + layout.mariaDbSocket(), "--skip-networking", "--skip-name-resolve", "--skip-ssl", "--log-error=" + layout.log(),
                "--pid-file=" + home.resolve("mysqld.pid"), "--innodb-buffer-pool-size=16M",
                "--innodb-log-file-size=16M", "--init-file=" + init), null);
        Process p = new ProcessBuilder(argv).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(layout.log().toFile())).start();
        try {
            Waits.until(Duration.ofSeconds(60), "the MariaDB template server to finish its set-up", () -> {
                if (!p.isAlive()) {
                    throw new EngineException("the MariaDB template server exited (" + p.exitValue() + "): " + LogTail.of(layout.log()));
                }
                return LogTail.of(layout.log()).contains("ready for connections");
            });
            if (LogTail.of(layout.log()).contains("[ERROR]")) {
                throw new EngineException("the MariaDB template set-up failed: " + LogTail.of(layout.log()));
            }
        } finally {
            p.destroy();
            Waits.forExit(p.toHandle(), Duration.ofSeconds(30));
        }
        Files.delete(init);
        for (String leftover : List.of("ibtmp1", "mysqld.pid")) {
            Files.deleteIfExists(layout.data().resolve(leftover));
        }
    }

    private void makePostgresTemplate(Binaries binaries, Path home, String secret) throws IOException {
        ServerHome layout = new ServerHome(home);
        Path pwfile = home.resolve("pwfile");
        Files.writeString(pwfile, secret + "\n");
        account.own(pwfile);
        Processes.run(account.commandLine(List.of(binaries.bin("initdb").toString(), "-D", layout.data().toString(),
                "-U", ServerHome.ADMIN_USER, "--pwfile=" + pwfile, "--auth=scram-sha-256", "-E", "UTF8",
                "--locale=C", "--no-instructions"), null), Duration.ofMinutes(2));
        Files.delete(pwfile);
        // every address may log in with a password, as on RDS: the security groups decide who reaches the port
        Files.writeString(layout.data().resolve("pg_hba.conf"), """
                host all all 0.0.0.0/0 scram-sha-256
                host all all ::/0 scram-sha-256
                host replication all 0.0.0.0/0 scram-sha-256
                host replication all ::/0 scram-sha-256
                """, StandardOpenOption.APPEND);
        Files.writeString(layout.data().resolve("postgresql.conf"), "\ninclude_if_exists = '" + PostgresOptions.PARAMETERS_FILE + "'\ninclude_if_exists = '" + PostgresReplication.ROLE_FILE + "'\n",
                StandardOpenOption.APPEND);
    }
}
