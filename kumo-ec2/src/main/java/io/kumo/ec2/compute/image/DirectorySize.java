package io.kumo.ec2.compute.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** How much a directory tree holds, as image and snapshot sizes count it. */
public final class DirectorySize {
    private static final long GIB = 1L << 30;

    private DirectorySize() {
    }

    /** The sizes of the regular files under {@code root} (symbolic links are not followed). */
    public static long bytes(Path root) {
        long[] total = {0};
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) {
                        total[0] += attrs.size();
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot measure " + root, e);
        }
        return total[0];
    }

    /** {@code bytes} in GiB, rounded up, at least 1: EBS sizes are whole GiB. */
    public static int gib(long bytes) {
        return (int) Math.max(1, (bytes + GIB - 1) / GIB);
    }
}
