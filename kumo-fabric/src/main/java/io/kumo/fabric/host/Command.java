package io.kumo.fabric.host;

import io.kumo.fabric.FabricException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs one host tool (ip, nft, ...) to completion with a bounded wait, feeding it optional
 * standard input. A tool that hangs is killed, so no caller can block forever on the host.
 */
public final class Command {
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

    private final List<String> argv;
    private String input;
    private Duration timeout = DEFAULT_TIMEOUT;

    private Command(List<String> argv) {
        this.argv = List.copyOf(argv);
    }

    public static Command of(String... argv) {
        return new Command(List.of(argv));
    }

    public static Command of(List<String> argv) {
        return new Command(argv);
    }

    public Command input(String text) {
        this.input = text;
        return this;
    }

    public Command timeout(Duration value) {
        this.timeout = value;
        return this;
    }

    /** Runs and returns standard output; a non-zero exit throws with the tool's own error text. */
    public String run() {
        Result r = exec();
        if (r.exitCode() != 0) {
            throw new FabricException(String.join(" ", shortArgv()) + " failed (exit " + r.exitCode() + "): " + r.stderr().strip());
        }
        return r.stdout();
    }

    /** Runs and returns whatever happened, without judging the exit code. */
    public Result exec() {
        Process p;
        try {
            p = new ProcessBuilder(argv).redirectErrorStream(false).start();
        } catch (IOException e) {
            throw new FabricException("cannot run " + argv.getFirst() + ": " + e.getMessage(), e);
        }
        CompletableFuture<String> out = drain(p.getInputStream());
        CompletableFuture<String> err = drain(p.getErrorStream());
        try (OutputStream stdin = p.getOutputStream()) {
            if (input != null) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // the tool exited before reading all its input; its exit code tells why
        }
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new FabricException(String.join(" ", shortArgv()) + " did not finish within " + timeout.toSeconds() + " s");
            }
            return new Result(p.exitValue(), out.join(), err.join());
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new FabricException("interrupted while running " + argv.getFirst(), e);
        }
    }

    private List<String> shortArgv() {
        return argv.size() <= 8 ? argv : new ArrayList<>(argv.subList(0, 8));
    }

    private static CompletableFuture<String> drain(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        }, r -> Thread.ofVirtual().start(r));
    }

    public record Result(int exitCode, String stdout, String stderr) {
    }
}
