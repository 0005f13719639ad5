package io.kumo.store;

import static io.kumo.store.TestValues.EXTRAS;
import static io.kumo.store.TestValues.INSTANCES;
import static io.kumo.store.TestValues.SETTINGS;
import static io.kumo.store.TestValues.instance;
import static org.assertj.core.api.Assertions.assertThat;

import io.kumo.core.store.StoreScope;
import io.kumo.core.store.Table;
import io.kumo.store.TestValues.Instance;
import io.kumo.store.TestValues.Note;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecoveryTest {

    static final StoreScope SCOPE = new StoreScope("123456789012", "eu-central-1");

    @TempDir
    Path dir;

    EmbeddedStore open(StoreOptions options, Table<?>... tables) {
        EmbeddedStore store = EmbeddedStore.durable(dir, options);
        for (Table<?> table : tables) {
            store.register(table);
        }
        store.open();
        return store;
    }

    EmbeddedStore open() {
        return open(StoreOptions.defaults(), INSTANCES, EXTRAS, SETTINGS);
    }

    static void putNote(EmbeddedStore store, String id) {
        store.write(SCOPE, tx -> {
            tx.put(EXTRAS, id, new Note("note " + id));
            return null;
        });
    }

    static List<String> noteIds(EmbeddedStore store) {
        return store.read(SCOPE, tx -> tx.list(EXTRAS)).stream().map(note -> note.text().substring(5)).toList();
    }

    @Test
    void restartRecoversEveryCommittedTransaction() {
        try (EmbeddedStore store = open()) {
            for (int i = 0; i < 50; i++) {
                putNote(store, "n%03d".formatted(i));
            }
            store.write(SCOPE, tx -> {
                tx.delete(EXTRAS, "n007");
                tx.put(INSTANCES, "i-1", instance("i-1"));
                tx.put(SETTINGS, "s", new Note("global"));
                return null;
            });
        }
        try (EmbeddedStore store = open()) {
            assertThat(noteIds(store)).hasSize(49).doesNotContain("n007").startsWith("n000", "n001");
            assertThat(Reads.get(store, SCOPE, INSTANCES, "i-1")).contains(instance("i-1"));
            assertThat(Reads.get(store, StoreScope.GLOBAL, SETTINGS, "s")).contains(new Note("global"));
        }
    }

    @Test
    void aTornRecordAtTheEndIsDroppedAndTheLogContinuesAfterIt() throws IOException {
        try (EmbeddedStore store = open()) {
            putNote(store, "a");
            putNote(store, "b");
        }
        Path segment = onlyFile("wal-");
        long complete = Files.size(segment);
        // A frame header that promises more bytes than were written, as a crash mid-write leaves.
        append(segment, ByteBuffer.allocate(20).putInt(500).putInt(12345).put(new byte[12]).array());

        try (EmbeddedStore store = open()) {
            assertThat(noteIds(store)).containsExactly("a", "b");
            assertThat(Files.size(segment)).isEqualTo(complete);
            putNote(store, "c");
        }
        try (EmbeddedStore store = open()) {
            assertThat(noteIds(store)).containsExactly("a", "b", "c");
        }
    }

    @Test
    void garbageAndCorruptRecordsAtTheEndAreDropped() throws IOException {
        try (EmbeddedStore store = open()) {
            putNote(store, "a");
        }
        Path segment = onlyFile("wal-");
        long afterA = Files.size(segment);
        try (EmbeddedStore store = open()) {
            putNote(store, "b");
        }
        // Flip a byte inside b's record: its checksum no longer matches.
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE, StandardOpenOption.READ)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, afterA + 12);
            one.put(0, (byte) (one.get(0) ^ 0x5A)).rewind();
            channel.write(one, afterA + 12);
        }
        append(segment, "garbage after the corrupt record".getBytes());

        try (EmbeddedStore store = open()) {
            assertThat(noteIds(store)).containsExactly("a");
            assertThat(Files.size(segment)).isEqualTo(afterA);
        }
    }

    @Test
    void snapshotThenLaterLogIsReplayedOnTop() throws IOException {
        try (EmbeddedStore store = open()) {
            putNote(store, "before-1");
            putNote(store, "before-2");
            store.checkpoint();
            putNote(store, "after-1");
            store.write(SCOPE, tx -> tx.delete(EXTRAS, "before-1"));
        }
        assertThat(files("snapshot-")).hasSize(1);
        assertThat(files("wal-")).hasSize(1);

        try (EmbeddedStore store = open()) {
            assertThat(noteIds(store)).containsExactly("after-1", "before-2");
        }
    }

    @Test
    void snapshotsHappenInTheBackgroundAsTheLogGrowsAndOldSegmentsGo() throws IOException {
        String padding = "x".repeat(400);
        try (EmbeddedStore store = open(new StoreOptions(32 * 1024), INSTANCES, EXTRAS, SETTINGS)) {
            for (int i = 0; i < 600; i++) {
                int n = i;
                store.write(SCOPE, tx -> {
                    tx.put(EXTRAS, "n%04d".formatted(n % 200), new Note("note " + "n%04d".formatted(n) + padding));
                    return null;
                });
            }
        }
        assertThat(files("snapshot-")).hasSize(1);
        assertThat(files("wal-").size()).isLessThanOrEqualTo(2);
        long totalBytes = 0;
        for (Path file : files("")) {
            totalBytes += Files.size(file);
        }
        assertThat(totalBytes).isLessThan(600L * 450);

        try (EmbeddedStore store = open()) {
            List<Note> notes = store.read(SCOPE, tx -> tx.list(EXTRAS));
            assertThat(notes).hasSize(200);
            assertThat(notes.getFirst().text()).startsWith("note n0400");
            assertThat(notes.getLast().text()).startsWith("note n0599");
        }
    }

    @Test
    void snapshotsTakenWhileManyThreadsWriteLoseNothing() throws Exception {
        int threads = 8;
        int writes = 150;
        try (EmbeddedStore store = open(new StoreOptions(16 * 1024), INSTANCES, EXTRAS, SETTINGS)) {
            List<Thread> writers = IntStream.range(0, threads).mapToObj(t -> Thread.ofPlatform().start(() -> {
                for (int n = 0; n < writes; n++) {
                    putNote(store, "t%d-%03d".formatted(t, n));
                }
            })).toList();
            for (Thread writer : writers) {
                writer.join();
            }
        }
        assertThat(files("wal-").size()).isLessThanOrEqualTo(2);
        try (EmbeddedStore store = open()) {
            assertThat(noteIds(store)).hasSize(threads * writes);
        }
    }

    @Test
    void aSnapshotLeftHalfWrittenByACrashIsIgnored() throws IOException {
        try (EmbeddedStore store = open()) {
            putNote(store, "a");
        }
        Path leftover = dir.resolve("snapshot-00000000000000000099.snap.tmp");
        Files.write(leftover, "half a snapshot".getBytes());

        try (EmbeddedStore store = open()) {
            assertThat(noteIds(store)).containsExactly("a");
        }
        assertThat(leftover).doesNotExist();
    }

    @Test
    void valuesOfTablesNoLongerRegisteredSurviveSnapshots() {
        try (EmbeddedStore store = open()) {
            store.write(SCOPE, tx -> {
                tx.put(INSTANCES, "i-1", instance("i-1"));
                tx.put(EXTRAS, "kept", new Note("note kept"));
                return null;
            });
        }
        // A Kumo without the module that owns INSTANCES: its values must wait, unchanged.
        try (EmbeddedStore store = open(StoreOptions.defaults(), EXTRAS)) {
            putNote(store, "more");
            store.checkpoint();
            putNote(store, "after-snapshot");
            store.checkpoint();
        }
        try (EmbeddedStore store = open()) {
            assertThat(Reads.get(store, SCOPE, INSTANCES, "i-1")).contains(instance("i-1"));
            assertThat(noteIds(store)).containsExactlyInAnyOrder("kept", "more", "after-snapshot");
        }
    }

    @Test
    void aTableRegisteredAfterOpenGetsItsRecoveredValues() {
        try (EmbeddedStore store = open()) {
            store.write(SCOPE, tx -> {
                tx.put(INSTANCES, "i-1", instance("i-1"));
                return null;
            });
        }
        try (EmbeddedStore store = open(StoreOptions.defaults(), EXTRAS)) {
            store.register(INSTANCES);
            assertThat(Reads.list(store, SCOPE, INSTANCES)).extracting(Instance::id).containsExactly("i-1");
        }
    }

    @Test
    void resetLetsGoOfTheOldLog() throws IOException {
        try (EmbeddedStore store = open()) {
            IntStream.range(0, 20).forEach(i -> putNote(store, "n" + i));
            store.reset();
            putNote(store, "after");
        }
        try (EmbeddedStore store = open()) {
            assertThat(noteIds(store)).containsExactly("after");
        }
        assertThat(files("snapshot-")).hasSize(1);
    }

    private List<Path> files(String prefix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix))
                    .filter(f -> !f.getFileName().toString().equals("kumo.lock"))
                    .sorted().toList();
        }
    }

    private Path onlyFile(String prefix) throws IOException {
        assertThat(files(prefix)).hasSize(1);
        return files(prefix).getFirst();
    }

    private static void append(Path file, byte[] bytes) throws IOException {
        Files.write(file, bytes, StandardOpenOption.APPEND);
    }
}
