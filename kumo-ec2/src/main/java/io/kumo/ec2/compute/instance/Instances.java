package io.kumo.ec2.compute.instance;

import io.kumo.core.output.OutputMemo;
import io.kumo.ec2.compute.HostNames;
import io.kumo.ec2.compute.eni.NetworkInterfaceRecord;
import io.kumo.ec2.compute.volume.VolumeRecord;
import io.kumo.ec2.support.Filters;
import io.kumo.ec2.support.Tags;
import software.amazon.awssdk.services.ec2.model.CapacityReservationSpecificationResponse;
import software.amazon.awssdk.services.ec2.model.CpuOptions;
import software.amazon.awssdk.services.ec2.model.EbsInstanceBlockDevice;
import software.amazon.awssdk.services.ec2.model.EnclaveOptions;
import software.amazon.awssdk.services.ec2.model.GroupIdentifier;
import software.amazon.awssdk.services.ec2.model.HibernationOptions;
import software.amazon.awssdk.services.ec2.model.IamInstanceProfile;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceBlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.InstanceMaintenanceOptions;
import software.amazon.awssdk.services.ec2.model.InstanceMetadataOptionsResponse;
import software.amazon.awssdk.services.ec2.model.InstanceNetworkInterface;
import software.amazon.awssdk.services.ec2.model.InstanceNetworkInterfaceAssociation;
import software.amazon.awssdk.services.ec2.model.InstanceNetworkInterfaceAttachment;
import software.amazon.awssdk.services.ec2.model.InstancePrivateIpAddress;
import software.amazon.awssdk.services.ec2.model.Monitoring;
import software.amazon.awssdk.services.ec2.model.Placement;
import software.amazon.awssdk.services.ec2.model.PrivateDnsNameOptionsResponse;
import software.amazon.awssdk.services.ec2.model.StateReason;

import java.util.List;
import java.util.Map;

/** The SDK shape of an instance, and DescribeInstances' filters. */
public final class Instances {
    private Instances() {
    }

    /** Unchanged instances are described by the same object, which the protocol layer encodes once. */
    private static final OutputMemo<InstanceView, Instance> DESCRIBED = new OutputMemo<>(4096);

    public static Instance described(InstanceView v) {
        return DESCRIBED.get(v.instance().instanceId(), v, Instances::toSdk);
    }

