package io.kumo.fabric.host;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessEndTest {

    @Test
    void aRunningProcessIsWaitedForUntilItEnds() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "30").start();
        try {
            long start = ProcessEnd.startTicks(sleeper.pid()).orElseThrow();
            assertThat(ProcessEnd.isZombie(sleeper.pid())).isFalse();
            assertThat(ProcessEnd.await(sleeper.pid(), start, Duration.ofMillis(200))).as("still running").isFalse();
            sleeper.destroyForcibly();
            assertThat(ProcessEnd.await(sleeper.pid(), start, Duration.ofSeconds(5))).isTrue();
        } finally {
            sleeper.destroyForcibly().waitFor();
        }
    }

    @Test
    void anEndedOrReusedPidCountsAsEnded() throws Exception {
        Process done = new ProcessBuilder("true").start();
        done.waitFor();
        assertThat(ProcessEnd.startTicks(done.pid())).isEmpty();
        long self = ProcessHandle.current().pid();
        long start = ProcessEnd.startTicks(self).orElseThrow();
        assertThat(ProcessEnd.await(self, start + 1, Duration.ofMillis(50))).as("another process under the same pid").isTrue();
    }

    @Test
    void aZombieCountsAsEnded() throws Exception {
        // the shell's child ends but is never reaped: exec keeps the same process, which does not wait
        Process shell = new ProcessBuilder("sh", "-c", "sleep 0.2 & exec sleep 30").start();
        try {
            long child = firstChild(shell);
            Path stat = Path.of("/proc", Long.toString(child), "stat");
            String line = Files.readString(stat);
            long start = Long.parseLong(line.substring(line.lastIndexOf(')') + 2).split(" ")[19]);
            for (int i = 0; i < 500 && !Files.readString(stat).contains(") Z "); i++) {
                Thread.sleep(10);
            }
            assertThat(Files.readString(stat)).as("a zombie now").contains(") Z ");
            assertThat(ProcessEnd.isZombie(child)).isTrue();
            assertThat(ProcessEnd.startTicks(child)).isEmpty();
            assertThat(ProcessEnd.await(child, start, Duration.ofMillis(50))).isTrue();
        } finally {
            shell.destroyForcibly().waitFor();
        }
    }

    private static long firstChild(Process parent) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            var child = parent.toHandle().children().findFirst();
            if (child.isPresent()) {
                return child.get().pid();
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the shell forked no child");
    }
}
