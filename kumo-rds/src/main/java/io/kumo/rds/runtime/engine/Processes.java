package io.kumo.rds.runtime.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs short helper programs (tar, cp, chown, initdb) to completion, each wait bounded. */
final class Processes {
    private Processes() {
    }

    static String run(List<String> argv, Duration timeout) {
        return run(argv, timeout, null);
    }

    /** Runs and returns the combined output; a non-zero exit or a timeout throws with that output. */
    static String run(List<String> argv, Duration timeout, Path workDir) {
        ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true);
        if (workDir != null) {
            pb.directory(workDir.toFile());
        }
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new EngineException("cannot run " + argv.getFirst() + ": " + e.getMessage(), e);
        }
        var output = new java.util.concurrent.CompletableFuture<String>();
        Thread.ofVirtual().start(() -> {
            try (var in = p.getInputStream()) {
                output.complete(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                output.complete("");
            }
        });
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new EngineException(String.join(" ", argv) + " did not finish within " + timeout.toSeconds() + " s");
            }
            String out = output.get(5, TimeUnit.SECONDS);
            if (p.exitValue() != 0) {
                throw new EngineException(String.join(" ", argv) + " failed (exit " + p.exitValue() + "): " + tail(out, 2000));
            }
            return out;
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted while running " + argv.getFirst(), e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return "";
        }
    }

    static String tail(String text, int max) {
        String s = text.strip();
        return s.length() <= max ? s : "..." + s.substring(s.length() - max);
    }
}