    public static Instance toSdk(InstanceView v) {
        InstanceRecord r = v.instance();
        InstanceRecord.Launch launch = r.launch();
        InstanceRecord.Settings settings = r.settings();
        boolean gone = v.terminated();
        NetworkInterfaceRecord primary = v.primary();
        String publicIp = v.publicIp();
        Instance.Builder b = Instance.builder()
                .instanceId(r.instanceId())
                .imageId(launch.imageId())
                .state(r.state().toSdk())
                .privateDnsName(gone ? "" : HostNames.privateDnsName(v.region(), launch.privateIpAddress()))
                .publicDnsName(publicIp != null && v.dnsHostnames() ? HostNames.publicDnsName(v.region(), publicIp) : "")
                .stateTransitionReason(r.lifecycle().transitionReason())
                .keyName(launch.keyName())
                .amiLaunchIndex(launch.amiLaunchIndex())
                .productCodes(List.of())
                .instanceType(settings.instanceType())
                .launchTime(r.lifecycle().launchTime())
                .placement(Placement.builder().availabilityZone(launch.availabilityZone())
                        .groupName(launch.placementGroupName() == null ? "" : launch.placementGroupName())
                        .tenancy(launch.tenancy()).build())
                .kernelId(settings.kernelId())
                .ramdiskId(settings.ramdiskId())
                .monitoring(Monitoring.builder().state(settings.monitoring()).build())
                .subnetId(gone ? null : launch.subnetId())
                .vpcId(gone ? null : launch.vpcId())
                .privateIpAddress(gone ? null : launch.privateIpAddress())
                .publicIpAddress(publicIp)
                .architecture(launch.architecture())
                .rootDeviceType("ebs")
                .rootDeviceName(launch.rootDeviceName())
                .blockDeviceMappings(gone ? List.of() : v.volumes().stream().map(Instances::mapping).toList())
                .virtualizationType("hvm")
                .clientToken(launch.clientToken() == null ? "" : launch.clientToken())
                .tags(Tags.toSdk(v.tags()))
                .securityGroups(gone ? List.of() : groups(v.groupIds(), v.groupNames()))
                .sourceDestCheck(primary == null ? null : primary.sourceDestCheck())
                .hypervisor("xen")
                .networkInterfaces(gone ? List.of() : v.interfaces().stream().map(e -> networkInterface(v, e)).toList())
                .ebsOptimized(settings.ebsOptimized())
                .enaSupport(true)
                .cpuOptions(CpuOptions.builder().coreCount(launch.coreCount()).threadsPerCore(launch.threadsPerCore()).build())
                .capacityReservationSpecification(CapacityReservationSpecificationResponse.builder()
                        .capacityReservationPreference("open").build())
                .hibernationOptions(HibernationOptions.builder().configured(launch.hibernationConfigured()).build())
                .metadataOptions(metadata(launch.metadata(), r.state()))
                .enclaveOptions(EnclaveOptions.builder().enabled(false).build())
                .bootMode(launch.bootMode())
                .currentInstanceBootMode(currentBootMode(launch))
                .platformDetails(launch.platformDetails())
                .usageOperation("RunInstances")
                .usageOperationUpdateTime(r.lifecycle().launchTime())
                .privateDnsNameOptions(PrivateDnsNameOptionsResponse.builder().hostnameType("ip-name")
                        .enableResourceNameDnsARecord(false).enableResourceNameDnsAAAARecord(false).build())
                .maintenanceOptions(InstanceMaintenanceOptions.builder().autoRecovery("default").build());
        if (r.lifecycle().reasonCode() != null) {
            b.stateReason(StateReason.builder().code(r.lifecycle().reasonCode()).message(r.lifecycle().reasonMessage()).build());
        }
        if (launch.iamInstanceProfileArn() != null) {
            b.iamInstanceProfile(IamInstanceProfile.builder().arn(launch.iamInstanceProfileArn()).id(launch.iamInstanceProfileId()).build());
        }
        return b.build();
    }

    /** arm64 instances boot UEFI; x86_64 ones legacy BIOS unless the image insists on UEFI. */
    static String currentBootMode(InstanceRecord.Launch launch) {
        return launch.architecture().equals("arm64") || "uefi".equals(launch.bootMode()) ? "uefi" : "legacy-bios";
    }

    private static InstanceMetadataOptionsResponse metadata(InstanceRecord.Metadata m, InstanceState state) {
        return InstanceMetadataOptionsResponse.builder()
                .state(state == InstanceState.PENDING ? "pending" : "applied")
                .httpTokens(m.httpTokens())
                .httpPutResponseHopLimit(m.httpPutResponseHopLimit())
                .httpEndpoint(m.httpEndpoint())
                .httpProtocolIpv6(m.httpProtocolIpv6())
                .instanceMetadataTags(m.instanceMetadataTags())
                .build();
    }

    public static List<GroupIdentifier> groups(List<String> ids, Map<String, String> names) {
        return ids.stream().map(id -> GroupIdentifier.builder().groupId(id).groupName(names.get(id)).build()).toList();
    }

    private static InstanceBlockDeviceMapping mapping(VolumeRecord volume) {
        VolumeRecord.Attachment a = volume.attachment();
        return InstanceBlockDeviceMapping.builder()
                .deviceName(a.device())
                .ebs(EbsInstanceBlockDevice.builder().attachTime(a.attachTime()).deleteOnTermination(a.deleteOnTermination())
                        .status(a.state()).volumeId(volume.volumeId()).build())
                .build();
    }

