package io.kumo.ec2.compute.instance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The instance types Kumo knows: the common families (burstable, general purpose, compute and
 * memory optimised, Intel, AMD and Graviton) with AWS's vCPU, memory and network facts.
 * RunInstances accepts exactly these names.
 */
public final class InstanceTypes {
    private InstanceTypes() {
    }

    /**
     * @param hypervisor "xen" or "nitro"
     * @param maxInterfaces the most network interfaces an instance of the type can have
     */
    public record Spec(String name, int vcpus, int threadsPerCore, long memoryMiB, String architecture, String hypervisor,
                       boolean burstable, boolean currentGeneration, boolean freeTierEligible, String networkPerformance,
                       int maxInterfaces, int ipv4PerInterface, double clockGhz) {

        public String family() {
            return name.substring(0, name.indexOf('.'));
        }

        public int cores() {
            return Math.max(1, vcpus / threadsPerCore);
        }
    }

    private record Size(String size, int vcpus, long memoryGiBTimes4, String network, int enis, int ipsPerEni) {
    }

    private static final Map<String, Spec> BY_NAME = new LinkedHashMap<>();

    static {
        add(spec("m1.small", 1, 1, 1740, "x86_64", "xen", false, false, false, "Low", 2, 4, 2.0));
        for (Size s : List.of(
                new Size("nano", 1, 2, "Low to Moderate", 2, 2), new Size("micro", 1, 4, "Low to Moderate", 2, 2),
                new Size("small", 1, 8, "Low to Moderate", 3, 4), new Size("medium", 2, 16, "Low to Moderate", 3, 6),
                new Size("large", 2, 32, "Low to Moderate", 3, 12), new Size("xlarge", 4, 64, "Moderate", 3, 15),
                new Size("2xlarge", 8, 128, "Moderate", 3, 15))) {
            add(spec("t2." + s.size(), s.vcpus(), 1, s.memoryGiBTimes4() * 256, "x86_64", "xen", true, true,
                    s.size().equals("micro"), s.network(), s.enis(), s.ipsPerEni(), 2.3));
        }
        List<Size> burstable = List.of(
                new Size("nano", 2, 2, "Up to 5 Gigabit", 2, 2), new Size("micro", 2, 4, "Up to 5 Gigabit", 2, 2),
                new Size("small", 2, 8, "Up to 5 Gigabit", 3, 4), new Size("medium", 2, 16, "Up to 5 Gigabit", 3, 6),
                new Size("large", 2, 32, "Up to 5 Gigabit", 3, 12), new Size("xlarge", 4, 64, "Up to 5 Gigabit", 4, 15),
                new Size("2xlarge", 8, 128, "Up to 5 Gigabit", 4, 15));
        for (Size s : burstable) {
            add(spec("t3." + s.size(), s.vcpus(), 2, s.memoryGiBTimes4() * 256, "x86_64", "nitro", true, true,
                    s.size().equals("micro"), s.network(), s.enis(), s.ipsPerEni(), 2.5));
            add(spec("t3a." + s.size(), s.vcpus(), 2, s.memoryGiBTimes4() * 256, "x86_64", "nitro", true, true,
                    false, s.network(), s.enis(), s.ipsPerEni(), 2.2));
            add(spec("t4g." + s.size(), s.vcpus(), 1, s.memoryGiBTimes4() * 256, "arm64", "nitro", true, true,
                    false, s.network(), s.enis(), s.ipsPerEni(), 2.5));
        }
        List<Size> general = List.of(
                new Size("large", 2, 32, "Up to 10 Gigabit", 3, 10), new Size("xlarge", 4, 64, "Up to 10 Gigabit", 4, 15),
                new Size("2xlarge", 8, 128, "Up to 10 Gigabit", 4, 15), new Size("4xlarge", 16, 256, "Up to 10 Gigabit", 8, 30),
                new Size("8xlarge", 32, 512, "10 Gigabit", 8, 30), new Size("12xlarge", 48, 768, "12 Gigabit", 8, 30),
                new Size("16xlarge", 64, 1024, "20 Gigabit", 15, 50), new Size("24xlarge", 96, 1536, "25 Gigabit", 15, 50));
        family(List.of("m5", "m6i", "m7i", "m6a"), general, "x86_64");
        family(List.of("m6g", "m7g"), general.subList(0, 7), "arm64");
        List<Size> compute = List.of(
                new Size("large", 2, 16, "Up to 10 Gigabit", 3, 10), new Size("xlarge", 4, 32, "Up to 10 Gigabit", 4, 15),
                new Size("2xlarge", 8, 64, "Up to 10 Gigabit", 4, 15), new Size("4xlarge", 16, 128, "Up to 10 Gigabit", 8, 30),
                new Size("8xlarge", 32, 256, "12.5 Gigabit", 8, 30), new Size("12xlarge", 48, 384, "18.75 Gigabit", 8, 30),
                new Size("16xlarge", 64, 512, "25 Gigabit", 15, 50), new Size("24xlarge", 96, 768, "37.5 Gigabit", 15, 50));
        family(List.of("c6i", "c7i"), compute, "x86_64");
        family(List.of("c6g", "c7g"), compute.subList(0, 7), "arm64");
        family(List.of("c5"), List.of(
                new Size("large", 2, 16, "Up to 10 Gigabit", 3, 10), new Size("xlarge", 4, 32, "Up to 10 Gigabit", 4, 15),
                new Size("2xlarge", 8, 64, "Up to 10 Gigabit", 4, 15), new Size("4xlarge", 16, 128, "Up to 10 Gigabit", 8, 30),
                new Size("9xlarge", 36, 288, "12 Gigabit", 8, 30), new Size("12xlarge", 48, 384, "12 Gigabit", 8, 30),
                new Size("18xlarge", 72, 576, "25 Gigabit", 15, 50), new Size("24xlarge", 96, 768, "25 Gigabit", 15, 50)), "x86_64");
        List<Size> memory = List.of(
                new Size("large", 2, 64, "Up to 10 Gigabit", 3, 10), new Size("xlarge", 4, 128, "Up to 10 Gigabit", 4, 15),
                new Size("2xlarge", 8, 256, "Up to 10 Gigabit", 4, 15), new Size("4xlarge", 16, 512, "Up to 10 Gigabit", 8, 30),
                new Size("8xlarge", 32, 1024, "10 Gigabit", 8, 30), new Size("12xlarge", 48, 1536, "12 Gigabit", 8, 30),
                new Size("16xlarge", 64, 2048, "20 Gigabit", 15, 50), new Size("24xlarge", 96, 3072, "25 Gigabit", 15, 50));
        family(List.of("r5", "r6i", "r7i"), memory, "x86_64");
        family(List.of("r6g", "r7g"), memory.subList(0, 7), "arm64");
    }

