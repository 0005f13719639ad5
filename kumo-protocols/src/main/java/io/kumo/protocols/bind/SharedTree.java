package io.kumo.protocols.bind;

import io.kumo.core.output.Slot;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The value tree of a memoized output object. It is shared by every response that carries the
 * object, so it must not be changed; codecs may keep their encodings of it in its slot.
 */
public final class SharedTree extends LinkedHashMap<String, Object> {
    private final transient Slot slot;

    SharedTree(Map<String, Object> tree, Slot slot) {
        super(tree);
        this.slot = slot;
    }

    public Slot slot() {
        return slot;
    }
}
