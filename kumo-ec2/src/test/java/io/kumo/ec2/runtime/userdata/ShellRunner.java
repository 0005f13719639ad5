package io.kumo.ec2.runtime.userdata;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs generated scripts with the real /bin/sh, confined to a temporary directory through KUMO_ROOT and TMPDIR. */
final class ShellRunner {
    private ShellRunner() {
    }

    record Run(int exitStatus, String output) {
        List<String> lines() {
            return output.lines().toList();
        }
    }

    /** Runs the script as the init does: written to a file, made executable, executed. */
    static Run run(String script, Path root) throws IOException, InterruptedException {
        Path file = Files.createTempFile(root.getParent(), "user-data", ".sh");
        Files.writeString(file, script);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        Path tmp = Files.createDirectories(root.getParent().resolve("tmp"));
        ProcessBuilder builder = new ProcessBuilder(file.toString()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("KUMO_ROOT", root.toString());
        env.put("TMPDIR", tmp.toString());
        Process process = builder.start();
        process.getOutputStream().close();
        boolean exited = process.waitFor(60, TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!exited) {
            process.destroyForcibly();
            throw new AssertionError("the script did not finish within 60 s; its output:\n" + output);
        }
        try (var left = Files.list(tmp)) {
            assertThat(left).as("work directories left in TMPDIR").isEmpty();
        }
        return new Run(process.exitValue(), output);
    }

    /** Fails unless /bin/sh parses the script (sh -n). */
    static void assertParses(String script) {
        try {
            Process process = new ProcessBuilder("/bin/sh", "-n").redirectErrorStream(true).start();
            process.getOutputStream().write(script.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as("sh -n says: %s\nscript:\n%s", output, script).isZero();
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
