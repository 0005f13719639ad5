package io.kumo.ec2.compute.instance;

import io.kumo.core.AwsException;
import io.kumo.core.store.Tx;
import io.kumo.ec2.compute.ComputeKinds;
import io.kumo.ec2.compute.eni.NetworkInterfaceRecord;
import io.kumo.ec2.compute.image.ImageRecord;
import io.kumo.ec2.compute.volume.Volumes;
import io.kumo.ec2.network.Lookups;
import io.kumo.ec2.network.NetworkKinds;
import io.kumo.ec2.network.region.DefaultVpc;
import io.kumo.ec2.network.sg.SecurityGroups;
import io.kumo.ec2.network.subnet.SubnetRecord;
import io.kumo.ec2.support.Ec2Errors;
import software.amazon.awssdk.services.ec2.model.BlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.InstanceNetworkInterfaceSpecification;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What RunInstances will create for each instance, worked out and validated before anything is
 * created: its network interfaces (from NetworkInterfaces or the instance-level subnet, groups
 * and address) and its EBS volumes (the image's root device, resized or retyped by
 * BlockDeviceMappings, plus any extra EBS mappings).
 */
final class LaunchPlan {
    private LaunchPlan() {
    }

    /** One interface to create or attach, from NetworkInterfaces or from the instance-level parameters. */
    record InterfacePlan(int deviceIndex, String existingId, SubnetRecord subnet, List<String> groupIds, String privateIp,
                                 String description, boolean autoPublicIp, boolean deleteOnTermination) {
    }

    /** One volume to create with each instance. */
    record VolumePlan(String device, int size, String type, Integer iops, Integer throughput, String snapshotId,
                              boolean deleteOnTermination, boolean encrypted) {
    }

    static List<InterfacePlan> interfaces(Tx tx, RunInstancesRequest in, String zone, int maxCount) {
        if (in.networkInterfaces().isEmpty()) {
            SubnetRecord subnet = in.subnetId() != null ? Lookups.require(tx, NetworkKinds.SUBNET, in.subnetId()) : defaultSubnet(tx, zone);
            if (in.privateIpAddress() != null && maxCount > 1) {
                throw Ec2Errors.invalidParameterCombination("Cannot specify a private IP address when launching more than one instance");
            }
            List<String> groups = SecurityGroups.resolve(tx, subnet.vpcId(), in.subnetId(), in.securityGroupIds(), in.securityGroups());
            return List.of(new InterfacePlan(0, null, subnet, groups, in.privateIpAddress(), "", subnet.mapPublicIpOnLaunch(), true));
        }
        List<InstanceNetworkInterfaceSpecification> specs = new ArrayList<>(in.networkInterfaces());
        specs.sort(Comparator.comparingInt(s -> s.deviceIndex() == null ? Integer.MAX_VALUE : s.deviceIndex()));
        if (specs.getFirst().deviceIndex() == null || specs.getFirst().deviceIndex() != 0) {
            throw Ec2Errors.invalidParameterValue("Each network interface requires a device index, and one of them must be 0.");
        }
        boolean several = specs.size() > 1;
        List<InterfacePlan> plans = new ArrayList<>();
        int lastIndex = -1;
        for (InstanceNetworkInterfaceSpecification spec : specs) {
            if (spec.deviceIndex() == null || spec.deviceIndex() == lastIndex) {
                throw Ec2Errors.invalidParameterValue("Each network interface requires a unique device index.");
            }
            lastIndex = spec.deviceIndex();
            if (spec.associatePublicIpAddress() != null && several) {
                throw Ec2Errors.invalidParameterCombination(
                        "The associatePublicIPAddress parameter cannot be specified when launching with multiple network interfaces.");
            }
            if (spec.networkInterfaceId() != null) {
                if (maxCount > 1) {
                    throw Ec2Errors.invalidParameterCombination("Cannot specify an existing network interface when launching more than one instance");
                }
                NetworkInterfaceRecord eni = Lookups.require(tx, ComputeKinds.NETWORK_INTERFACE, spec.networkInterfaceId());
                if (eni.attachment() != null) {
                    throw AwsException.badRequest("InvalidNetworkInterface.InUse", "Interface: [" + eni.networkInterfaceId() + "] in use.");
                }
                SubnetRecord subnet = Lookups.require(tx, NetworkKinds.SUBNET, eni.subnetId());
                plans.add(new InterfacePlan(spec.deviceIndex(), eni.networkInterfaceId(), subnet, eni.groupIds(), null, null,
                        Boolean.TRUE.equals(spec.associatePublicIpAddress()), Boolean.TRUE.equals(spec.deleteOnTermination())));
                continue;
            }
            SubnetRecord subnet = spec.subnetId() != null ? Lookups.require(tx, NetworkKinds.SUBNET, spec.subnetId()) : defaultSubnet(tx, zone);
            if (spec.privateIpAddress() != null && maxCount > 1) {
                throw Ec2Errors.invalidParameterCombination("Cannot specify a private IP address when launching more than one instance");
            }
            List<String> groups = SecurityGroups.resolve(tx, subnet.vpcId(), subnet.subnetId(), spec.groups(), List.of());
            boolean publicIp = spec.deviceIndex() == 0 && !several
                    && (spec.associatePublicIpAddress() != null ? spec.associatePublicIpAddress() : subnet.mapPublicIpOnLaunch());
            plans.add(new InterfacePlan(spec.deviceIndex(), null, subnet, groups, spec.privateIpAddress(), spec.description(), publicIp,
                    spec.deleteOnTermination() == null || spec.deleteOnTermination()));
        }
        String zoneOfPrimary = plans.getFirst().subnet().availabilityZone();
        for (InterfacePlan plan : plans) {
            if (!plan.subnet().availabilityZone().equals(zoneOfPrimary)) {
                throw Ec2Errors.invalidParameterValue("All network interfaces of an instance must be in the same Availability Zone.");
            }
        }
        return plans;
    }

