package io.kumo.core.output;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class OutputMemoTest {
    record Inputs(String id, int version) {
    }

    record Output(String text) {
    }

    final AtomicInteger builds = new AtomicInteger();

    Output build(Inputs in) {
        builds.incrementAndGet();
        return new Output(in.id() + "@" + in.version());
    }

    @Test
    void handsOutTheSameOutputWhileTheInputsAreEqual() {
        OutputMemo<Inputs, Output> memo = new OutputMemo<>(10);
        Output first = memo.get("a", new Inputs("a", 1), this::build);
        assertThat(memo.get("a", new Inputs("a", 1), this::build)).isSameAs(first);
        assertThat(builds).hasValue(1);
    }

    @Test
    void rebuildsWhenTheInputsChangeAndForgetsTheOldEncodings() {
        OutputMemo<Inputs, Output> memo = new OutputMemo<>(10);
        Output first = memo.get("a", new Inputs("a", 1), this::build);
        assertThat(Encodings.slotOf(first)).isNotNull();

        Output second = memo.get("a", new Inputs("a", 2), this::build);
        assertThat(second).isNotSameAs(first).isEqualTo(new Output("a@2"));
        assertThat(Encodings.slotOf(first)).isNull();
        assertThat(Encodings.slotOf(second)).isNotNull();
        assertThat(memo.size()).isEqualTo(1);
    }

    @Test
    void anObjectNoMemoHoldsHasNoSlotEvenIfEqualToOneThatIs() {
        OutputMemo<Inputs, Output> memo = new OutputMemo<>(10);
        memo.get("b", new Inputs("b", 1), this::build);
        assertThat(Encodings.slotOf(new Output("b@1"))).isNull();
    }

    @Test
    void staysWithinItsCapacityDroppingTheLeastRecentlyUsed() {
        OutputMemo<Inputs, Output> memo = new OutputMemo<>(8);
        Output kept = memo.get("keep", new Inputs("keep", 1), this::build);
        for (int i = 0; i < 40; i++) {
            memo.get("r" + i, new Inputs("r" + i, 1), this::build);
            memo.get("keep", new Inputs("keep", 1), this::build);
        }
        assertThat(memo.size()).isLessThanOrEqualTo(8);
        assertThat(memo.get("keep", new Inputs("keep", 1), this::build)).isSameAs(kept);
        assertThat(Encodings.slotOf(kept)).isNotNull();
    }

    @Test
    void aSlotDerivesOncePerKey() {
        OutputMemo<Inputs, Output> memo = new OutputMemo<>(4);
        Output out = memo.get("c", new Inputs("c", 1), this::build);
        Slot slot = Encodings.slotOf(out);
        AtomicInteger derivations = new AtomicInteger();
        List<Object> a = slot.derive("xml", () -> List.of(derivations.incrementAndGet()));
        List<Object> b = slot.derive("xml", () -> List.of(derivations.incrementAndGet()));
        assertThat(b).isSameAs(a);
        assertThat(slot.<Object>derive("json", () -> "other")).isEqualTo("other");
        assertThat(derivations).hasValue(1);
    }
}
