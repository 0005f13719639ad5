package io.kumo.ec2.compute.instance;

import io.kumo.core.store.Table;

import java.time.Instant;

/**
 * A reboot asked for and not yet done. RebootInstances leaves the state as it is, as on AWS; the
 * instance runner restarts the sandbox and removes the request.
 */
public record RebootRequest(String instanceId, Instant requestedAt) {
    public static final Table<RebootRequest> TABLE = Table.regional("ec2.reboots", RebootRequest.class);
}
