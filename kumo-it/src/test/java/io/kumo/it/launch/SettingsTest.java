package io.kumo.it.launch;

import io.kumo.it.KumoHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** `kumo up` as a user starts it: settings from flags and KUMO_* variables, the banner, a clean stop. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class SettingsTest {
    @TempDir
    Path dir;

    @Test
    void environmentVariablesConfigureKumo() throws Exception {
        int port = freePort();
        try (Running kumo = Running.start(List.of(), Map.of("KUMO_PORT", Integer.toString(port), "KUMO_EPHEMERAL", "true",
                "KUMO_ACCOUNT_ID", "123456789012", "KUMO_LOG_LEVEL", "warn", "KUMO_AUTH", "strict"))) {
            assertThat(kumo.banner).contains("http://127.0.0.1:" + port)
                    .containsPattern("load bal\\.    (curl http://NAME-ID\\.REGION\\.elb\\.localhost|port 80 cannot be bound|API only)")
                    .contains("account 123456789012")
                    .contains("in memory only")
                    .contains("strict")
                    .contains("network namespaces:")
                    .contains("AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test");
            assertThat(sts(port).getCallerIdentity().account()).isEqualTo("123456789012");
        }
    }

    @Test
    void flagsWinOverEnvironmentAndAStopIsClean() throws Exception {
        int port = freePort();
        Path data = dir.resolve("state");
        Map<String, String> env = Map.of("KUMO_PORT", "1", "KUMO_DATA_DIR", "/nonexistent");
        try (Running kumo = Running.start(List.of("--port", Integer.toString(port), "--data-dir", data.toString()), env)) {
            assertThat(kumo.banner).contains(":" + port).contains(data + " (durable)");
            assertThat(sts(port).getCallerIdentity().account()).isEqualTo("000000000000");
            route53(port).createHostedZone(r -> r.name("kept.example").callerReference("kept"));
            kumo.process.destroy();
            assertThat(kumo.process.waitFor(20, TimeUnit.SECONDS)).as("Kumo stops on SIGTERM").isTrue();
        }
        try (Running again = Running.start(List.of("--port", Integer.toString(port), "--data-dir", data.toString()), Map.of())) {
            assertThat(again.banner).as("the data dir lock was released by the clean stop").contains("ready in");
            assertThat(route53(port).listHostedZones().hostedZones()).extracting(z -> z.name()).containsExactly("kept.example.");
        }
    }

    @Test
    void badSettingsAndATakenPortAreExplained() throws Exception {
        Process bad = Running.launch(List.of(), List.of("--account-id", "abc", "--ephemeral"), Map.of());
        assertThat(bad.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(bad.exitValue()).isNotZero();
        assertThat(new String(bad.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).contains("--account-id must be 12 digits");

        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            Process clash = Running.launch(List.of(), List.of("--port", Integer.toString(taken.getLocalPort()), "--ephemeral"), Map.of());
            assertThat(clash.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(clash.exitValue()).isNotZero();
            assertThat(new String(clash.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                    .contains("cannot listen on 127.0.0.1:" + taken.getLocalPort()).contains("--port");
        }
    }

    private static StsClient sts(int port) {
        return StsClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + port)).region(Region.AP_NORTHEAST_1)
                .credentialsProvider(KumoHarness.credentials()).build();
    }

    private static software.amazon.awssdk.services.route53.Route53Client route53(int port) {
        return software.amazon.awssdk.services.route53.Route53Client.builder().endpointOverride(URI.create("http://127.0.0.1:" + port))
                .region(Region.AWS_GLOBAL).credentialsProvider(KumoHarness.credentials()).build();
    }

    /**
     * The JVM flags of the launcher script itself (`./kumo up`): Kumo starts with them, its banner carries no
     * HotSpot chatter, and the compiler directives that keep C2 to the data plane are in force.
     */
    @Test
    void theLaunchersJvmFlagsStartKumoWithItsCompilerDirectives() throws Exception {
        List<String> flags = launcherJvmFlags();
        assertThat(flags).anyMatch(f -> f.startsWith("-XX:CompilerDirectivesFile="));
        int port = freePort();
        try (Running kumo = new Running(Running.launch(flags, List.of("--port", Integer.toString(port), "--ephemeral"), Map.of()))) {
            assertThat(kumo.banner).doesNotContain("compiler directives");
            assertThat(sts(port).getCallerIdentity().account()).isEqualTo("000000000000");
            Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
            Process print = new ProcessBuilder(jcmd.toString(), Long.toString(kumo.process.pid()), "Compiler.directives_print")
                    .redirectErrorStream(true).start();
            String directives = new String(print.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(print.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(directives).contains("io/netty/*.*", "io/kumo/elbv2/runtime/*.*", "org/xbill/*.*", "matching: *.*");
        }
    }

    /** The launcher's jvm_flags array, as bash expands it ($here being the repository's root). */
    private static List<String> launcherJvmFlags() throws Exception {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.exists(root.resolve("kumo-server"))) {
            root = root.getParent();
        }
        assertThat(root).as("the repository's root").isNotNull();
        String script = "here=\"$1\"; eval \"$(sed -n '/^jvm_flags=(/,/)$/p' \"$1/kumo\")\"; printf '%s\\n' \"${jvm_flags[@]}\"";
        Process bash = new ProcessBuilder("bash", "-c", script, "_", root.toString()).redirectErrorStream(true).start();
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(bash.exitValue()).as(out).isZero();
        return out.lines().filter(l -> !l.isBlank()).toList();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** A `kumo up` child process, read until its banner says it is ready. */
    private static final class Running implements AutoCloseable {
        final Process process;
        final String banner;
        private final StringBuffer rest = new StringBuffer();
        private final Thread drain;

        private Running(Process process) throws IOException {
            this.process = process;
            BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            StringBuilder lines = new StringBuilder();
            String line;
            while ((line = reader.readLine()) != null) {
                lines.append(line).append('\n');
                if (line.startsWith("Ctrl-C stops Kumo")) {
                    break;
                }
            }
            this.banner = lines.toString();
            assertThat(banner).as("banner").contains("Ctrl-C stops Kumo");
            // Keeps reading so a chatty Kumo never blocks on a full pipe.
            this.drain = Thread.ofPlatform().daemon().start(() -> {
                try {
                    String more;
                    while ((more = reader.readLine()) != null) {
                        rest.append(more).append('\n');
                    }
                } catch (IOException ended) {
                    // the process is gone
                }
            });
        }

        static Running start(List<String> args, Map<String, String> env) throws IOException {
            return new Running(launch(List.of(), args, env));
        }

        static Process launch(List<String> jvmFlags, List<String> args, Map<String, String> env) throws IOException {
            List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
            command.addAll(jvmFlags);
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.kumo.server.Main", "up"));
            command.addAll(args);
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            pb.environment().keySet().removeIf(k -> k.startsWith("KUMO_"));
            pb.environment().putAll(env);
            return pb.start();
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
