package io.kumo.fabric.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Waits for a process that is not this JVM's child to end. ProcessHandle cannot wait for those
 * and counts a zombie as alive; a PID namespace's init is such a process once the unshare that
 * forked it is gone, and it turns zombie only after every process of its namespace has been reaped.
 */
public final class ProcessEnd {
    private static final long POLL_MILLIS = 10;

    private ProcessEnd() {
    }

    /** The process's identity at this moment (its start time in clock ticks), empty when it has already ended. */
    public static Optional<Long> startTicks(long pid) {
        return stat(pid).filter(s -> s.state() != 'Z').map(Stat::startTicks);
    }

    /** True when the process has ended but its parent has not reaped it yet; false when it runs or is gone. */
    public static boolean isZombie(long pid) {
        return stat(pid).map(s -> s.state() == 'Z').orElse(false);
    }

    /** True once the process that had {@code startTicks} is gone or a zombie; false if it still runs after {@code limit}. */
    public static boolean await(long pid, long startTicks, Duration limit) {
        long end = System.nanoTime() + limit.toNanos();
        while (true) {
            Optional<Stat> now = stat(pid);
            if (now.isEmpty() || now.get().state() == 'Z' || now.get().startTicks() != startTicks) {
                return true;
            }
            if (System.nanoTime() > end) {
                return false;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private record Stat(char state, long startTicks) {
    }

    /** /proc/PID/stat: the command name may hold spaces and parentheses, so fields count from the last ')'. */
    private static Optional<Stat> stat(long pid) {
        try {
            String line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            // after the name: state is field 3 of the line, starttime field 22
            return Optional.of(new Stat(fields[0].charAt(0), Long.parseLong(fields[19])));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
