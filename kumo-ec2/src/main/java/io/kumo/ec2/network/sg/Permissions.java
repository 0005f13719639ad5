package io.kumo.ec2.network.sg;

import io.kumo.core.AwsException;
import io.kumo.core.Ids;
import io.kumo.core.net.InvalidAddressException;
import io.kumo.core.net.Ipv4Cidr;
import io.kumo.core.net.Ipv6Cidr;
import io.kumo.core.store.Tx;
import io.kumo.ec2.network.Lookups;
import io.kumo.ec2.network.NetworkKinds;
import io.kumo.ec2.network.prefixlist.PrefixListRecord;
import io.kumo.ec2.network.sg.SecurityGroupRecord.SecurityGroupRule;
import io.kumo.ec2.support.Ec2Errors;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;
import software.amazon.awssdk.services.ec2.model.PrefixListId;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the IpPermissions of Authorize/Revoke calls (and their legacy top-level form) into single
 * rules: one rule per CIDR, IPv6 CIDR, prefix list or group, each with a fresh sgr- id.
 */
public final class Permissions {
    private Permissions() {
    }

    /** The legacy parameters of AuthorizeSecurityGroupIngress and friends (CidrIp, IpProtocol, ...). */
    public record Legacy(String cidrIp, String ipProtocol, Integer fromPort, Integer toPort,
                         String sourceSecurityGroupName, String sourceSecurityGroupOwnerId) {
        boolean given() {
            return cidrIp != null || ipProtocol != null || fromPort != null || toPort != null
                    || sourceSecurityGroupName != null || sourceSecurityGroupOwnerId != null;
        }
    }

    public static List<SecurityGroupRule> rules(Tx tx, SecurityGroupRecord group, boolean egress, List<IpPermission> permissions,
                                                Legacy legacy) {
        boolean hasPermissions = permissions != null && !permissions.isEmpty();
        if (hasPermissions && legacy.given()) {
            throw Ec2Errors.invalidParameterCombination(
                    "The parameter ipPermissions cannot be used with the parameters cidrIp, ipProtocol, fromPort, toPort or sourceSecurityGroupName");
        }
        if (!hasPermissions && !legacy.given()) {
            throw AwsException.badRequest("MissingParameter", "The request must contain the parameter ipPermissions");
        }
        List<SecurityGroupRule> out = new ArrayList<>();
        if (hasPermissions) {
            for (IpPermission permission : permissions) {
                out.addAll(rules(tx, group, egress, permission));
            }
            return out;
        }
        if (legacy.sourceSecurityGroupName() != null) {
            if (legacy.cidrIp() != null) {
                throw Ec2Errors.invalidParameterCombination("The parameter sourceSecurityGroupName cannot be used with the parameter cidrIp");
            }
            String protocol = legacy.ipProtocol() == null ? Protocols.ALL : Protocols.normalize(legacy.ipProtocol());
            int[] ports = Protocols.ports(protocol, legacy.fromPort(), legacy.toPort());
            SecurityGroupRecord source = byName(tx, group, legacy.sourceSecurityGroupName());
            out.add(new SecurityGroupRule(Ids.ec2("sgr"), egress, protocol, ports[0], ports[1], null, null, null,
                    source.groupId(), source.ownerId(), null));
            return out;
        }
        IpPermission permission = IpPermission.builder()
                .ipProtocol(legacy.ipProtocol())
                .fromPort(legacy.fromPort())
                .toPort(legacy.toPort())
                .ipRanges(legacy.cidrIp() == null ? List.of() : List.of(IpRange.builder().cidrIp(legacy.cidrIp()).build()))
                .build();
        return rules(tx, group, egress, permission);
    }

    public static List<SecurityGroupRule> rules(Tx tx, SecurityGroupRecord group, boolean egress, IpPermission permission) {
        String protocol = Protocols.normalize(permission.ipProtocol());
        int[] ports = Protocols.ports(protocol, permission.fromPort(), permission.toPort());
        List<SecurityGroupRule> out = new ArrayList<>();
        for (IpRange range : permission.ipRanges()) {
            out.add(new SecurityGroupRule(Ids.ec2("sgr"), egress, protocol, ports[0], ports[1], ipv4(range.cidrIp()), null, null,
                    null, null, description(range.description())));
        }
        for (Ipv6Range range : permission.ipv6Ranges()) {
            out.add(new SecurityGroupRule(Ids.ec2("sgr"), egress, protocol, ports[0], ports[1], null, ipv6(range.cidrIpv6()), null,
                    null, null, description(range.description())));
        }
        for (PrefixListId list : permission.prefixListIds()) {
            Lookups.<PrefixListRecord>require(tx, NetworkKinds.PREFIX_LIST, list.prefixListId());
            out.add(new SecurityGroupRule(Ids.ec2("sgr"), egress, protocol, ports[0], ports[1], null, null, list.prefixListId(),
                    null, null, description(list.description())));
        }
        for (UserIdGroupPair pair : permission.userIdGroupPairs()) {
            SecurityGroupRecord peer = peer(tx, group, pair);
            out.add(new SecurityGroupRule(Ids.ec2("sgr"), egress, protocol, ports[0], ports[1], null, null, null,
                    peer.groupId(), peer.ownerId(), description(pair.description())));
        }
        if (out.isEmpty()) {
            throw AwsException.badRequest("MissingParameter",
                    "Either 'ipRanges', 'ipv6Ranges', 'prefixListIds' or 'userIdGroupPairs' should be provided.");
        }
        return out;
    }