    private static SubnetRecord defaultSubnet(Tx tx, String zone) {
        if (DefaultVpc.vpcId(tx).isEmpty()) {
            throw AwsException.badRequest("VPCIdNotSpecified", "No default VPC for this user");
        }
        return DefaultVpc.defaultSubnet(tx, zone).orElseThrow(() -> AwsException.badRequest("MissingInput",
                "No subnets found for the default VPC '" + DefaultVpc.vpcId(tx).orElseThrow() + "'. Please specify a subnet."));
    }

    static List<VolumePlan> volumes(List<BlockDeviceMapping> mappings, ImageRecord image) {
        ImageRecord.BlockDevice root = image.rootDevice();
        List<VolumePlan> plans = new ArrayList<>();
        VolumePlan rootPlan = new VolumePlan(root.deviceName(), root.volumeSize(), root.volumeType(), null, null, root.snapshotId(), true,
                root.encrypted());
        for (BlockDeviceMapping m : mappings) {
            if (m.deviceName() == null) {
                throw Ec2Errors.missingParameter("BlockDeviceMapping.DeviceName");
            }
            if (m.ebs() == null) {
                continue; // NoDevice and instance-store (VirtualName) mappings add no EBS volume
            }
            var ebs = m.ebs();
            if (m.deviceName().equals(root.deviceName())) {
                int size = ebs.volumeSize() == null ? root.volumeSize() : ebs.volumeSize();
                if (size < root.volumeSize()) {
                    throw AwsException.badRequest("InvalidBlockDeviceMapping", "Volume of size " + size + "GB is smaller than snapshot '"
                            + root.snapshotId() + "', expect size >= " + root.volumeSize() + "GB");
                }
                String volumeType = Volumes.checkType(ebs.volumeTypeAsString() == null ? root.volumeType() : ebs.volumeTypeAsString());
                Volumes.checkSize(volumeType, size);
                rootPlan = new VolumePlan(root.deviceName(), size, volumeType, ebs.iops(), ebs.throughput(), root.snapshotId(),
                        ebs.deleteOnTermination() == null || ebs.deleteOnTermination(), Boolean.TRUE.equals(ebs.encrypted()));
            } else {
                if (ebs.volumeSize() == null && ebs.snapshotId() == null) {
                    throw AwsException.badRequest("InvalidBlockDeviceMapping",
                            "Either snapshot ID or volume size must be provided for: " + m.deviceName());
                }
                if (plans.stream().anyMatch(p -> p.device().equals(m.deviceName()))) {
                    throw AwsException.badRequest("InvalidBlockDeviceMapping", "The device '" + m.deviceName() + "' is used in more than one block-device mapping");
                }
                int size = ebs.volumeSize() == null ? 8 : ebs.volumeSize();
                String volumeType = Volumes.checkType(ebs.volumeTypeAsString() == null ? "gp2" : ebs.volumeTypeAsString());
                Volumes.checkSize(volumeType, size);
                plans.add(new VolumePlan(m.deviceName(), size, volumeType, ebs.iops(), ebs.throughput(), ebs.snapshotId(),
                        ebs.deleteOnTermination() == null || ebs.deleteOnTermination(), Boolean.TRUE.equals(ebs.encrypted())));
            }
        }
        plans.addFirst(rootPlan);
        return plans;
    }
}
