package io.kumo.core.output;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The slots where the protocol layer keeps what it derived (value trees, XML) from the output
 * objects an {@link OutputMemo} holds, found by the object's identity. An object no memo holds has
 * no slot, and nothing derived from it is kept.
 */
public final class Encodings {
    private static final Map<Identity, Slot> SLOTS = new ConcurrentHashMap<>();

    private Encodings() {
    }

    /** The slot of a memoized output object, or null. */
    public static Slot slotOf(Object value) {
        return SLOTS.get(new Identity(value));
    }

    static void remember(Object value) {
        SLOTS.putIfAbsent(new Identity(value), new Slot());
    }

    static void forget(Object value) {
        SLOTS.remove(new Identity(value));
    }

    /** Keys compare by the identity of what they wrap: a key of records would compare deeply. */
    public record Identity(Object value) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Identity other && other.value == value;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(value);
        }
    }
}
