package io.kumo.fabric.netns;

import io.kumo.fabric.host.Command;
import io.kumo.fabric.host.HostTools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A named network namespace (/run/netns/NAME) and the host tools run inside it. Nothing here
 * ever changes the host's own namespace: links are created directly inside namespaces.
 */
public record NetworkNamespace(String name) {
    public static final Path RUN_DIR = Path.of("/run/netns");

    public Path path() {
        return RUN_DIR.resolve(name);
    }

    public boolean exists() {
        return Files.exists(path());
    }

    /** Creates it with loopback up; an existing one is kept (controllers re-converge). */
    public NetworkNamespace create() {
        if (!exists()) {
            Command.of(ip(), "netns", "add", name).run();
        }
        Command.of(ip(), "-n", name, "link", "set", "lo", "up").run();
        return this;
    }

    /** Runs {@code ip} commands (one per line, without "ip") inside, in one invocation. */
    public void ipBatch(List<String> lines) {
        if (!lines.isEmpty()) {
            Command.of(ip(), "-n", name, "-force", "-batch", "-").input(String.join("\n", lines) + "\n").run();
        }
    }

    /** Like {@link #ipBatch} but stops at the first failing line and reports it. */
    public void ipStrict(List<String> lines) {
        if (!lines.isEmpty()) {
            Command.of(ip(), "-n", name, "-batch", "-").input(String.join("\n", lines) + "\n").run();
        }
    }

    /** Loads an nftables file in one transaction: all of it applies, or none. */
    public void nft(String ruleset) {
        Command.of(HostTools.require("nsenter"), "--net=" + path(), "--", HostTools.require("nft"), "-f", "-").input(ruleset).run();
    }

    public void sysctl(String key, String value) {
        Command.of(HostTools.require("nsenter"), "--net=" + path(), "--", "/bin/sh", "-c",
                "echo " + value + " > /proc/sys/" + key.replace('.', '/')).run();
    }

    /** Host PIDs of the processes inside. */
    public List<Long> pids() {
        if (!exists()) {
            return List.of();
        }
        List<Long> pids = new ArrayList<>();
        for (String line : Command.of(ip(), "netns", "pids", name).exec().stdout().split("\n")) {
            if (!line.isBlank()) {
                pids.add(Long.parseLong(line.strip()));
            }
        }
        return pids;
    }

    /**
     * Deletes it. The namespace (and its veths) would outlive its name while a process is still
     * inside, so those processes are killed first.
     */
    public void delete() {
        for (Long pid : pids()) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
        if (exists()) {
            Command.of(ip(), "netns", "delete", name).exec();
        }
    }

    public static List<NetworkNamespace> all() {
        if (!Files.isDirectory(RUN_DIR)) {
            return List.of();
        }
        try (var files = Files.list(RUN_DIR)) {
            return files.map(p -> new NetworkNamespace(p.getFileName().toString())).sorted(java.util.Comparator.comparing(NetworkNamespace::name)).toList();
        } catch (java.io.IOException e) {
            return List.of();
        }
    }

    private static String ip() {
        return HostTools.require("ip");
    }
}
