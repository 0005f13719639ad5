package io.kumo.rds.runtime;

import io.kumo.rds.runtime.engine.FileTrees;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Removing directory trees the runtime made, without following links out of them. */
final class Dirs {
    private Dirs() {
    }

    static void delete(Path root) {
        try {
            FileTrees.delete(root);
        } catch (IOException e) {
            System.getLogger("kumo.rds.runtime").log(System.Logger.Level.WARNING, "cannot delete " + root + ": " + e.getMessage());
        }
    }

    /** True when the process runs in the named network namespace (a namespace re-made under the same name is another one). */
    static boolean inNamespace(long pid, String namespace) {
        try {
            String link = Files.readSymbolicLink(Path.of("/proc/" + pid + "/ns/net")).toString();
            Object inode = Files.getAttribute(Path.of("/run/netns", namespace), "unix:ino");
            return link.equals("net:[" + inode + "]");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
