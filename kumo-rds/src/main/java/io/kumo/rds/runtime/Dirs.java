package io.kumo.rds.runtime;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** Removing directory trees the runtime made, without following links out of them. */
final class Dirs {
    private Dirs() {
    }

    static void delete(Path root) {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
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
