package io.kumo.ec2.runtime.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Copies an overlay layer exactly: owners, modes, times, hard and symbolic links, extended
 * attributes of every namespace (trusted.overlay.opaque marks opaque directories) and device
 * nodes (a 0/0 character device is a whiteout). GNU cp does all of that as root, and shares
 * blocks where the filesystem can (reflink) instead of copying them.
 */
final class LayerCopy {
    private LayerCopy() {
    }

    /** Copies the contents of {@code from} into the existing directory {@code to}. */
    static void copy(Path from, Path to) {
        ProcessBuilder pb = new ProcessBuilder("cp", "-a", "--reflink=auto", "--", from + "/.", to.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Map<String, String> env = pb.environment();
        env.put("LC_ALL", "C"); // the messages are read below
        try {
            Process p = pb.start();
            String errors = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = p.waitFor();
            if (exit != 0 && !onlyVanished(errors)) {
                throw new UncheckedIOException(new IOException("cp of layer " + from + " failed (exit " + exit + "): " + errors.strip()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run cp to copy layer " + from, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted while copying layer " + from));
        }
    }

    /**
     * A layer copied while its instance runs (NoReboot) loses files its programs delete during
     * the copy; EC2 warns that such an image may be inconsistent, and it is still made.
     */
    static boolean onlyVanished(String errors) {
        List<String> lines = errors.lines().filter(l -> !l.isBlank()).toList();
        return !lines.isEmpty() && lines.stream().allMatch(l -> l.endsWith(": No such file or directory"));
    }
}
