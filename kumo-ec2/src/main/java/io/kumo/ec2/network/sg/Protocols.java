package io.kumo.ec2.network.sg;

import io.kumo.core.AwsException;
import io.kumo.ec2.support.Ec2Errors;

import java.util.Locale;

/** IP protocol names and numbers as security group rules take them, and their ports. */
public final class Protocols {
    public static final String ALL = "-1";

    private Protocols() {
    }

    /** "tcp", "udp", "icmp", "icmpv6", "-1" or another protocol number, as EC2 stores it. */
    public static String normalize(String protocol) {
        if (protocol == null || protocol.isBlank()) {
            throw AwsException.badRequest("MissingParameter", "The request must contain the parameter ipProtocol");
        }
        String p = protocol.trim().toLowerCase(Locale.ROOT);
        switch (p) {
            case "tcp", "6": return "tcp";
            case "udp", "17": return "udp";
            case "icmp", "1": return "icmp";
            case "icmpv6", "58": return "icmpv6";
            case "-1", "all": return ALL;
            default:
                if (p.matches("\\d{1,3}") && Integer.parseInt(p) <= 255) {
                    return String.valueOf(Integer.parseInt(p));
                }
                throw Ec2Errors.invalidParameterValue("Invalid value '" + protocol + "' for IP protocol. Unknown protocol.");
        }
    }

    public static boolean hasPorts(String protocol) {
        return protocol.equals("tcp") || protocol.equals("udp");
    }

    public static boolean isIcmp(String protocol) {
        return protocol.equals("icmp") || protocol.equals("icmpv6");
    }

    /** {from, to}: checked ports for TCP/UDP, type and code for ICMP, -1 for everything else. */
    public static int[] ports(String protocol, Integer from, Integer to) {
        if (hasPorts(protocol)) {
            if (from == null || to == null) {
                throw Ec2Errors.invalidParameterValue("Invalid value 'null' for portRange. Must specify both from and to ports with TCP/UDP.");
            }
            if (from < 0 || from > 65535) {
                throw Ec2Errors.invalidParameterValue("Invalid value '" + from + "' for fromPort. Must be between 0 and 65535.");
            }
            if (to < 0 || to > 65535) {
                throw Ec2Errors.invalidParameterValue("Invalid value '" + to + "' for toPort. Must be between 0 and 65535.");
            }
            if (from > to) {
                throw Ec2Errors.invalidParameterValue("Invalid TCP/UDP port range. fromPort (" + from + ") must not be greater than toPort (" + to + ").");
            }
            return new int[] {from, to};
        }
        if (isIcmp(protocol)) {
            int type = from == null ? -1 : from;
            int code = to == null ? -1 : to;
            if (type < -1 || type > 255) {
                throw Ec2Errors.invalidParameterValue("Invalid value '" + type + "' for ICMP type. Must be between -1 and 255.");
            }
            if (code < -1 || code > 255) {
                throw Ec2Errors.invalidParameterValue("Invalid value '" + code + "' for ICMP code. Must be between -1 and 255.");
            }
            if (type == -1 && code != -1) {
                throw Ec2Errors.invalidParameterValue("Invalid ICMP code '" + code + "': the code must be -1 when the type is -1.");
            }
            return new int[] {type, code};
        }
        return new int[] {-1, -1};
    }

    /** How InvalidPermission.Duplicate names the protocol and ports: "TCP, from port: 22, to port: 22". */
    public static String describe(String protocol, int from, int to) {
        if (hasPorts(protocol)) {
            return protocol.toUpperCase(Locale.ROOT) + ", from port: " + from + ", to port: " + to;
        }
        if (isIcmp(protocol)) {
            return protocol.toUpperCase(Locale.ROOT) + ", type: " + from + ", code: " + to;
        }
        return protocol.equals(ALL) ? "ALL" : "protocol: " + protocol;
    }
}