    private static InstanceNetworkInterface networkInterface(InstanceView v, NetworkInterfaceRecord e) {
        InstanceNetworkInterfaceAssociation association = null;
        if (e.publicIp() != null) {
            association = InstanceNetworkInterfaceAssociation.builder()
                    .ipOwnerId(e.publicIp().ipOwnerId())
                    .publicIp(e.publicIp().publicIp())
                    .publicDnsName(v.dnsHostnames() ? HostNames.publicDnsName(v.region(), e.publicIp().publicIp()) : "")
                    .build();
        }
        NetworkInterfaceRecord.Attachment a = e.attachment();
        return InstanceNetworkInterface.builder()
                .association(association)
                .attachment(InstanceNetworkInterfaceAttachment.builder()
                        .attachTime(a.attachTime()).attachmentId(a.attachmentId()).deleteOnTermination(a.deleteOnTermination())
                        .deviceIndex(a.deviceIndex()).networkCardIndex(0).status(a.status()).build())
                .description(e.description())
                .groups(groups(e.groupIds(), v.groupNames()))
                .ipv6Addresses(List.of())
                .macAddress(e.macAddress())
                .networkInterfaceId(e.networkInterfaceId())
                .ownerId(e.ownerId())
                .privateDnsName(e.privateDnsName())
                .privateIpAddress(e.privateIpAddress())
                .privateIpAddresses(InstancePrivateIpAddress.builder()
                        .association(association).primary(true).privateDnsName(e.privateDnsName())
                        .privateIpAddress(e.privateIpAddress()).build())
                .sourceDestCheck(e.sourceDestCheck())
                .status(e.status())
                .subnetId(e.subnetId())
                .vpcId(e.vpcId())
                .interfaceType(e.interfaceType())
                .build();
    }

