package io.kumo.rds.runtime.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The operating-system user database servers run as. Neither MariaDB nor PostgreSQL will run as
 * root, and a server should not anyway: when Kumo is root it drops to nobody (65534) through
 * setpriv and gives that user the server's files; otherwise servers run as Kumo's own user.
 */
public record ServerAccount(boolean dropsPrivileges, int uid, int gid) {
    public static final int NOBODY = 65534;

    public static ServerAccount forThisProcess() {
        return isRoot() ? new ServerAccount(true, NOBODY, NOBODY) : new ServerAccount(false, -1, -1);
    }

    /** The command line that runs {@code argv} as this account, inside {@code namespace} when given. */
    List<String> commandLine(List<String> argv, String namespace) {
        List<String> line = new ArrayList<>();
        if (namespace != null) {
            if (!dropsPrivileges) {
                throw new EngineException("a server can run in network namespace " + namespace + " only when Kumo runs as root");
            }
            line.addAll(List.of(tool("nsenter"), "--net=/run/netns/" + namespace, "--"));
        }
        if (dropsPrivileges) {
            line.addAll(List.of(tool("setpriv"), "--reuid=" + uid, "--regid=" + gid, "--clear-groups", "--"));
        }
        line.addAll(argv);
        return line;
    }

    /** Hands a tree to the server's user (when it is another user), so the server can write it. */
    void own(Path root) {
        if (dropsPrivileges) {
            Processes.run(List.of("chown", "-R", uid + ":" + gid, root.toString()), Duration.ofMinutes(2));
        }
    }

    /** Fails clearly when the server's user could not even reach {@code dir}: every parent needs search permission for others. */
    void checkReachable(Path dir) {
        if (!dropsPrivileges) {
            return;
        }
        for (Path p = dir.toAbsolutePath().getParent(); p != null; p = p.getParent()) {
            try {
                if (!Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    throw new EngineException("servers run as uid " + uid + ", which cannot reach " + dir
                            + " because " + p + " lacks search permission for others (chmod o+x " + p + ")");
                }
            } catch (IOException e) {
                throw new EngineException("cannot read the permissions of " + p + ": " + e.getMessage(), e);
            }
        }
    }

    private static String tool(String name) {
        for (String dir : List.of("/usr/bin", "/usr/sbin", "/bin", "/sbin")) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        throw new EngineException("the host has no '" + name + "' command (Debian: util-linux)");
    }

    private static boolean isRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return line.split("\\s+")[2].equals("0");
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }
}
