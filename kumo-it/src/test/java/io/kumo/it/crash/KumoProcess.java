package io.kumo.it.crash;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Kumo as a separate process, so a test can kill -9 it. */
final class KumoProcess implements AutoCloseable {
    private final Process process;
    private final int port;

    private KumoProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static KumoProcess start(Path dataDir, Path log, String... jvmOptions) throws IOException, InterruptedException {
        int port = freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> argv = new java.util.ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-XX:+UseSerialGC",
                // its own public addresses, apart from the in-process Kumo of the other tests
                "-Dkumo.ec2.public-ip-pool=127.20.0.0/16"));
        argv.addAll(List.of(jvmOptions));
        argv.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.kumo.server.Main", "up",
                "--port", Integer.toString(port), "--data-dir", dataDir.toString(), "--log-level", "warn"));
        Process p = new ProcessBuilder(argv)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        KumoProcess kumo = new KumoProcess(p, port);
        kumo.awaitReady();
        return kumo;
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(20, TimeUnit.SECONDS);
    }

    private void awaitReady() throws InterruptedException, IOException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("Kumo exited with " + process.exitValue() + " before it was ready");
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(endpoint().resolve("/_kumo/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        process.destroyForcibly();
        throw new IOException("Kumo was not ready within 60 s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
