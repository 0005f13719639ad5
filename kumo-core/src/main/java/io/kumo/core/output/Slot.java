package io.kumo.core.output;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** What was derived from one memoized output object, by the deriver's key. */
public final class Slot {
    private final Map<Object, Object> derived = new ConcurrentHashMap<>(4);

    Slot() {
    }

    /**
     * What was derived under {@code key}, derived now if not yet. Two threads may both derive it
     * once; either result serves. Derivations may nest (a tree's parts have slots of their own).
     */
    @SuppressWarnings("unchecked")
    public <T> T derive(Object key, Supplier<T> derivation) {
        Object known = derived.get(key);
        if (known == null) {
            known = derivation.get();
            derived.put(key, known);
        }
        return (T) known;
    }
}
