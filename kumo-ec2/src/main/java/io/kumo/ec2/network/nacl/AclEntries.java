package io.kumo.ec2.network.nacl;

import io.kumo.core.AwsException;
import io.kumo.ec2.network.Cidrs;
import io.kumo.ec2.network.nacl.NetworkAclRecord.Entry;
import io.kumo.ec2.support.Ec2Errors;
import software.amazon.awssdk.services.ec2.model.IcmpTypeCode;
import software.amazon.awssdk.services.ec2.model.PortRange;

import java.util.Locale;

/** Validation of the entry parameters CreateNetworkAclEntry and ReplaceNetworkAclEntry share. */
final class AclEntries {
    static final int MAX_RULE_NUMBER = 32766;

    private AclEntries() {
    }

    static int ruleNumber(Integer ruleNumber) {
        if (ruleNumber == null) {
            throw Ec2Errors.missingParameter("ruleNumber");
        }
        if (ruleNumber < 1 || ruleNumber > MAX_RULE_NUMBER) {
            throw Ec2Errors.invalidParameterValue("Value (" + ruleNumber + ") for parameter ruleNumber is invalid. "
                    + "Rule numbers must be between 1 and " + MAX_RULE_NUMBER + ".");
        }
        return ruleNumber;
    }

    /** Protocols are stored as numbers ("6"), or "-1" for all. */
    static String protocol(String protocol) {
        if (protocol == null) {
            throw Ec2Errors.missingParameter("protocol");
        }
        String p = protocol.trim().toLowerCase(Locale.ROOT);
        return switch (p) {
            case "tcp" -> "6";
            case "udp" -> "17";
            case "icmp" -> "1";
            case "icmpv6" -> "58";
            case "all", "-1" -> "-1";
            default -> {
                if (p.matches("\\d{1,3}") && Integer.parseInt(p) <= 255) {
                    yield String.valueOf(Integer.parseInt(p));
                }
                throw Ec2Errors.invalidParameterValue("Invalid value '" + protocol + "' for protocol. Unknown protocol.");
            }
        };
    }

    /** The entry a request describes: its rule number checked first, then the rest by {@link #entry}. */
    static Entry requested(Integer ruleNumber, Boolean egress, String protocol, String action, String cidr, String ipv6Cidr,
                           IcmpTypeCode icmp, PortRange ports) {
        return entry(ruleNumber(ruleNumber), Boolean.TRUE.equals(egress), protocol, action, cidr, ipv6Cidr, icmp, ports);
    }

    /** Whether two entries hold the same place: one rule number, one direction. */
    static boolean samePlace(Entry a, Entry b) {
        return a.ruleNumber() == b.ruleNumber() && a.egress() == b.egress();
    }

    private static Entry entry(int rule, boolean egress, String protocolIn, String action, String cidr, String ipv6Cidr,
                               IcmpTypeCode icmp, PortRange ports) {
        String protocol = protocol(protocolIn);
        if (action == null || !(action.equals("allow") || action.equals("deny"))) {
            throw Ec2Errors.invalidParameterValue("Value (" + action + ") for parameter ruleAction is invalid. Valid values: allow, deny");
        }
        if ((cidr == null) == (ipv6Cidr == null)) {
            throw cidr == null
                    ? AwsException.badRequest("MissingParameter", "The request must contain the parameter cidrBlock or ipv6CidrBlock")
                    : Ec2Errors.invalidParameterCombination("The parameter cidrBlock cannot be used with the parameter ipv6CidrBlock");
        }
        String v4 = cidr == null ? null : Cidrs.ipv4(cidr, "cidrBlock").toString();
        String v6 = ipv6Cidr == null ? null : Cidrs.ipv6(ipv6Cidr, "ipv6CidrBlock").toString();
        Integer from = null;
        Integer to = null;
        if (protocol.equals("6") || protocol.equals("17")) {
            if (ports == null || ports.from() == null || ports.to() == null) {
                throw AwsException.badRequest("MissingParameter", "The request must contain the parameter portRange");
            }
            if (ports.from() < 0 || ports.to() > 65535 || ports.from() > ports.to()) {
                throw Ec2Errors.invalidParameterValue("Invalid port range: " + ports.from() + "-" + ports.to());
            }
            from = ports.from();
            to = ports.to();
        }
        Integer type = null;
        Integer code = null;
        if (protocol.equals("1") || protocol.equals("58")) {
            if (icmp == null || icmp.type() == null || icmp.code() == null) {
                throw AwsException.badRequest("MissingParameter", "The request must contain the parameter icmpTypeCode");
            }
            type = icmp.type();
            code = icmp.code();
        }
        return new Entry(rule, egress, protocol, action, v4, v6, type, code, from, to);
    }

    static AwsException notFound(int rule, boolean egress) {
        return AwsException.badRequest("InvalidNetworkAclEntry.NotFound",
                "The network acl entry identified by " + rule + " (" + (egress ? "egress" : "ingress") + ") does not exist.");
    }
}
