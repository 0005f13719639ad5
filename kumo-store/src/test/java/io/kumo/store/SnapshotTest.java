package io.kumo.store;

import static io.kumo.store.TestValues.INSTANCES;
import static io.kumo.store.TestValues.instance;
import static org.assertj.core.api.Assertions.assertThat;

import io.kumo.core.store.SnapshotMemo;
import io.kumo.core.store.StoreScope;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Tx.snapshot names the contents a read sees, and SnapshotMemo derives once per contents. */
class SnapshotTest {
    static final StoreScope EU = new StoreScope("111111111111", "eu-west-1");
    static final StoreScope US = new StoreScope("111111111111", "us-east-1");

    final EmbeddedStore store = open();
    final EmbeddedStore other = open();
    final AtomicInteger derivations = new AtomicInteger();
    final SnapshotMemo<List<TestValues.Instance>> memo = new SnapshotMemo<>();

    static EmbeddedStore open() {
        EmbeddedStore store = EmbeddedStore.inMemory();
        store.register(INSTANCES);
        store.open();
        return store;
    }

    @AfterEach
    void close() {
        store.close();
        other.close();
    }

    private List<TestValues.Instance> derived(EmbeddedStore from, StoreScope scope) {
        return from.read(scope, tx -> memo.get(tx, t -> {
            derivations.incrementAndGet();
            return t.list(INSTANCES);
        }));
    }

    private static long snapshot(EmbeddedStore from) {
        Long snapshot = from.read(EU, tx -> tx.snapshot());
        return snapshot;
    }

    private void put(String id) {
        store.write(EU, tx -> {
            tx.put(INSTANCES, id, instance(id));
            return null;
        });
    }

    @Test
    void readsOfUnchangedContentsShareOneSnapshotAndOneDerivation() {
        put("i-1");
        long first = snapshot(store);
        assertThat(snapshot(store)).isEqualTo(first).isNotNegative();

        List<TestValues.Instance> a = derived(store, EU);
        List<TestValues.Instance> b = derived(store, EU);
        assertThat(b).isSameAs(a);
        assertThat(derivations).hasValue(1);
    }

    @Test
    void everyCommitChangesTheSnapshotAndTheDerivation() {
        put("i-1");
        long before = snapshot(store);
        assertThat(derived(store, EU)).hasSize(1);
        put("i-2");
        assertThat(snapshot(store)).isNotEqualTo(before);
        assertThat(derived(store, EU)).hasSize(2);
        store.write(EU, tx -> tx.delete(INSTANCES, "i-1"));
        assertThat(derived(store, EU)).extracting(TestValues.Instance::id).containsExactly("i-2");
        assertThat(derivations).hasValue(3);
    }

    @Test
    void aWriteThatChangesNothingKeepsTheSnapshot() {
        put("i-1");
        long before = snapshot(store);
        store.write(EU, tx -> tx.get(INSTANCES, "i-1"));
        assertThat(snapshot(store)).isEqualTo(before);
    }

    @Test
    void writeTransactionsHaveNoSnapshotAndDeriveEveryTime() {
        put("i-1");
        store.write(EU, tx -> {
            tx.put(INSTANCES, "i-9", instance("i-9"));
            assertThat(tx.snapshot()).isEqualTo(-1);
            assertThat(memo.get(tx, t -> t.list(INSTANCES))).hasSize(2);
            return null;
        });
        assertThat(derived(store, EU)).hasSize(2);
    }

    @Test
    void scopesAndStoresNeverShareADerivation() {
        put("i-1");
        assertThat(derived(store, EU)).hasSize(1);
        assertThat(derived(store, US)).isEmpty();
        assertThat(derived(other, EU)).isEmpty();
        assertThat(snapshot(store)).isNotEqualTo(snapshot(other));
    }
}
