package io.kumo.rds.runtime.engine;

/**
 * Where a replica connects to reach its source. Directly at the source's address by default; a
 * runtime whose servers sit behind a firewall meant for clients (a VPC's security groups) gives
 * a way around it, as RDS's own replication between a primary and its standby is not subject
 * to the customer's security groups.
 */
@FunctionalInterface
public interface ReplicationRoute {

    /** A host (an IP literal) and port, as seen from the replica's namespace. */
    record Via(String host, int port) {
    }

    Via to(ServerSpec source, ServerSpec replica);

    ReplicationRoute DIRECT = (source, replica) -> new Via(source.connectAddress(), source.port());
}
