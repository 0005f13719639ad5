package io.kumo.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files of a durable store. Names carry zero-padded sequence numbers so a directory listing
 * sorts like the log:
 * <pre>
 *   kumo.lock                         held while a process uses the directory
 *   snapshot-00000000000000001234.snap every value as of transaction 1234
 *   wal-00000000000000001235.log       transactions from 1235 on
 * </pre>
 */
final class DataDir {

    private static final Pattern SEGMENT = Pattern.compile("wal-(\\d{20})\\.log");
    private static final Pattern SNAPSHOT = Pattern.compile("snapshot-(\\d{20})\\.snap");
    private static final String TEMPORARY_SUFFIX = ".tmp";

    private final Path root;

    DataDir(Path root) {
        this.root = root.toAbsolutePath();
    }

    Path root() {
        return root;
    }

    Path lockFile() {
        return root.resolve("kumo.lock");
    }

    Path segment(long firstSeq) {
        return root.resolve("wal-%020d.log".formatted(firstSeq));
    }

    Path snapshot(long seq) {
        return root.resolve("snapshot-%020d.snap".formatted(seq));
    }

    Path temporary(Path file) {
        return file.resolveSibling(file.getFileName() + TEMPORARY_SUFFIX);
    }

    /** The first sequence numbers of the log segments, ascending. */
    List<Long> segments() {
        return numbered(SEGMENT);
    }

    /** The sequence numbers of the snapshots, ascending. */
    List<Long> snapshots() {
        return numbered(SNAPSHOT);
    }

    void create() {
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + root, e);
        }
    }

    /** Removes what a crash left half written. */
    void deleteTemporaryFiles() throws IOException {
        try (Stream<Path> files = Files.list(root)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(TEMPORARY_SUFFIX)).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** Makes created, renamed and deleted names durable, which fsync of the files alone does not. */
    void sync() throws IOException {
        try (FileChannel dir = FileChannel.open(root, StandardOpenOption.READ)) {
            dir.force(true);
        }
    }

    private List<Long> numbered(Pattern pattern) {
        List<Long> numbers = new ArrayList<>();
        try (Stream<Path> files = Files.list(root)) {
            files.forEach(file -> {
                Matcher matcher = pattern.matcher(file.getFileName().toString());
                if (matcher.matches()) {
                    numbers.add(Long.parseLong(matcher.group(1)));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the data directory " + root, e);
        }
        numbers.sort(null);
        return numbers;
    }
}
