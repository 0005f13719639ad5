package io.kumo.route53.runtime;

import io.kumo.route53.health.CheckConfig;

import java.net.InetAddress;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a health check may be probed. Network safety: Kumo probes only the loopback range 127.0.0.0/8 (where its load
 * balancers' front door, instances' public addresses and the user's own test servers live) and never resolves a name
 * through the outside world: {@code localhost} and names under {@code .localhost} are 127.0.0.1. Any other target is
 * not probed at all, and its check keeps its configured verdict: healthy (inverted: unhealthy).
 */
final class ProbeTarget {
    private ProbeTarget() {
    }

    static Optional<InetAddress> of(CheckConfig config) {
        if (config.ipAddress() != null && !config.ipAddress().isBlank()) {
            try {
                InetAddress address = InetAddress.ofLiteral(config.ipAddress().trim());
                return address.getAddress().length == 4 && address.getAddress()[0] == 127 ? Optional.of(address) : Optional.empty();
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        String name = config.fullyQualifiedDomainName() == null ? "" : config.fullyQualifiedDomainName().toLowerCase(Locale.ROOT);
        name = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        if (name.equals("localhost") || name.endsWith(".localhost")) {
            return Optional.of(InetAddress.getLoopbackAddress());
        }
        return Optional.empty();
    }
}
