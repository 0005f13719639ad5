package io.kumo.ec2.compute.eni;

import io.kumo.core.store.Tx;
import io.kumo.ec2.compute.HostNames;
import io.kumo.ec2.network.sg.SecurityGroupRecord;
import io.kumo.ec2.network.vpc.VpcRecord;
import io.kumo.ec2.support.Filters;
import io.kumo.ec2.support.Tags;
import software.amazon.awssdk.services.ec2.model.GroupIdentifier;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.ec2.model.NetworkInterfaceAssociation;
import software.amazon.awssdk.services.ec2.model.NetworkInterfaceAttachment;
import software.amazon.awssdk.services.ec2.model.NetworkInterfacePrivateIpAddress;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Network interfaces as DescribeNetworkInterfaces shows and filters them. */
public final class EniViews {
    private EniViews() {
    }

    public record View(NetworkInterfaceRecord eni, Map<String, String> tags, Map<String, String> groupNames, boolean dnsHostnames,
                       String region) {
        String publicDnsName() {
            return eni.publicIp() != null && dnsHostnames ? HostNames.publicDnsName(region, eni.publicIp().publicIp()) : null;
        }
    }

    public static List<View> load(Tx tx, List<NetworkInterfaceRecord> enis) {
        Map<String, String> groupNames = new HashMap<>();
        tx.list(SecurityGroupRecord.TABLE).forEach(g -> groupNames.put(g.groupId(), g.groupName()));
        Map<String, Boolean> dns = new HashMap<>();
        tx.list(VpcRecord.TABLE).forEach(v -> dns.put(v.vpcId(), v.enableDnsHostnames()));
        List<View> out = new ArrayList<>(enis.size());
        for (NetworkInterfaceRecord eni : enis) {
            out.add(new View(eni, Tags.of(tx, eni.networkInterfaceId()), groupNames, dns.getOrDefault(eni.vpcId(), false),
                    tx.scope().region()));
        }
        return out;
    }

    public static final Filters<View> FILTERS = Filters.<View>forType(View::tags)
            .one("network-interface-id", v -> v.eni().networkInterfaceId())
            .one("subnet-id", v -> v.eni().subnetId())
            .one("vpc-id", v -> v.eni().vpcId())
            .one("availability-zone", v -> v.eni().availabilityZone())
            .one("owner-id", v -> v.eni().ownerId())
            .one("requester-managed", v -> v.eni().requesterManaged())
            .one("description", v -> v.eni().description())
            .one("status", v -> v.eni().status())
            .one("interface-type", v -> v.eni().interfaceType())
            .one("mac-address", v -> v.eni().macAddress())
            .one("source-dest-check", v -> v.eni().sourceDestCheck())
            .one("private-ip-address", v -> v.eni().privateIpAddress())
            .one("private-dns-name", v -> v.eni().privateDnsName())
            .one("addresses.private-ip-address", v -> v.eni().privateIpAddress())
            .one("addresses.primary", v -> true)
            .one("attachment.instance-id", v -> v.eni().attachment() == null ? null : v.eni().attachment().instanceId())
            .one("attachment.instance-owner-id", v -> v.eni().attachment() == null ? null : v.eni().attachment().instanceOwnerId())
            .one("attachment.attachment-id", v -> v.eni().attachment() == null ? null : v.eni().attachment().attachmentId())
            .one("attachment.device-index", v -> v.eni().attachment() == null ? null : v.eni().attachment().deviceIndex())
            .one("attachment.status", v -> v.eni().attachment() == null ? null : v.eni().attachment().status())
            .one("attachment.attach-time", v -> v.eni().attachment() == null ? null : v.eni().attachment().attachTime())
            .one("attachment.delete-on-termination",
                    v -> v.eni().attachment() == null ? null : v.eni().attachment().deleteOnTermination())
            .one("association.public-ip", v -> v.eni().publicIp() == null ? null : v.eni().publicIp().publicIp())
            .one("addresses.association.public-ip", v -> v.eni().publicIp() == null ? null : v.eni().publicIp().publicIp())
            .one("association.ip-owner-id", v -> v.eni().publicIp() == null ? null : v.eni().publicIp().ipOwnerId())
            .one("addresses.association.owner-id", v -> v.eni().publicIp() == null ? null : v.eni().publicIp().ipOwnerId())
            .one("association.allocation-id", v -> v.eni().publicIp() == null ? null : v.eni().publicIp().allocationId())
            .one("association.association-id", v -> v.eni().publicIp() == null ? null : v.eni().publicIp().associationId())
            .one("association.public-dns-name", View::publicDnsName)
            .many("group-id", v -> v.eni().groupIds())
            .many("group-name", v -> v.eni().groupIds().stream().map(v.groupNames()::get).toList());

    public static NetworkInterface toSdk(View v) {
        NetworkInterfaceRecord e = v.eni();
        NetworkInterfaceAssociation association = null;
        if (e.publicIp() != null) {
            association = NetworkInterfaceAssociation.builder()
                    .publicIp(e.publicIp().publicIp())
                    .ipOwnerId(e.publicIp().ipOwnerId())
                    .allocationId(e.publicIp().allocationId())
                    .associationId(e.publicIp().associationId())
                    .publicDnsName(v.publicDnsName() == null ? "" : v.publicDnsName())
                    .build();
        }
        NetworkInterfaceAttachment attachment = null;
        if (e.attachment() != null) {
            var a = e.attachment();
            attachment = NetworkInterfaceAttachment.builder()
                    .attachmentId(a.attachmentId())
                    .instanceId(a.instanceId())
                    .instanceOwnerId(a.instanceOwnerId())
                    .deviceIndex(a.deviceIndex())
                    .networkCardIndex(0)
                    .status(a.status())
                    .attachTime(a.attachTime())
                    .deleteOnTermination(a.deleteOnTermination())
                    .build();
        }
        return NetworkInterface.builder()
                .networkInterfaceId(e.networkInterfaceId())
                .subnetId(e.subnetId())
                .vpcId(e.vpcId())
                .availabilityZone(e.availabilityZone())
                .ownerId(e.ownerId())
                .requesterId(e.requesterId())
                .requesterManaged(e.requesterManaged())
                .description(e.description())
                .status(e.status())
                .interfaceType(e.interfaceType())
                .macAddress(e.macAddress())
                .sourceDestCheck(e.sourceDestCheck())
                .privateIpAddress(e.privateIpAddress())
                .privateDnsName(e.privateDnsName())
                .privateIpAddresses(NetworkInterfacePrivateIpAddress.builder().association(association).primary(true)
                        .privateDnsName(e.privateDnsName()).privateIpAddress(e.privateIpAddress()).build())
                .ipv6Addresses(List.of())
                .groups(e.groupIds().stream().map(id -> GroupIdentifier.builder().groupId(id).groupName(v.groupNames().get(id)).build()).toList())
                .association(association)
                .attachment(attachment)
                .tagSet(Tags.toSdk(v.tags()))
                .build();
    }
}
