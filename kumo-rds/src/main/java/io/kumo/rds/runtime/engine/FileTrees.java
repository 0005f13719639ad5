package io.kumo.rds.runtime.engine;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** Copying, deleting and opening directory trees. */
public final class FileTrees {
    private FileTrees() {
    }

    /** Copies {@code source} to {@code target} (which must not exist) keeping modes and owners; cp is several times faster than Java here. */
    static void copy(Path source, Path target) {
        if (Files.exists(target)) {
            throw new EngineException("cannot copy into " + target + ": it exists already");
        }
        Processes.run(List.of("cp", "-a", "--reflink=auto", source.toString(), target.toString()), Duration.ofMinutes(10));
    }

    static void deleteQuietly(Path root) {
        try {
            delete(root);
        } catch (IOException e) {
            // best effort: what is left is reported by the caller's next attempt
        }
    }

    /** Deletes the tree without following links out of it; nothing when it does not exist. */
    public static void delete(Path root) throws IOException {
        if (root == null || !Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Gives everyone read access (and search on directories and programs): servers run as another user. */
    static void openForOthers(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                add(dir, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_EXECUTE);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile()) {
                    add(file, PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_READ);
                    if (Files.getPosixFilePermissions(file).contains(PosixFilePermission.OWNER_EXECUTE)) {
                        add(file, PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.GROUP_EXECUTE);
                    }
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void add(Path p, PosixFilePermission... extra) throws IOException {
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
        if (!perms.containsAll(Set.of(extra))) {
            perms.addAll(Set.of(extra));
            Files.setPosixFilePermissions(p, perms);
        }
    }

    static long sizeOf(Path root) {
        try (var files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            return -1;
        }
    }
}
