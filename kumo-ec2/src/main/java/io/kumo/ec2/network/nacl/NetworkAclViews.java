package io.kumo.ec2.network.nacl;

import io.kumo.core.store.Tx;
import io.kumo.ec2.network.nacl.NetworkAclRecord.Entry;
import io.kumo.ec2.support.Filters;
import io.kumo.ec2.support.Tags;
import software.amazon.awssdk.services.ec2.model.IcmpTypeCode;
import software.amazon.awssdk.services.ec2.model.NetworkAcl;
import software.amazon.awssdk.services.ec2.model.NetworkAclAssociation;
import software.amazon.awssdk.services.ec2.model.NetworkAclEntry;
import software.amazon.awssdk.services.ec2.model.PortRange;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** Network ACLs as DescribeNetworkAcls shows them (egress entries first, by rule number), and its filters. */
public final class NetworkAclViews {
    private static final Comparator<Entry> ORDER = Comparator.comparing((Entry e) -> !e.egress()).thenComparingInt(Entry::ruleNumber);

    private NetworkAclViews() {
    }

    public static NetworkAcl toSdk(Tx tx, NetworkAclRecord acl) {
        return NetworkAcl.builder()
                .networkAclId(acl.networkAclId())
                .vpcId(acl.vpcId())
                .ownerId(acl.ownerId())
                .isDefault(acl.isDefault())
                .entries(acl.entries().stream().sorted(ORDER).map(NetworkAclViews::toSdk).toList())
                .associations(acl.associations().stream().map(a -> NetworkAclAssociation.builder()
                        .networkAclAssociationId(a.associationId())
                        .networkAclId(acl.networkAclId())
                        .subnetId(a.subnetId())
                        .build()).toList())
                .tags(Tags.sdkTags(tx, acl.networkAclId()))
                .build();
    }

    static NetworkAclEntry toSdk(Entry e) {
        return NetworkAclEntry.builder()
                .ruleNumber(e.ruleNumber())
                .egress(e.egress())
                .protocol(e.protocol())
                .ruleAction(e.ruleAction())
                .cidrBlock(e.cidrBlock())
                .ipv6CidrBlock(e.ipv6CidrBlock())
                .icmpTypeCode(e.icmpType() == null ? null : IcmpTypeCode.builder().type(e.icmpType()).code(e.icmpCode()).build())
                .portRange(e.portFrom() == null ? null : PortRange.builder().from(e.portFrom()).to(e.portTo()).build())
                .build();
    }

    public static Filters<NetworkAclRecord> filters(Tx tx) {
        return Filters.<NetworkAclRecord>forType(a -> Tags.of(tx, a.networkAclId()))
                .many("association.association-id", a -> a.associations().stream().map(NetworkAclRecord.Association::associationId).toList())
                .many("association.network-acl-id", a -> a.associations().isEmpty() ? List.of() : List.of(a.networkAclId()))
                .many("association.subnet-id", a -> a.associations().stream().map(NetworkAclRecord.Association::subnetId).toList())
                .one("default", NetworkAclRecord::isDefault)
                .many("entry.cidr", a -> entries(a, Entry::cidrBlock))
                .many("entry.ipv6-cidr", a -> entries(a, Entry::ipv6CidrBlock))
                .many("entry.icmp.code", a -> entries(a, e -> e.icmpCode() == null ? null : String.valueOf(e.icmpCode())))
                .many("entry.icmp.type", a -> entries(a, e -> e.icmpType() == null ? null : String.valueOf(e.icmpType())))
                .many("entry.port-range.from", a -> entries(a, e -> e.portFrom() == null ? null : String.valueOf(e.portFrom())))
                .many("entry.port-range.to", a -> entries(a, e -> e.portTo() == null ? null : String.valueOf(e.portTo())))
                .many("entry.protocol", a -> entries(a, Entry::protocol))
                .many("entry.rule-action", a -> entries(a, Entry::ruleAction))
                .many("entry.egress", a -> entries(a, e -> String.valueOf(e.egress())))
                .many("entry.rule-number", a -> entries(a, e -> String.valueOf(e.ruleNumber())))
                .one("network-acl-id", NetworkAclRecord::networkAclId)
                .one("owner-id", NetworkAclRecord::ownerId)
                .one("vpc-id", NetworkAclRecord::vpcId);
    }

    private static List<Object> entries(NetworkAclRecord acl, Function<Entry, String> field) {
        return acl.entries().stream().map(field).filter(Objects::nonNull).map(v -> (Object) v).toList();
    }
}
