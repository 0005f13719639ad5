package io.kumo.ec2.runtime.host;

import io.kumo.fabric.netns.NetworkNamespace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Cleans up after a Kumo that stopped without cleaning up (kill -9, power loss): its namespaces,
 * the processes in them and so their mounts. A namespace is reclaimed when it is this Kumo's own
 * (same data directory) or when the Kumo that made it is no longer alive; owners are recorded in
 * {@code /run/kumo/PREFIX.pid}.
 */
public final class Reclaimer {
    static final Path OWNERS = Path.of("/run/kumo");

    private Reclaimer() {
    }

    /** Claims {@code names}' prefix for this process and deletes every namespace no living Kumo owns. */
    public static int reclaim(FabricNames names) {
        int deleted = 0;
        for (NetworkNamespace ns : NetworkNamespace.all()) {
            if (ns.name().startsWith("kumo-") && (names.owns(ns.name()) || ownerIsGone(ns.name()))) {
                ns.delete();
                deleted++;
            }
        }
        try {
            Files.createDirectories(OWNERS);
            Files.writeString(OWNERS.resolve(names.prefix() + ".pid"), Long.toString(ProcessHandle.current().pid()));
        } catch (IOException e) {
            // without the record, a later Kumo reclaims these namespaces only with the same data directory
        }
        return deleted;
    }

    public static void release(FabricNames names) {
        try {
            Files.deleteIfExists(OWNERS.resolve(names.prefix() + ".pid"));
        } catch (IOException e) {
            // a stale record names a dead process; the next Kumo treats it as gone
        }
    }

    private static boolean ownerIsGone(String namespace) {
        List<String> parts = List.of(namespace.split("-"));
        if (parts.size() < 2) {
            return true;
        }
        Path record = OWNERS.resolve("kumo-" + parts.get(1) + ".pid");
        try {
            long pid = Long.parseLong(Files.readString(record).strip());
            return ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true);
        } catch (IOException | NumberFormatException e) {
            return true;
        }
    }
}
