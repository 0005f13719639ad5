package io.kumo.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kumo.store.CrashWriterMain.Half;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class CrashTest {

    private static final Pattern ACK = Pattern.compile("ack:(t\\d+-\\d+):end");

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void everyAcknowledgedTransactionSurvivesKillNineAndNoneIsHalfApplied() throws Exception {
        Path dataDir = dir.resolve("data");
        Path childErrors = dir.resolve("child-stderr.txt");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashWriterMain.class.getName(), dataDir.toString(), "4")
                .redirectError(childErrors.toFile())
                .start();
        Set<String> acknowledged = new HashSet<>();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (acknowledged.size() < 400 && (line = out.readLine()) != null) {
                collect(line, acknowledged);
            }
            assertThat(acknowledged).as("acks before the child stopped; its stderr: %s",
                    Files.exists(childErrors) ? Files.readString(childErrors) : "").hasSizeGreaterThanOrEqualTo(400);

            try (EmbeddedStore intruder = EmbeddedStore.durable(dataDir)) {
                assertThatThrownBy(intruder::open).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("in use by another Kumo (pid " + child.pid() + ")");
            }

            // SIGKILL through the handle, which unlike Process.destroyForcibly leaves our end of
            // the pipe open, so acks already printed can still be read.
            child.toHandle().destroyForcibly();
            assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
            // Acks already in the pipe were printed after their write returned: they count too.
            while ((line = out.readLine()) != null) {
                collect(line, acknowledged);
            }
        } finally {
            child.destroyForcibly();
        }

        try (EmbeddedStore store = EmbeddedStore.durable(dataDir)) {
            store.register(CrashWriterMain.LEFT);
            store.register(CrashWriterMain.RIGHT);
            store.open();
            Set<String> left = ids(store.read(CrashWriterMain.SCOPE, tx -> tx.list(CrashWriterMain.LEFT)));
            Set<String> right = ids(store.read(CrashWriterMain.SCOPE, tx -> tx.list(CrashWriterMain.RIGHT)));
            System.out.println("crash test: " + acknowledged.size() + " acknowledged, " + left.size()
                    + " recovered");
            assertThat(left).containsAll(acknowledged);
            assertThat(left).isEqualTo(right);
            Map<String, List<Half>> byId = store.read(CrashWriterMain.SCOPE, tx -> tx.list(CrashWriterMain.LEFT))
                    .stream().collect(Collectors.groupingBy(Half::id));
            assertThat(byId.values()).allSatisfy(halves -> assertThat(halves).singleElement()
                    .extracting(Half::side).isEqualTo("left"));
        }
    }

    private static void collect(String line, Set<String> acknowledged) {
        Matcher matcher = ACK.matcher(line);
        if (matcher.matches()) {
            acknowledged.add(matcher.group(1));
        }
    }

    private static Set<String> ids(List<Half> halves) {
        return halves.stream().map(Half::id).collect(Collectors.toSet());
    }
}
