package io.kumo.ec2.network.natgw;

import java.time.Duration;
import java.time.Instant;

/**
 * How long a NAT gateway stays pending and deleting, and how long a deleted one stays visible.
 * Set by {@code kumo.ec2.nat.pending-millis}, {@code kumo.ec2.nat.deleting-millis} and
 * {@code kumo.ec2.nat.deleted-retention-millis} (or KUMO_EC2_NAT_PENDING_MILLIS and so on).
 * States are worked out from the stored timestamps when read, so no timer has to survive a restart.
 */
public record NatTimings(Duration pending, Duration deleting, Duration retention) {

    public static NatTimings current() {
        return new NatTimings(read("pending-millis", 1000), read("deleting-millis", 1000), read("deleted-retention-millis", 3_600_000));
    }

    /** The state a gateway is in at {@code now}; null once a deleted gateway is no longer shown. */
    public String stateAt(NatGatewayRecord nat, Instant now) {
        if (nat.deletedAt() != null) {
            Duration since = Duration.between(nat.deletedAt(), now);
            if (since.compareTo(deleting.plus(retention)) > 0) {
                return null;
            }
            return since.compareTo(deleting) < 0 ? NatGatewayRecord.DELETING : NatGatewayRecord.DELETED;
        }
        return Duration.between(nat.createdAt(), now).compareTo(pending) < 0 ? NatGatewayRecord.PENDING : NatGatewayRecord.AVAILABLE;
    }

    private static Duration read(String name, long defaultMillis) {
        String value = System.getProperty("kumo.ec2.nat." + name);
        if (value == null) {
            value = System.getenv("KUMO_EC2_NAT_" + name.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        }
        try {
            return Duration.ofMillis(value == null || value.isBlank() ? defaultMillis : Math.max(0, Long.parseLong(value.trim())));
        } catch (NumberFormatException e) {
            return Duration.ofMillis(defaultMillis);
        }
    }
}
