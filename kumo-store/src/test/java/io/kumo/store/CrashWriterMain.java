package io.kumo.store;

import io.kumo.core.store.StoreScope;
import io.kumo.core.store.Table;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Run in a child JVM by {@link CrashTest}: writes transactions of two related keys from a few
 * threads and prints "ack:ID:end" for each one after write() returned, until killed (or after 20 s).
 */
public final class CrashWriterMain {

    record Half(String id, String side, String padding) {
    }

    static final Table<Half> LEFT = Table.regional("crash.left", Half.class);
    static final Table<Half> RIGHT = Table.regional("crash.right", Half.class);
    static final StoreScope SCOPE = new StoreScope("000000000001", "us-east-1");

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        int threads = Integer.parseInt(args[1]);
        long deadline = System.nanoTime() + 20_000_000_000L;
        EmbeddedStore store = EmbeddedStore.durable(dataDir);
        store.register(LEFT);
        store.register(RIGHT);
        store.open();
        String padding = "p".repeat(3000);
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            writers.add(Thread.ofPlatform().start(() -> {
                for (int n = 0; System.nanoTime() < deadline; n++) {
                    String id = "t" + thread + "-" + n;
                    store.write(SCOPE, tx -> {
                        tx.put(LEFT, id, new Half(id, "left", padding));
                        tx.put(RIGHT, id, new Half(id, "right", padding));
                        return null;
                    });
                    ack(id);
                }
            }));
        }
        for (Thread writer : writers) {
            writer.join();
        }
        store.close();
    }

    private static synchronized void ack(String id) {
        System.out.println("ack:" + id + ":end");
        System.out.flush();
    }

    private CrashWriterMain() {
    }
}
