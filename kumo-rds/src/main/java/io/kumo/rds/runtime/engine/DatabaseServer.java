package io.kumo.rds.runtime.engine;

import io.kumo.fabric.host.ProcessEnd;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One running database server process, started by Kumo now or adopted from an earlier run.
 * Its death is seen at once through {@link #onExit()}: Kumo is the parent of what it started.
 */
public final class DatabaseServer {
    private final ServerSpec spec;
    private final ProcessHandle process;

    DatabaseServer(ServerSpec spec, ProcessHandle process) {
        this.spec = spec;
        this.process = process;
    }

    public ServerSpec spec() {
        return spec;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive() && !ProcessEnd.isZombie(process.pid());
    }

    public CompletableFuture<ProcessHandle> onExit() {
        return process.onExit();
    }

    public ServerAdmin admin() {
        return new ServerAdmin(spec);
    }

    /**
     * Shuts the server down cleanly (MariaDB on SIGTERM, PostgreSQL's fast shutdown on SIGINT),
     * and SIGKILLs it when it has not ended within {@code grace}.
     */
    public void stop(Duration grace) {
        if (isAlive()) {
            if (spec.engine() == Engine.POSTGRES) {
                signal("INT");
            } else {
                process.destroy();
            }
            if (!Waits.forExit(process, grace) && isAlive()) {
                kill();
            }
        }
        forgetPidFile();
    }

    /** SIGKILL, as a crashed machine would: for failover, and for servers that will not stop. */
    public void kill() {
        process.destroyForcibly();
        if (!Waits.forExit(process, Duration.ofSeconds(10)) && process.isAlive() && !ProcessEnd.isZombie(process.pid())) {
            throw new EngineException("server " + process.pid() + " (" + spec.home() + ") survived SIGKILL for 10 s");
        }
        if (spec.engine() == Engine.POSTGRES) {
            // the postmaster's children exit on their own once it is gone; wait so the data directory is free
            Waits.until(Duration.ofSeconds(10), "PostgreSQL's backends of " + spec.home() + " to exit", () -> childrenOf(process).isEmpty());
        }
        forgetPidFile();
    }

    /** Resident memory in bytes (of the postmaster and its backends for PostgreSQL), or -1 when unknown. */
    public long rssBytes() {
        long total = rssOf(process.pid());
        for (ProcessHandle child : childrenOf(process)) {
            total += Math.max(0, rssOf(child.pid()));
        }
        return total;
    }

    private void signal(String name) {
        try {
            new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).start().waitFor();
        } catch (IOException e) {
            process.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void forgetPidFile() {
        try {
            Files.deleteIfExists(spec.layout().pidFile());
        } catch (IOException e) {
            // a stale pid file is recognised as such at the next adoption
        }
    }

    private static List<ProcessHandle> childrenOf(ProcessHandle p) {
        return ProcessHandle.allProcesses().filter(h -> h.parent().map(x -> x.pid() == p.pid()).orElse(false))
                .filter(h -> !ProcessEnd.isZombie(h.pid())).toList();
    }

    private static long rssOf(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    @Override
    public String toString() {
        return spec.engine().describe() + " pid " + process.pid() + " at " + spec.connectAddress() + ":" + spec.port()
                + (spec.namespace() == null ? "" : " in " + spec.namespace());
    }
}
