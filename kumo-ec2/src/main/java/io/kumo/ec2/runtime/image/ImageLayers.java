package io.kumo.ec2.runtime.image;

import io.kumo.ec2.compute.image.DirectorySize;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The layers of the images Kumo makes from instances, under {@code <dataDir>/images}: each image
 * has a directory {@code <ami-id>/} holding {@code layer/} (the frozen copy of the instance's
 * writable layer, in overlay's own format: whiteouts and opaque directories included) and
 * {@code layers.txt} (the layers below it, topmost first: an image made from an instance of
 * another made image stacks on that image's layers). The host's root lies below them all and is
 * never listed. An image directory appears only complete: it is built aside and renamed into place.
 */
public final class ImageLayers {
    private static final Pattern IMAGE_ID = Pattern.compile("ami-[0-9a-f]{8}([0-9a-f]{9})?");
    private static final String LAYER = "layer";
    private static final String CHAIN = "layers.txt";
    /**
     * What Kumo's init keeps for one instance only: the mark that user data ran (and the script).
     * An instance launched from the image is a new instance and must run its own user data.
     */
    private static final List<String> PER_INSTANCE = List.of("var/lib/cloud/instance");

    private final Path imagesDir;

    public ImageLayers(Path imagesDir) {
        this.imagesDir = imagesDir.toAbsolutePath().normalize();
    }

    /** The layers of a Kumo data directory: {@code <dataDir>/images}. */
    public static ImageLayers under(Path dataDir) {
        return new ImageLayers(dataDir.resolve("images"));
    }

    public Path imagesDir() {
        return imagesDir;
    }

    /** Where the image's own layer is (or will be, once frozen). */
    public Path layerDir(String imageId) {
        return imageDir(imageId).resolve(LAYER);
    }

    /** Whether the image's layer is complete. */
    public boolean frozen(String imageId) {
        return Files.isDirectory(layerDir(imageId), LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * Freezes an instance's writable layer into the image: copies {@code instanceUpper} (the
     * instance directory's {@code upper/}, nothing else of it) and records {@code instanceLayers}
     * (the layers the instance ran on, topmost first, as {@link #layersOf} gave them) as the layers
     * below. Does nothing when the image is already frozen, so a freeze interrupted by a restart
     * can simply be done again. The caller makes sure the layer is at rest (or accepts that it
     * is not: NoReboot). An imported root filesystem comes in the same way, with no layers below.
     */
    public void freeze(Path instanceUpper, List<Path> instanceLayers, String imageId) {
        Path target = imageDir(imageId);
        if (frozen(imageId)) {
            return;
        }
        if (!Files.isDirectory(instanceUpper, LinkOption.NOFOLLOW_LINKS)) {
            throw new UncheckedIOException(new IOException("there is no directory " + instanceUpper + " to copy"));
        }
        Path partial = imagesDir.resolve("." + imageId + ".partial-" + UUID.randomUUID());
        try {
            removePartials(imageId);
            Files.createDirectories(partial.resolve(LAYER));
            LayerCopy.copy(instanceUpper, partial.resolve(LAYER));
            for (String path : PER_INSTANCE) {
                remove(partial.resolve(LAYER).resolve(path));
            }
            Files.write(partial.resolve(CHAIN), chainLines(instanceLayers), StandardCharsets.UTF_8);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            remove(partial);
            throw new UncheckedIOException("cannot freeze a layer for " + imageId, e);
        } catch (RuntimeException e) {
            remove(partial);
            throw e;
        }
    }

    /**
     * The image's layers for a sandbox's overlay, topmost first: its own, then those it was made
     * on. Empty when Kumo holds no layer for the image (the catalogue's images, which are the
     * host's system, and images registered where no sandbox ran). A layer of the chain that has
     * gone missing is an error: booting on part of an image would be wrong silently.
     */
    public List<Path> layersOf(String imageId) {
        if (!frozen(imageId)) {
            return List.of();
        }
        List<Path> out = new ArrayList<>();
        out.add(layerDir(imageId));
        for (Path below : chain(imageId)) {
            if (!Files.isDirectory(below)) {
                throw new IllegalStateException("layer " + below + " below image " + imageId + " is missing");
            }
            out.add(below);
        }
        return List.copyOf(out);
    }

    /**
     * The size of what the image adds to the host's system (its layers' file sizes), in GiB
     * rounded up, at least 1: a floor for the image's root volume.
     */
    public long sizeGiB(String imageId) {
        long bytes = 0;
        for (Path layer : layersOf(imageId)) {
            bytes += DirectorySize.bytes(layer);
        }
        return DirectorySize.gib(bytes);
    }

    /** Removes the image's layer and any unfinished freeze of it; images stacked on it lose their base. */
    public void delete(String imageId) {
        removePartials(imageId);
        remove(imageDir(imageId));
    }

    /**
     * Deletes the layers of every image not in {@code inUse} (registered images, images of
     * instances that still exist, builds in progress) and not below one of those; returns the
     * image ids whose layers went. Unfinished freezes are left to their own freeze.
     */
    public Set<String> retainOnly(Set<String> inUse) {
        Set<String> keep = new HashSet<>();
        for (String imageId : inUse) {
            if (IMAGE_ID.matcher(imageId).matches() && frozen(imageId)) {
                keep.add(imageId);
                for (Path below : chain(imageId)) {
                    if (below.getParent() != null && below.getParent().getParent() != null
                            && below.getParent().getParent().equals(imagesDir)) {
                        keep.add(below.getParent().getFileName().toString());
                    }
                }
            }
        }
        Set<String> deleted = new HashSet<>();
        for (String imageId : storedImages()) {
            if (!keep.contains(imageId)) {
                remove(imageDir(imageId));
                deleted.add(imageId);
            }
        }
        return deleted;
    }

    private List<String> storedImages() {
        if (!Files.isDirectory(imagesDir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(imagesDir)) {
            return entries.map(p -> p.getFileName().toString()).filter(n -> IMAGE_ID.matcher(n).matches()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + imagesDir, e);
        }
    }

    private Path imageDir(String imageId) {
        if (imageId == null || !IMAGE_ID.matcher(imageId).matches()) {
            throw new IllegalArgumentException("not an image id: " + imageId);
        }
        return imagesDir.resolve(imageId);
    }

    /** Layers below, as stored: inside the images directory relative to it, so a moved data directory keeps working. */
    private List<String> chainLines(List<Path> layers) {
        List<String> lines = new ArrayList<>();
        for (Path layer : layers) {
            Path absolute = layer.toAbsolutePath().normalize();
            lines.add(absolute.startsWith(imagesDir) ? imagesDir.relativize(absolute).toString() : absolute.toString());
        }
        return lines;
    }

    private List<Path> chain(String imageId) {
        Path file = imageDir(imageId).resolve(CHAIN);
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank())
                    .map(l -> imagesDir.resolve(l).normalize()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private void removePartials(String imageId) {
        if (!Files.isDirectory(imagesDir)) {
            return;
        }
        String prefix = "." + imageId + ".partial-";
        try (Stream<Path> entries = Files.list(imagesDir)) {
            entries.filter(p -> p.getFileName().toString().startsWith(prefix)).toList().forEach(ImageLayers::remove);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + imagesDir, e);
        }
    }

    /** rm copes with what a layer may hold (read-only directories, device nodes) and stays on one filesystem. */
    private static void remove(Path path) {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Process p = new ProcessBuilder("rm", "-rf", "--one-file-system", "--", path.toString())
                    .redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new UncheckedIOException(new IOException("cannot remove " + path + ": " + output.strip()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run rm for " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted while removing " + path));
        }
    }
}