    private static void family(List<String> names, List<Size> sizes, String architecture) {
        for (String family : names) {
            for (Size s : sizes) {
                boolean arm = architecture.equals("arm64");
                add(spec(family + "." + s.size(), s.vcpus(), arm ? 1 : 2, s.memoryGiBTimes4() * 256, architecture, "nitro",
                        false, true, false, s.network(), s.enis(), s.ipsPerEni(), arm ? 2.5 : 3.1));
            }
        }
    }

    private static Spec spec(String name, int vcpus, int threads, long memoryMiB, String arch, String hypervisor, boolean burstable,
                             boolean current, boolean freeTier, String network, int enis, int ips, double ghz) {
        return new Spec(name, vcpus, threads, memoryMiB, arch, hypervisor, burstable, current, freeTier, network, enis, ips, ghz);
    }

    private static void add(Spec spec) {
        BY_NAME.put(spec.name(), spec);
    }

    /** The type RunInstances uses when the request names none, as EC2 documents. */
    public static final String DEFAULT = "m1.small";

    public static Optional<Spec> find(String name) {
        return Optional.ofNullable(name).map(BY_NAME::get);
    }

    /** Every type, ordered by name. */
    public static List<Spec> all() {
        List<Spec> out = new ArrayList<>(BY_NAME.values());
        out.sort((a, b) -> a.name().compareTo(b.name()));
        return out;
    }
}
