package io.kumo.core.output;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Keeps, per resource, the output object last built for it and hands it out again while the
 * inputs it was built from stay equal. A handler that describes many unchanged resources then
 * neither rebuilds them nor, through {@link Encodings}, has them encoded again. Bounded: past its
 * capacity, the resources least recently described go first.
 *
 * <p>The inputs must be everything the output shows (a record of the store's records is ideal:
 * unchanged records are the same objects, so comparing them is cheap), and the output must be
 * immutable. Lookups take no lock: a request thread that parked on one would lose its place.
 */
public final class OutputMemo<I, V> {
    private final int capacity;
    private final Map<String, Kept<I, V>> entries = new ConcurrentHashMap<>();
    private final AtomicLong clock = new AtomicLong();

    private static final class Kept<I, V> {
        final I inputs;
        final V output;
        volatile long used;

        Kept(I inputs, V output, long used) {
            this.inputs = inputs;
            this.output = output;
            this.used = used;
        }
    }

    public OutputMemo(int capacity) {
        this.capacity = capacity;
    }

    /** The output for resource {@code id} built from {@code inputs}: the kept one if its inputs are equal. */
    public V get(String id, I inputs, Function<? super I, ? extends V> build) {
        Kept<I, V> known = entries.get(id);
        if (known != null && known.inputs.equals(inputs)) {
            known.used = clock.get();
            return known.output;
        }
        V built = build.apply(inputs);
        Encodings.remember(built);
        Kept<I, V> replaced = entries.put(id, new Kept<>(inputs, built, clock.incrementAndGet()));
        if (replaced != null) {
            Encodings.forget(replaced.output);
        }
        if (entries.size() > capacity) {
            evictOldest();
        }
        return built;
    }

    public int size() {
        return entries.size();
    }

    /** Drops the least recently used eighth, so that eviction is rare and its scan cheap per entry. */
    private synchronized void evictOldest() {
        if (entries.size() <= capacity) {
            return;
        }
        List<Map.Entry<String, Kept<I, V>>> all = new ArrayList<>(entries.entrySet());
        all.sort(Comparator.comparingLong(e -> e.getValue().used));
        for (var entry : all.subList(0, Math.max(1, all.size() - capacity + capacity / 8))) {
            if (entries.remove(entry.getKey(), entry.getValue())) {
                Encodings.forget(entry.getValue().output);
            }
        }
    }
}
