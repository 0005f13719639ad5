package io.kumo.core.store;

/**
 * A named collection of values of one type. Values must be immutable (records of immutable
 * collections) and serialisable by Jackson, because the store keeps them durably.
 *
 * @param name  unique across Kumo, by convention {@code service.thing}
 * @param type  the value class, used to read values back after a restart
 * @param scope how keys are partitioned
 */
public record Table<V>(String name, Class<V> type, Partition scope) {

    public enum Partition {
        /** One partition per account and region (VPCs, instances). */
        REGION,
        /** One partition per account (IAM users, hosted zones). */
        ACCOUNT,
        /** One partition for the whole Kumo (access keys, settings). */
        GLOBAL
    }

    public static <V> Table<V> regional(String name, Class<V> type) {
        return new Table<>(name, type, Partition.REGION);
    }

    public static <V> Table<V> account(String name, Class<V> type) {
        return new Table<>(name, type, Partition.ACCOUNT);
    }

    public static <V> Table<V> global(String name, Class<V> type) {
        return new Table<>(name, type, Partition.GLOBAL);
    }
}
