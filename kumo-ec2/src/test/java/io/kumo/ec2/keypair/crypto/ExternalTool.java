package io.kumo.ec2.keypair.crypto;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Runs ssh-keygen, openssl and puttygen when the machine has them; tests skip otherwise. */
final class ExternalTool {
    private ExternalTool() {
    }

    static void assumeInstalled(String binary) {
        assumeTrue(onPath(binary), binary + " is not installed; cross-check skipped");
    }

    static boolean onPath(String binary) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, binary))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs a bash pipeline (pipefail on, so a failing first stage is not hidden by the digest at
     * the end) and returns its standard output; fails the test on a non-zero exit.
     */
    static String shell(Path workingDir, String pipeline) {
        assumeInstalled("bash");
        try {
            Process process = new ProcessBuilder("bash", "-o", "pipefail", "-c", pipeline)
                    .directory(workingDir.toFile())
                    .redirectErrorStream(false)
                    .start();
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            byte[] err = process.getErrorStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("timed out: " + pipeline);
            }
            if (process.exitValue() != 0) {
                throw new AssertionError("'" + pipeline + "' exited " + process.exitValue() + ": "
                        + new String(err, StandardCharsets.UTF_8));
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("could not run: " + pipeline, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted: " + pipeline, e);
        }
    }

    /** Writes a key file readable by its owner only, as ssh-keygen demands of private keys. */
    static Path writePrivate(Path dir, String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        file.toFile().setReadable(false, false);
        file.toFile().setWritable(false, false);
        file.toFile().setReadable(true, true);
        file.toFile().setWritable(true, true);
        return file;
    }

    static List<String> lines(String output) {
        return output.lines().toList();
    }
}
