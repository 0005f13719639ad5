package io.kumo.fabric.host;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Where the host's tools are. Looked up in the usual system directories, since root's PATH may lack /sbin. */
public final class HostTools {
    private static final List<String> DIRS = List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin", "/usr/local/sbin", "/usr/local/bin");

    private HostTools() {
    }

    public static Optional<String> find(String name) {
        for (String dir : DIRS) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return Optional.of(p.toString());
            }
        }
        return Optional.empty();
    }

    public static String require(String name) {
        return find(name).orElseThrow(() -> new io.kumo.fabric.FabricException("the host has no '" + name + "' command"));
    }
}
