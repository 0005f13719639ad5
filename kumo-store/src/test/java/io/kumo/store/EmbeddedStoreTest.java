package io.kumo.store;

import static io.kumo.store.TestValues.EXTRAS;
import static io.kumo.store.TestValues.INSTANCES;
import static io.kumo.store.TestValues.SETTINGS;
import static io.kumo.store.TestValues.USERS;
import static io.kumo.store.TestValues.instance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kumo.core.store.Store;
import io.kumo.core.store.StoreScope;
import io.kumo.core.store.Table;
import io.kumo.core.store.Tx;
import io.kumo.store.TestValues.Instance;
import io.kumo.store.TestValues.Note;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedStoreTest {

    static final StoreScope EU = new StoreScope("111111111111", "eu-west-1");
    static final StoreScope US = new StoreScope("111111111111", "us-east-1");
    static final StoreScope OTHER_ACCOUNT = new StoreScope("222222222222", "eu-west-1");

    @TempDir
    Path dir;

    EmbeddedStore store;

    @BeforeEach
    void open() {
        store = open(dir);
    }

    @AfterEach
    void close() {
        store.close();
    }

    static EmbeddedStore open(Path dir) {
        EmbeddedStore store = EmbeddedStore.durable(dir);
        List.of(INSTANCES, USERS, SETTINGS, EXTRAS).forEach(store::register);
        store.open();
        return store;
    }

    @Test
    void roundTripsNestedRecordsWithInstantsAndCollections() {
        Instance original = instance("i-1");
        store.write(EU, tx -> {
            tx.put(INSTANCES, "i-1", original);
            return null;
        });

        assertThat(Reads.get(store, EU, INSTANCES, "i-1")).contains(original);
        store.close();
        store = open(dir);
        Instance recovered = store.read(EU, tx -> tx.get(INSTANCES, "i-1")).orElseThrow();
        assertThat(recovered).isEqualTo(original);
        assertThat(recovered.launched()).isEqualTo(original.launched());
    }

    @Test
    void valuesReadBackCannotBeModified() {
        store.write(EU, tx -> {
            tx.put(INSTANCES, "i-1", instance("i-1"));
            return null;
        });
        Instance read = store.read(EU, tx -> tx.get(INSTANCES, "i-1")).orElseThrow();

        assertThatThrownBy(() -> read.disks().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> read.disks().get(0).tags().add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> read.labels().put("a", "b")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> read.groups().add("sg-3")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void keepsWhatWasPutEvenIfTheCallerChangesItsListLater() {
        List<String> tags = new ArrayList<>(List.of("a"));
        store.write(EU, tx -> {
            tx.put(EXTRAS, "x", new Note("n"));
            tx.put(INSTANCES, "i-1", new Instance("i-1", "n", null, null, List.of(new TestValues.Disk("d", 1, tags)),
                    Map.of(), Set.of()));
            return null;
        });
        tags.add("b");

        assertThat(store.read(EU, tx -> tx.get(INSTANCES, "i-1")).orElseThrow().disks().get(0).tags())
                .containsExactly("a");
    }

    @Test
    void partitionsByScope() {
        store.write(EU, tx -> {
            tx.put(INSTANCES, "i-1", instance("i-eu"));
            tx.put(USERS, "alice", new Note("account 1"));
            tx.put(SETTINGS, "mode", new Note("global"));
            tx.in(US).put(INSTANCES, "i-1", instance("i-us"));
            tx.in(OTHER_ACCOUNT).put(INSTANCES, "i-1", instance("i-other"));
            return null;
        });

        store.read(EU, tx -> {
            assertThat(tx.get(INSTANCES, "i-1").map(Instance::id)).contains("i-eu");
            assertThat(tx.in(US).get(INSTANCES, "i-1").map(Instance::id)).contains("i-us");
            assertThat(tx.in(OTHER_ACCOUNT).get(INSTANCES, "i-1").map(Instance::id)).contains("i-other");
            // Account tables ignore the region; global tables ignore both.
            assertThat(tx.in(US).get(USERS, "alice")).contains(new Note("account 1"));
            assertThat(tx.in(OTHER_ACCOUNT).get(USERS, "alice")).isEmpty();
            assertThat(tx.in(StoreScope.GLOBAL).get(SETTINGS, "mode")).contains(new Note("global"));
            assertThat(tx.in(OTHER_ACCOUNT).get(SETTINGS, "mode")).contains(new Note("global"));
            return null;
        });
        assertThat(Reads.list(store, EU, INSTANCES)).extracting(Instance::id).containsExactly("i-eu");
    }

    @Test
    void scansEveryScopeGroupedByScope() {
        store.write(EU, tx -> {
            tx.put(INSTANCES, "b", instance("eu-b"));
            tx.put(INSTANCES, "a", instance("eu-a"));
            tx.in(US).put(INSTANCES, "a", instance("us-a"));
            tx.in(OTHER_ACCOUNT).put(INSTANCES, "a", instance("other-a"));
            tx.put(USERS, "u", new Note("1"));
            tx.in(OTHER_ACCOUNT).put(USERS, "u", new Note("2"));
            tx.put(SETTINGS, "s", new Note("g"));
            return null;
        });

        Map<StoreScope, List<Instance>> instances = store.read(StoreScope.GLOBAL, tx -> tx.scanAll(INSTANCES));
        assertThat(instances).containsOnlyKeys(EU, US, OTHER_ACCOUNT);
        assertThat(instances.get(EU)).extracting(Instance::id).containsExactly("eu-a", "eu-b");
        assertThat(instances.get(US)).extracting(Instance::id).containsExactly("us-a");

        assertThat(Reads.scanAll(store, EU, USERS)).containsOnlyKeys(
                new StoreScope(EU.account(), ""), new StoreScope(OTHER_ACCOUNT.account(), ""));
        assertThat(Reads.scanAll(store, EU, SETTINGS)).containsOnlyKeys(StoreScope.GLOBAL);
    }

    @Test
    void listsInIdOrderIncludingTheTransactionsOwnWrites() {
        store.write(EU, tx -> {
            for (String id : List.of("c", "a", "e")) {
                tx.put(EXTRAS, id, new Note(id));
            }
            return null;
        });

        List<String> seen = store.write(EU, tx -> {
            tx.put(EXTRAS, "b", new Note("b"));
            tx.put(EXTRAS, "a", new Note("a2"));
            tx.delete(EXTRAS, "e");
            assertThat(tx.get(EXTRAS, "b")).contains(new Note("b"));
            assertThat(tx.get(EXTRAS, "e")).isEmpty();
            return tx.list(EXTRAS).stream().map(Note::text).toList();
        });

        assertThat(seen).containsExactly("a2", "b", "c");
        assertThat(Reads.list(store, EU, EXTRAS)).extracting(Note::text).containsExactly("a2", "b", "c");
    }

    @Test
    void rollsBackEverythingWhenTheFunctionThrows() {
        store.write(EU, tx -> {
            tx.put(EXTRAS, "kept", new Note("before"));
            return null;
        });
        RuntimeException failure = new IllegalArgumentException("boom");
        List<Store.CommitEvent> events = new CopyOnWriteArrayList<>();
        store.addCommitListener(events::add);

        assertThatThrownBy(() -> store.write(EU, tx -> {
            tx.put(EXTRAS, "kept", new Note("after"));
            tx.put(EXTRAS, "new", new Note("new"));
            tx.delete(EXTRAS, "kept");
            throw failure;
        })).isSameAs(failure);

        assertThat(Reads.list(store, EU, EXTRAS)).containsExactly(new Note("before"));
        assertThat(events).isEmpty();
        store.close();
        store = open(dir);
        assertThat(Reads.list(store, EU, EXTRAS)).containsExactly(new Note("before"));
    }

    @Test
    void deleteReportsWhetherSomethingWasThere() {
        store.write(EU, tx -> {
            tx.put(EXTRAS, "a", new Note("a"));
            return null;
        });
        store.write(EU, tx -> {
            assertThat(tx.delete(EXTRAS, "a")).isTrue();
            assertThat(tx.delete(EXTRAS, "a")).isFalse();
            assertThat(tx.delete(EXTRAS, "never")).isFalse();
            tx.put(EXTRAS, "temp", new Note("t"));
            assertThat(tx.delete(EXTRAS, "temp")).isTrue();
            return null;
        });
        assertThat(Reads.list(store, EU, EXTRAS)).isEmpty();
    }

    @Test
    void resetWipesEverythingDurablyAndTellsListeners() {
        store.write(EU, tx -> {
            tx.put(INSTANCES, "i-1", instance("i-1"));
            tx.put(SETTINGS, "s", new Note("s"));
            return null;
        });
        List<Store.CommitEvent> events = new CopyOnWriteArrayList<>();
        store.addCommitListener(events::add);

        long started = System.nanoTime();
        store.reset();
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("reset took " + millis + " ms");

        assertThat(Reads.list(store, EU, INSTANCES)).isEmpty();
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.reset()).isTrue();
            assertThat(event.tables()).contains(INSTANCES.name(), SETTINGS.name());
        });
        store.write(EU, tx -> {
            tx.put(EXTRAS, "after", new Note("after reset"));
            return null;
        });
        store.close();
        store = open(dir);
        assertThat(Reads.scanAll(store, EU, INSTANCES)).isEmpty();
        assertThat(Reads.scanAll(store, EU, SETTINGS)).isEmpty();
        assertThat(Reads.list(store, EU, EXTRAS)).containsExactly(new Note("after reset"));
    }

    @Test
    void listenersHearCommitsWithTheTablesTouchedAndCannotBreakTheWriter() {
        List<Store.CommitEvent> events = new CopyOnWriteArrayList<>();
        store.addCommitListener(event -> {
            throw new IllegalStateException("listener bug");
        });
        store.addCommitListener(events::add);

        String result = store.write(EU, tx -> {
            tx.put(EXTRAS, "a", new Note("a"));
            tx.put(SETTINGS, "b", new Note("b"));
            return "done";
        });
        store.write(EU, tx -> tx.get(EXTRAS, "a"));

        assertThat(result).isEqualTo("done");
        assertThat(events).containsExactly(
                new Store.CommitEvent(Set.of(EXTRAS.name(), SETTINGS.name()), false));
    }

    @Test
    void nestedWriteJoinsTheOuterTransaction() {
        store.write(EU, outer -> {
            outer.put(EXTRAS, "outer", new Note("o"));
            store.write(US, inner -> {
                assertThat(inner.in(EU).get(EXTRAS, "outer")).contains(new Note("o"));
                inner.put(EXTRAS, "inner", new Note("i"));
                return null;
            });
            assertThat(Reads.get(store, US, EXTRAS, "inner")).contains(new Note("i"));
            // Not visible to other threads before the outer transaction commits.
            assertThat(otherThread(() -> Reads.get(store, US, EXTRAS, "inner"))).isEmpty();
            return null;
        });

        assertThat(Reads.get(store, US, EXTRAS, "inner")).contains(new Note("i"));
        assertThat(Reads.get(store, EU, EXTRAS, "outer")).contains(new Note("o"));
    }

    @Test
    void aFailingNestedWriteTakesBackOnlyItsOwnChanges() {
        store.write(EU, outer -> {
            outer.put(EXTRAS, "outer", new Note("o"));
            assertThatThrownBy(() -> store.write(EU, inner -> {
                inner.put(EXTRAS, "inner", new Note("i"));
                inner.put(EXTRAS, "outer", new Note("overwritten"));
                throw new IllegalStateException("inner fails");
            })).hasMessage("inner fails");
            assertThat(outer.get(EXTRAS, "outer")).contains(new Note("o"));
            assertThat(outer.get(EXTRAS, "inner")).isEmpty();
            return null;
        });

        assertThat(Reads.list(store, EU, EXTRAS)).containsExactly(new Note("o"));
    }

    @Test
    void writeInsideReadIsRefused() {
        assertThatThrownBy(() -> store.read(EU, tx -> store.write(EU, inner -> null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("inside a Store.read");
        assertThatThrownBy(() -> store.read(EU, tx -> {
            tx.put(EXTRAS, "x", new Note("x"));
            return null;
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("read transaction");
        assertThatThrownBy(() -> store.write(EU, tx -> {
            store.reset();
            return null;
        })).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aTxCannotBeUsedOnAnotherThreadOrAfterItEnded() {
        AtomicReference<Tx> escaped = new AtomicReference<>();
        store.write(EU, tx -> {
            escaped.set(tx);
            assertThatThrownBy(() -> otherThread(() -> tx.get(EXTRAS, "a")))
                    .hasRootCauseInstanceOf(IllegalStateException.class)
                    .hasStackTraceContaining("thread that started it");
            return null;
        });
        assertThatThrownBy(() -> escaped.get().get(EXTRAS, "a"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has ended");
    }

    @Test
    void emptyWriteTransactionsDoNotTouchTheLog() throws Exception {
        store.write(EU, tx -> {
            tx.put(EXTRAS, "a", new Note("a"));
            return null;
        });
        Path segment = onlySegment();
        long size = Files.size(segment);

        store.write(EU, tx -> tx.get(EXTRAS, "a"));
        store.write(EU, tx -> {
            tx.put(EXTRAS, "b", new Note("b"));
            tx.delete(EXTRAS, "b");
            return null;
        });

        assertThat(Files.size(segment)).isEqualTo(size);
    }

    @Test
    void refusesUnregisteredTablesAndMisusedScopes() {
        Table<Note> unknown = Table.global("test.unknown", Note.class);
        assertThatThrownBy(() -> store.read(EU, tx -> tx.get(unknown, "x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not registered");
        assertThatThrownBy(() -> store.read(StoreScope.GLOBAL, tx -> tx.list(INSTANCES)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no account");
        assertThatThrownBy(() -> store.register(Table.global(INSTANCES.name(), Note.class)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already registered");
    }

    @Test
    void aSecondStoreCannotUseTheSameDataDirectory() {
        try (EmbeddedStore second = EmbeddedStore.durable(dir)) {
            assertThatThrownBy(second::open)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("in use by another Kumo")
                    .hasMessageContaining("pid " + ProcessHandle.current().pid());
        }
        // The failed attempt must not have released the first store's lock.
        store.close();
        try (EmbeddedStore third = EmbeddedStore.durable(dir)) {
            third.open();
        }
        store = open(dir);
    }

    @Test
    void inMemoryStoreWorksWithoutOpenAndStillChecksJson() {
        try (EmbeddedStore memory = EmbeddedStore.inMemory()) {
            memory.register(EXTRAS);
            memory.write(EU, tx -> {
                tx.put(EXTRAS, "a", new Note("a"));
                return null;
            });
            assertThat(Reads.list(memory, EU, EXTRAS)).containsExactly(new Note("a"));
            memory.reset();
            assertThat(Reads.list(memory, EU, EXTRAS)).isEmpty();
        }
    }

    @Test
    void evolvedRecordsReadOldJson() {
        ValueCodec codec = new ValueCodec();
        byte[] old = "{\"text\":\"t\",\"removedField\":1}".getBytes();
        assertThat(codec.decode(old, Note.class)).isEqualTo(new Note("t"));
        // A collection component added later reads as empty from older data.
        Instance fromOld = codec.decode("{\"id\":\"i\",\"status\":\"PENDING\"}".getBytes(), Instance.class);
        assertThat(fromOld.disks()).isEmpty();
        assertThat(fromOld.labels()).isEmpty();
        assertThat(fromOld.launched()).isNull();
        assertThat(new String(codec.encode(instance("i")))).contains("\"launched\":\"2025-01-02T03:04:05.123456789Z\"");
    }

    record WithHelpers(String name, boolean enabled) {
        public String getArn() {
            return "arn:aws:test::" + name.length();
        }

        public boolean isDisabled() {
            return !enabled;
        }

        public String upper() {
            return name.toUpperCase();
        }
    }

    @Test
    void storesOnlyRecordComponentsNotWhatHelperMethodsCompute() {
        ValueCodec codec = new ValueCodec();
        byte[] json = codec.encode(new WithHelpers("x", true));
        assertThat(new String(json)).isEqualTo("{\"name\":\"x\",\"enabled\":true}");
        assertThat(codec.decode(json, WithHelpers.class)).isEqualTo(new WithHelpers("x", true));
    }

    private Path onlySegment() throws Exception {
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("wal-")).findFirst().orElseThrow();
        }
    }

    private static <T> T otherThread(Supplier<T> work) {
        try {
            return CompletableFuture.supplyAsync(work).get();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new RuntimeException(e.getCause());
        }
    }

}