    /** One rule from the fields of a SecurityGroupRuleRequest (ModifySecurityGroupRules). */
    public static SecurityGroupRule rule(Tx tx, SecurityGroupRecord group, String ruleId, boolean egress,
                                         software.amazon.awssdk.services.ec2.model.SecurityGroupRuleRequest r) {
        String protocol = Protocols.normalize(r.ipProtocol());
        int[] ports = Protocols.ports(protocol, r.fromPort(), r.toPort());
        int peers = (r.cidrIpv4() != null ? 1 : 0) + (r.cidrIpv6() != null ? 1 : 0) + (r.prefixListId() != null ? 1 : 0)
                + (r.referencedGroupId() != null ? 1 : 0);
        if (peers != 1) {
            throw Ec2Errors.invalidParameterCombination(
                    "Only one of cidrIpv4, cidrIpv6, prefixListId, or referencedGroupId can be specified");
        }
        String prefixList = null;
        if (r.prefixListId() != null) {
            prefixList = Lookups.<PrefixListRecord>require(tx, NetworkKinds.PREFIX_LIST, r.prefixListId()).prefixListId();
        }
        SecurityGroupRecord peer = r.referencedGroupId() == null ? null
                : peer(tx, group, UserIdGroupPair.builder().groupId(r.referencedGroupId()).build());
        return new SecurityGroupRule(ruleId, egress, protocol, ports[0], ports[1],
                r.cidrIpv4() == null ? null : ipv4(r.cidrIpv4()),
                r.cidrIpv6() == null ? null : ipv6(r.cidrIpv6()),
                prefixList,
                peer == null ? null : peer.groupId(),
                peer == null ? null : peer.ownerId(),
                description(r.description()));
    }

    private static SecurityGroupRecord peer(Tx tx, SecurityGroupRecord group, UserIdGroupPair pair) {
        SecurityGroupRecord peer;
        if (pair.groupId() != null) {
            peer = Lookups.require(tx, NetworkKinds.SECURITY_GROUP, pair.groupId());
        } else if (pair.groupName() != null) {
            peer = byName(tx, group, pair.groupName());
        } else {
            throw AwsException.badRequest("MissingParameter", "The request must contain the parameter groupId or groupName");
        }
        if (!peer.vpcId().equals(group.vpcId())) {
            throw AwsException.badRequest("InvalidGroup.NotFound", "You have specified two resources that belong to different networks.");
        }
        return peer;
    }

    private static SecurityGroupRecord byName(Tx tx, SecurityGroupRecord group, String name) {
        return SecurityGroups.findByName(tx, group.vpcId(), name).orElseThrow(() -> AwsException.badRequest("InvalidGroup.NotFound",
                "The security group '" + name + "' does not exist in VPC '" + group.vpcId() + "'"));
    }

    static String ipv4(String cidr) {
        if (cidr == null) {
            throw AwsException.badRequest("MissingParameter", "The request must contain the parameter cidrIp");
        }
        try {
            Ipv4Cidr.parse(cidr);
            return cidr;
        } catch (InvalidAddressException e) {
            throw Ec2Errors.invalidParameterValue("CIDR block " + cidr + " is malformed");
        }
    }

    static String ipv6(String cidr) {
        if (cidr == null) {
            throw AwsException.badRequest("MissingParameter", "The request must contain the parameter cidrIpv6");
        }
        try {
            return Ipv6Cidr.parse(cidr).toString();
        } catch (InvalidAddressException e) {
            throw Ec2Errors.invalidParameterValue("CIDR block " + cidr + " is malformed");
        }
    }

    static String description(String description) {
        if (description == null) {
            return null;
        }
        if (description.length() > 255) {
            throw Ec2Errors.invalidParameterValue("Invalid rule description. Length exceeds maximum of 255.");
        }
        if (!SecurityGroupNames.allowedCharacters(description)) {
            throw Ec2Errors.invalidParameterValue("Invalid rule description. Valid descriptions are strings less than 256 characters "
                    + "from the following set:  a-zA-Z0-9. _-:/()#,@[]+=&;{}!$*");
        }
        return description;
    }

    /** The peer as InvalidPermission.Duplicate names it. */
    public static String peer(SecurityGroupRule r) {
        if (r.cidrIpv4() != null) {
            return r.cidrIpv4();
        }
        if (r.cidrIpv6() != null) {
            return r.cidrIpv6();
        }
        return r.prefixListId() != null ? r.prefixListId() : r.referencedGroupId();
    }

    public static AwsException duplicate(SecurityGroupRule r) {
        return AwsException.badRequest("InvalidPermission.Duplicate", "the specified rule \"peer: " + peer(r) + ", "
                + Protocols.describe(r.ipProtocol(), r.fromPort(), r.toPort()) + ", ALLOW\" already exists");
    }
}
