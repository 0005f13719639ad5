package io.kumo.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.kumo.core.store.StoreScope;
import io.kumo.core.store.Table;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class ConcurrencyTest {

    record Item(String id, int thread, int n) {
    }

    record Counter(long value) {
    }

    static final Table<Item> ITEMS = Table.regional("concurrency.items", Item.class);
    static final Table<Item> MIRROR = Table.regional("concurrency.mirror", Item.class);
    static final Table<Counter> COUNTERS = Table.global("concurrency.counters", Counter.class);
    static final Table<Item> WARM_UP = Table.global("concurrency.warmup", Item.class);
    static final StoreScope SCOPE = new StoreScope("000000000042", "ap-south-1");
    static final int THREADS = 16;
    static final int WRITES_PER_THREAD = 300;

    @TempDir
    Path dir;

    EmbeddedStore open() {
        EmbeddedStore store = EmbeddedStore.durable(dir);
        store.register(ITEMS);
        store.register(MIRROR);
        store.register(COUNTERS);
        store.register(WARM_UP);
        store.open();
        return store;
    }

    // Lets the JIT compile the write path first, so the printed throughput is the steady one.
    private static void warmUp(EmbeddedStore store, ExecutorService pool) throws Exception {
        List<Future<?>> warmers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            warmers.add(pool.submit(() -> {
                for (int n = 0; n < 100; n++) {
                    Item item = new Item("w%02d-%04d".formatted(thread, n), thread, n);
                    store.write(StoreScope.GLOBAL, tx -> {
                        tx.put(WARM_UP, item.id(), item);
                        return null;
                    });
                }
            }));
        }
        for (Future<?> warmer : warmers) {
            warmer.get();
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void sixteenWritersLoseNothingAndReadersNeverSeeHalfATransaction() throws Exception {
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger consistentReads = new AtomicInteger();
        long elapsedNanos;
        try (EmbeddedStore store = open()) {
            ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
            Future<?> reader = pool.submit(() -> {
                while (writing.get()) {
                    store.read(SCOPE, tx -> {
                        assertThat(tx.list(ITEMS)).isEqualTo(tx.list(MIRROR));
                        long counted = tx.in(StoreScope.GLOBAL).get(COUNTERS, "writes").map(Counter::value).orElse(0L);
                        assertThat(counted).isEqualTo(tx.list(ITEMS).size());
                        return null;
                    });
                    consistentReads.incrementAndGet();
                    // Paced, so the printed write throughput is not a measure of this reader.
                    Thread.sleep(5);
                }
                return null;
            });
            warmUp(store, pool);
            long started = System.nanoTime();
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                writers.add(pool.submit(() -> {
                    for (int n = 0; n < WRITES_PER_THREAD; n++) {
                        Item item = new Item("t%02d-%04d".formatted(thread, n), thread, n);
                        store.write(SCOPE, tx -> {
                            tx.put(ITEMS, item.id(), item);
                            tx.put(MIRROR, item.id(), item);
                            // A read-modify-write on one hot key: lost updates would show in the total.
                            long count = tx.in(StoreScope.GLOBAL).get(COUNTERS, "writes").map(Counter::value).orElse(0L);
                            tx.in(StoreScope.GLOBAL).put(COUNTERS, "writes", new Counter(count + 1));
                            return null;
                        });
                    }
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
            elapsedNanos = System.nanoTime() - started;
            writing.set(false);
            reader.get();
            pool.shutdown();
        }
        int total = THREADS * WRITES_PER_THREAD;
        System.out.printf("16 concurrent writers: %d durable write transactions in %d ms = %.0f tx/s"
                + " (%d consistent reads meanwhile)%n", total, elapsedNanos / 1_000_000,
                total / (elapsedNanos / 1e9), consistentReads.get());

        try (EmbeddedStore store = open()) {
            assertThat(Reads.list(store, SCOPE, ITEMS)).hasSize(total);
            assertThat(Reads.list(store, SCOPE, MIRROR)).hasSize(total);
            assertThat(Reads.get(store, StoreScope.GLOBAL, COUNTERS, "writes")).contains(new Counter(total));
        }
    }
}
