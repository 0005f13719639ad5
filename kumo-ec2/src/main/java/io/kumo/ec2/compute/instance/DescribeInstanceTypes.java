package io.kumo.ec2.compute.instance;

import io.kumo.core.AwsException;
import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.ec2.support.Filters;
import io.kumo.ec2.support.Pages;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceTypesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceTypesResponse;
import software.amazon.awssdk.services.ec2.model.EbsInfo;
import software.amazon.awssdk.services.ec2.model.InstanceTypeInfo;
import software.amazon.awssdk.services.ec2.model.MemoryInfo;
import software.amazon.awssdk.services.ec2.model.NetworkCardInfo;
import software.amazon.awssdk.services.ec2.model.NetworkInfo;
import software.amazon.awssdk.services.ec2.model.PlacementGroupInfo;
import software.amazon.awssdk.services.ec2.model.ProcessorInfo;
import software.amazon.awssdk.services.ec2.model.VCpuInfo;

import java.util.ArrayList;
import java.util.List;

/** DescribeInstanceTypes over Kumo's table of instance types. */
public final class DescribeInstanceTypes implements Handler<DescribeInstanceTypesRequest, DescribeInstanceTypesResponse> {

    private static final Filters<InstanceTypes.Spec> FILTERS = Filters.<InstanceTypes.Spec>forType(null)
            .one("instance-type", InstanceTypes.Spec::name)
            .one("current-generation", InstanceTypes.Spec::currentGeneration)
            .one("free-tier-eligible", InstanceTypes.Spec::freeTierEligible)
            .one("burstable-performance-supported", InstanceTypes.Spec::burstable)
            .one("hypervisor", InstanceTypes.Spec::hypervisor)
            .one("bare-metal", s -> false)
            .one("processor-info.supported-architecture", InstanceTypes.Spec::architecture)
            .one("vcpu-info.default-vcpus", InstanceTypes.Spec::vcpus)
            .one("vcpu-info.default-cores", InstanceTypes.Spec::cores)
            .one("vcpu-info.default-threads-per-core", InstanceTypes.Spec::threadsPerCore)
            .one("memory-info.size-in-mib", InstanceTypes.Spec::memoryMiB)
            .one("network-info.network-performance", InstanceTypes.Spec::networkPerformance)
            .one("network-info.maximum-network-interfaces", InstanceTypes.Spec::maxInterfaces)
            .one("network-info.ipv4-addresses-per-interface", InstanceTypes.Spec::ipv4PerInterface)
            .one("supported-root-device-type", s -> "ebs")
            .one("supported-virtualization-type", s -> "hvm")
            .many("supported-usage-class", s -> List.of("on-demand", "spot"))
            .many("supported-boot-mode", DescribeInstanceTypes::bootModes);

    @Override
    public DescribeInstanceTypesResponse handle(RequestContext ctx, DescribeInstanceTypesRequest in) {
        var predicate = FILTERS.compile(in.filters());
        List<InstanceTypes.Spec> selected = InstanceTypes.all();
        if (!in.instanceTypesAsStrings().isEmpty()) {
            List<String> missing = new ArrayList<>();
            for (String name : in.instanceTypesAsStrings()) {
                if (InstanceTypes.find(name).isEmpty()) {
                    missing.add(name);
                }
            }
            if (!missing.isEmpty()) {
                throw AwsException.badRequest("InvalidInstanceType", "The following supplied instance types do not exist: ["
                        + String.join(", ", missing) + "]");
            }
            selected = selected.stream().filter(s -> in.instanceTypesAsStrings().contains(s.name())).toList();
        }
        List<InstanceTypes.Spec> matching = selected.stream().filter(predicate).toList();
        var page = Pages.of(matching, in.maxResults(), in.nextToken(), 5, 100, InstanceTypes.Spec::name);
        return DescribeInstanceTypesResponse.builder()
                .instanceTypes(page.items().stream().map(DescribeInstanceTypes::toSdk).toList())
                .nextToken(page.nextToken())
                .build();
    }

    private static List<String> bootModes(InstanceTypes.Spec s) {
        return s.architecture().equals("arm64") ? List.of("uefi") : List.of("legacy-bios", "uefi");
    }

    static InstanceTypeInfo toSdk(InstanceTypes.Spec s) {
        boolean nitro = s.hypervisor().equals("nitro");
        return InstanceTypeInfo.builder()
                .instanceType(s.name())
                .currentGeneration(s.currentGeneration())
                .freeTierEligible(s.freeTierEligible())
                .supportedUsageClassesWithStrings("on-demand", "spot")
                .supportedRootDeviceTypesWithStrings("ebs")
                .supportedVirtualizationTypesWithStrings("hvm")
                .bareMetal(false)
                .hypervisor(s.hypervisor())
                .processorInfo(ProcessorInfo.builder().supportedArchitecturesWithStrings(s.architecture())
                        .sustainedClockSpeedInGhz(s.clockGhz()).manufacturer(s.architecture().equals("arm64") ? "AWS"
                                : s.family().endsWith("a") ? "AMD" : "Intel").build())
                .vCpuInfo(VCpuInfo.builder().defaultVCpus(s.vcpus()).defaultCores(s.cores()).defaultThreadsPerCore(s.threadsPerCore()).build())
                .memoryInfo(MemoryInfo.builder().sizeInMiB(s.memoryMiB()).build())
                .instanceStorageSupported(false)
                .ebsInfo(EbsInfo.builder().ebsOptimizedSupport(nitro ? "default" : "unsupported").encryptionSupport("supported")
                        .nvmeSupport(nitro ? "required" : "unsupported").build())
                .networkInfo(NetworkInfo.builder()
                        .networkPerformance(s.networkPerformance())
                        .maximumNetworkInterfaces(s.maxInterfaces())
                        .maximumNetworkCards(1)
                        .defaultNetworkCardIndex(0)
                        .networkCards(NetworkCardInfo.builder().networkCardIndex(0).networkPerformance(s.networkPerformance())
                                .maximumNetworkInterfaces(s.maxInterfaces()).build())
                        .ipv4AddressesPerInterface(s.ipv4PerInterface())
                        .ipv6AddressesPerInterface(s.ipv4PerInterface())
                        .ipv6Supported(true)
                        .enaSupport(nitro ? "required" : "unsupported")
                        .efaSupported(false)
                        .encryptionInTransitSupported(false)
                        .enaSrdSupported(false)
                        .build())
                .placementGroupInfo(PlacementGroupInfo.builder().supportedStrategiesWithStrings("cluster", "partition", "spread").build())
                .hibernationSupported(!s.architecture().equals("arm64") || nitro)
                .burstablePerformanceSupported(s.burstable())
                .dedicatedHostsSupported(nitro && !s.burstable())
                .autoRecoverySupported(true)
                .supportedBootModesWithStrings(bootModes(s))
                .build();
    }
}
