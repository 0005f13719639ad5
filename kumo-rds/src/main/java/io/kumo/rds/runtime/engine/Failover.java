package io.kumo.rds.runtime.engine;

import java.time.Duration;

/**
 * What a failover did: the promoted server, whether the old primary was alive (a planned
 * failover, RDS's ForceFailover) or dead, the position the new primary started from, how long
 * the promotion waited for the standby to apply what it had received, and the whole duration.
 */
public record Failover(DatabaseServer newPrimary, boolean planned, String appliedPosition, Duration applyWait, Duration total) {
}
