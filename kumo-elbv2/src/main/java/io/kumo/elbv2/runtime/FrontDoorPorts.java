package io.kumo.elbv2.runtime;

import io.kumo.core.service.AdminCommand;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code elbv2/front-doors}: the host's port answering for each listener port of internet-facing
 * load balancers (the same port, unless it could not be bound). curl and browsers resolve every
 * load balancer name under .localhost to loopback, so http://NAME:PORT/ with this port reaches it.
 */
public final class FrontDoorPorts implements AdminCommand {
    /** Added to a listener port that cannot be bound on the host's loopback (80 becomes 10080). */
    public static final int FALLBACK_OFFSET = 10_000;
    private final LoadBalancerRunner runner;

    public FrontDoorPorts(LoadBalancerRunner runner) {
        this.runner = runner;
    }

    @Override
    public String name() {
        return "elbv2/front-doors";
    }

    @Override
    public Map<String, Object> run(Map<String, String> arguments) {
        Map<String, Object> ports = new LinkedHashMap<>();
        runner.frontDoorPorts().forEach((listener, host) -> ports.put(String.valueOf(listener), host));
        return Map.of("host", "127.0.0.1", "ports", ports);
    }
}
