package io.kumo.rds.runtime;

import io.kumo.core.service.AdminCommand;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code rds/host-endpoints}: for each publicly accessible DB instance, the address on the host
 * that reaches it ({@code 127.0.0.1:PORT}), keyed by {@code ACCOUNT/REGION/IDENTIFIER}. The port
 * is the instance's own unless something else holds it on the host.
 */
public final class HostEndpoints implements AdminCommand {
    private final RdsRuntime runtime;

    public HostEndpoints(RdsRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public String name() {
        return "rds/host-endpoints";
    }

    @Override
    public Map<String, Object> run(Map<String, String> arguments) {
        Map<String, Object> out = new LinkedHashMap<>();
        runtime.hostPorts().forEach((instance, port) -> out.put(instance, "127.0.0.1:" + port));
        return Map.of("endpoints", out);
    }
}
