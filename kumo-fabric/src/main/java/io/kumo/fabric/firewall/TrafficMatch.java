package io.kumo.fabric.firewall;

import java.util.Locale;
import java.util.Optional;

/**
 * The protocol-and-port part of a security group rule or network ACL entry, as an nft match.
 * An empty expression matches any traffic.
 *
 * <p>Protocols are taken as AWS spells them: {@code tcp}, {@code udp}, {@code icmp}, {@code -1}
 * (everything) or an IP protocol number. For ICMP the "ports" are the ICMP type and code. Other
 * protocols have no ports, so AWS ignores the range and so do we.
 */
record TrafficMatch(String expression) {

    static final TrafficMatch ANY = new TrafficMatch("");

    /** Empty when the protocol only exists over IPv6 (ICMPv6), which this firewall does not carry. */
    static Optional<TrafficMatch> of(String protocol, int fromPort, int toPort) {
        return switch (protocol.strip().toLowerCase(Locale.ROOT)) {
            case "-1", "all" -> Optional.of(ANY);
            case "tcp", "6" -> Optional.of(ports("tcp", fromPort, toPort));
            case "udp", "17" -> Optional.of(ports("udp", fromPort, toPort));
            case "icmp", "1" -> Optional.of(icmp(fromPort, toPort));
            case "icmpv6", "58" -> Optional.empty();
            default -> Optional.of(new TrafficMatch("meta l4proto " + protocolNumber(protocol)));
        };
    }

    boolean isAny() {
        return expression.isEmpty();
    }

    private static TrafficMatch ports(String transport, int fromPort, int toPort) {
        boolean allPorts = fromPort < 0 || (fromPort == 0 && toPort >= 65535);
        if (allPorts) {
            return new TrafficMatch("meta l4proto " + transport);
        }
        if (toPort < fromPort || toPort > 65535) {
            throw new IllegalArgumentException("bad port range " + fromPort + "-" + toPort);
        }
        String range = fromPort == toPort ? Integer.toString(fromPort) : fromPort + "-" + toPort;
        return new TrafficMatch(transport + " dport " + range);
    }

    private static TrafficMatch icmp(int type, int code) {
        if (type < 0) {
            return new TrafficMatch("meta l4proto icmp");
        }
        if (type > 255 || code > 255) {
            throw new IllegalArgumentException("bad ICMP type/code " + type + "/" + code);
        }
        return new TrafficMatch(code < 0 ? "icmp type " + type : "icmp type " + type + " icmp code " + code);
    }

    private static int protocolNumber(String protocol) {
        String text = protocol.strip();
        if (!text.matches("\\d{1,3}") || Integer.parseInt(text) > 255) {
            throw new IllegalArgumentException("unknown protocol " + protocol);
        }
        return Integer.parseInt(text);
    }
}