    public static final Filters<InstanceView> FILTERS = Filters.<InstanceView>forType(InstanceView::tags)
            .one("instance-id", v -> v.instance().instanceId())
            .one("instance-state-name", v -> v.instance().state().apiName())
            .one("instance-state-code", v -> v.instance().state().code())
            .one("instance-type", v -> v.instance().settings().instanceType())
            .one("image-id", v -> v.instance().launch().imageId())
            .one("vpc-id", v -> v.terminated() ? null : v.instance().launch().vpcId())
            .one("subnet-id", v -> v.terminated() ? null : v.instance().launch().subnetId())
            .one("availability-zone", v -> v.instance().launch().availabilityZone())
            .one("placement-group-name", v -> v.instance().launch().placementGroupName())
            .one("tenancy", v -> v.instance().launch().tenancy())
            .one("private-ip-address", v -> v.terminated() ? null : v.instance().launch().privateIpAddress())
            .one("ip-address", InstanceView::publicIp)
            .one("private-dns-name", v -> v.terminated() ? null : HostNames.privateDnsName(v.region(), v.instance().launch().privateIpAddress()))
            .one("dns-name", v -> v.publicIp() != null && v.dnsHostnames() ? HostNames.publicDnsName(v.region(), v.publicIp()) : null)
            .one("key-name", v -> v.instance().launch().keyName())
            .one("reservation-id", v -> v.instance().reservationId())
            .one("owner-id", v -> v.instance().ownerId())
            .one("launch-time", v -> v.instance().lifecycle().launchTime())
            .one("launch-index", v -> v.instance().launch().amiLaunchIndex())
            .one("architecture", v -> v.instance().launch().architecture())
            .one("root-device-name", v -> v.instance().launch().rootDeviceName())
            .one("root-device-type", v -> "ebs")
            .one("virtualization-type", v -> "hvm")
            .one("hypervisor", v -> "xen")
            .one("platform-details", v -> v.instance().launch().platformDetails())
            .one("client-token", v -> v.instance().launch().clientToken())
            .one("monitoring-state", v -> v.instance().settings().monitoring())
            .one("source-dest-check", v -> v.primary() == null ? null : v.primary().sourceDestCheck())
            .one("state-reason-code", v -> v.instance().lifecycle().reasonCode())
            .one("state-reason-message", v -> v.instance().lifecycle().reasonMessage())
            .one("iam-instance-profile.arn", v -> v.instance().launch().iamInstanceProfileArn())
            .one("metadata-options.http-tokens", v -> v.instance().launch().metadata().httpTokens())
            .one("metadata-options.http-endpoint", v -> v.instance().launch().metadata().httpEndpoint())
            .one("ebs-optimized", v -> v.instance().settings().ebsOptimized())
            .one("hibernation-options.configured", v -> v.instance().launch().hibernationConfigured())
            .many("instance.group-id", v -> v.terminated() ? List.of() : v.groupIds())
            .many("instance.group-name", v -> v.terminated() ? List.of() : v.groupIds().stream().map(v.groupNames()::get).toList())
            .many("group-id", v -> v.terminated() ? List.of() : v.groupIds())
            .many("group-name", v -> v.terminated() ? List.of() : v.groupIds().stream().map(v.groupNames()::get).toList())
            .many("block-device-mapping.volume-id", v -> v.volumes().stream().map(VolumeRecord::volumeId).toList())
            .many("block-device-mapping.device-name", v -> v.volumes().stream().map(x -> x.attachment().device()).toList())
            .many("block-device-mapping.status", v -> v.volumes().stream().map(x -> x.attachment().state()).toList())
            .many("block-device-mapping.delete-on-termination",
                    v -> v.volumes().stream().map(x -> x.attachment().deleteOnTermination()).toList())
            .many("network-interface.network-interface-id", v -> enis(v, NetworkInterfaceRecord::networkInterfaceId))
            .many("network-interface.subnet-id", v -> enis(v, NetworkInterfaceRecord::subnetId))
            .many("network-interface.vpc-id", v -> enis(v, NetworkInterfaceRecord::vpcId))
            .many("network-interface.private-ip-address", v -> enis(v, NetworkInterfaceRecord::privateIpAddress))
            .many("network-interface.mac-address", v -> enis(v, NetworkInterfaceRecord::macAddress))
            .many("network-interface.description", v -> enis(v, NetworkInterfaceRecord::description))
            .many("network-interface.status", v -> enis(v, NetworkInterfaceRecord::status))
            .many("network-interface.source-dest-check", v -> enis(v, NetworkInterfaceRecord::sourceDestCheck))
            .many("network-interface.attachment.attachment-id", v -> enis(v, e -> e.attachment().attachmentId()))
            .many("network-interface.attachment.device-index", v -> enis(v, e -> e.attachment().deviceIndex()))
            .many("network-interface.attachment.status", v -> enis(v, e -> e.attachment().status()))
            .many("network-interface.attachment.delete-on-termination", v -> enis(v, e -> e.attachment().deleteOnTermination()))
            .many("network-interface.group-id", v -> v.interfaces().stream().flatMap(e -> e.groupIds().stream()).toList())
            .many("network-interface.addresses.private-ip-address", v -> enis(v, NetworkInterfaceRecord::privateIpAddress))
            .many("network-interface.association.public-ip",
                    v -> enis(v, e -> e.publicIp() == null ? null : e.publicIp().publicIp()))
            .many("network-interface.association.ip-owner-id",
                    v -> enis(v, e -> e.publicIp() == null ? null : e.publicIp().ipOwnerId()))
            .many("network-interface.association.allocation-id",
                    v -> enis(v, e -> e.publicIp() == null ? null : e.publicIp().allocationId()))
            .many("network-interface.association.association-id",
                    v -> enis(v, e -> e.publicIp() == null ? null : e.publicIp().associationId()));

    private static List<Object> enis(InstanceView v, java.util.function.Function<NetworkInterfaceRecord, ?> field) {
        return v.interfaces().stream().<Object>map(field).toList();
    }
}
