package io.kumo.fabric.sandbox;

import io.kumo.fabric.FabricException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * An instance where sandboxes are impossible: its init is a plain process of the host, with no
 * isolation at all. Its console is appended to {@code console.log} in the instance's directory;
 * its working directory, {@code home}, stands in for its disk.
 */
public final class PlainProcess {
    private final Process init;

    private PlainProcess(Process init) {
        this.init = init;
    }

    /**
     * @param runAs a user and group to run the user data as (when Kumo is root), or null for Kumo's own user
     */
    public static PlainProcess boot(Path dir, Map<String, String> env, String userData, List<String> notes, String[] runAs) {
        try {
            Path kumo = dir.resolve("kumo");
            Files.createDirectories(kumo);
            Files.createDirectories(dir.resolve("home"));
            try (InputStream in = PlainProcess.class.getResourceAsStream("plain-init.sh")) {
                if (in == null) {
                    throw new IOException("resource plain-init.sh is missing from the build");
                }
                Files.write(kumo.resolve("plain-init.sh"), in.readAllBytes());
            }
            StringBuilder lines = new StringBuilder();
            new TreeMap<>(env).forEach((k, v) -> lines.append(k).append('=').append(Sandbox.shellQuote(v)).append('\n'));
            Files.writeString(kumo.resolve("instance.env"), lines);
            Path script = kumo.resolve("user-data");
            if (userData != null) {
                Files.writeString(script, userData);
                Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
            } else {
                Files.deleteIfExists(script);
            }
            Files.write(kumo.resolve("notes"), notes, StandardCharsets.UTF_8);
            ProcessBuilder pb = new ProcessBuilder("/bin/sh", kumo.resolve("plain-init.sh").toString())
                    .directory(dir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("console.log").toFile()))
                    .redirectErrorStream(true);
            pb.environment().put("KUMO_DIR", dir.toString());
            if (runAs != null) {
                pb.environment().put("KUMO_RUN_AS", runAs[0]);
                pb.environment().put("KUMO_RUN_AS_GROUP", runAs[1]);
            }
            return new PlainProcess(pb.start());
        } catch (IOException e) {
            throw new FabricException("cannot start the instance's process: " + e.getMessage(), e);
        }
    }

    public boolean alive() {
        return init.isAlive();
    }

    /** Ends the init and everything it started: after {@code grace}, by force. */
    public void stop(Duration grace) {
        List<ProcessHandle> family = init.toHandle().descendants().toList();
        init.destroy();
        family.forEach(ProcessHandle::destroy);
        try {
            if (!init.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                init.destroyForcibly();
            }
        } catch (InterruptedException e) {
            init.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        family.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
