package io.kumo.ec2.compute.instance;

import java.time.Duration;

/**
 * How long the timed states last until instances really run (the next issue). Each can be set
 * by a system property or an environment variable, read at every use so tests can shorten them
 * at any time: {@code kumo.ec2.instance.pending-millis} / {@code KUMO_EC2_INSTANCE_PENDING_MILLIS}
 * and likewise {@code stopping-millis}, {@code shutting-down-millis}, {@code initializing-millis}
 * (how long DescribeInstanceStatus says "initializing" after running) and
 * {@code terminated-retention-millis} (how long a terminated instance stays visible).
 */
public record InstanceTimings(Duration pending, Duration stopping, Duration shuttingDown, Duration initializing,
                              Duration terminatedRetention) {

    public static InstanceTimings current() {
        return new InstanceTimings(
                read("pending-millis", 1500),
                read("stopping-millis", 1500),
                read("shutting-down-millis", 1500),
                read("initializing-millis", 3000),
                read("terminated-retention-millis", 3_600_000));
    }

    /**
     * Where sandboxes run instances, their boot and halt end pending, stopping and shutting-down;
     * these timings then only hold a state longer, and only when set explicitly (tests do, to see
     * the passing states).
     */
    public static InstanceTimings explicitMinimums() {
        return new InstanceTimings(read("pending-millis", 0, true), read("stopping-millis", 0, true),
                read("shutting-down-millis", 0, true), read("initializing-millis", 3000), read("terminated-retention-millis", 3_600_000));
    }

    private static Duration read(String name, long defaultMillis, boolean explicitOnly) {
        String value = System.getProperty("kumo.ec2.instance." + name);
        if (value == null) {
            value = System.getenv("KUMO_EC2_INSTANCE_" + name.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        }
        return value == null && explicitOnly ? Duration.ofMillis(defaultMillis) : read(name, defaultMillis);
    }

    private static Duration read(String name, long defaultMillis) {
        String value = System.getProperty("kumo.ec2.instance." + name);
        if (value == null) {
            value = System.getenv("KUMO_EC2_INSTANCE_" + name.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        }
        if (value == null || value.isBlank()) {
            return Duration.ofMillis(defaultMillis);
        }
        try {
            return Duration.ofMillis(Math.max(0, Long.parseLong(value.trim())));
        } catch (NumberFormatException e) {
            return Duration.ofMillis(defaultMillis);
        }
    }
}
