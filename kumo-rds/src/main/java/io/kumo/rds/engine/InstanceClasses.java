package io.kumo.rds.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The DB instance classes Kumo accepts, with their memory (which RDS's parameter formulas such
 * as {DBInstanceClassMemory/12582880} read) and vCPUs. Graviton (g) classes are offered for
 * every engine, as RDS offers them for these.
 */
public final class InstanceClasses {

    /** @param memoryMiB the class's memory */
    public record InstanceClass(String name, int vcpus, long memoryMiB) {

        public long memoryBytes() {
            return memoryMiB * 1024 * 1024;
        }
    }

    private static final Map<String, InstanceClass> ALL = new LinkedHashMap<>();

    static {
        burstable("db.t3");
        burstable("db.t4g");
        for (String family : new String[] {"db.m5", "db.m6g", "db.m6i", "db.m7g"}) {
            sized(family, 4096);
        }
        for (String family : new String[] {"db.r5", "db.r6g", "db.r6i", "db.r7g"}) {
            sized(family, 8192);
        }
    }

    private InstanceClasses() {
    }

    public static Optional<InstanceClass> find(String name) {
        return Optional.ofNullable(name == null ? null : ALL.get(name));
    }

    public static Iterable<InstanceClass> all() {
        return ALL.values();
    }

    private static void burstable(String family) {
        add(family + ".micro", 2, 1024);
        add(family + ".small", 2, 2048);
        add(family + ".medium", 2, 4096);
        add(family + ".large", 2, 8192);
        add(family + ".xlarge", 4, 16384);
        add(family + ".2xlarge", 8, 32768);
    }

    /** General purpose and memory optimised classes: 2 vCPUs at large, doubling with each size. */
    private static void sized(String family, long mibPerVcpu) {
        String[] sizes = {"large", "xlarge", "2xlarge", "4xlarge", "8xlarge"};
        int vcpus = 2;
        for (String size : sizes) {
            add(family + "." + size, vcpus, vcpus * mibPerVcpu);
            vcpus *= 2;
        }
    }

    private static void add(String name, int vcpus, long memoryMiB) {
        ALL.put(name, new InstanceClass(name, vcpus, memoryMiB));
    }
}
