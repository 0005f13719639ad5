package io.kumo.elbv2.targetgroup;

import io.kumo.core.store.Table;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * What the health checker has observed of a target group's targets, keyed by the group's ARN.
 * The health checker writes it (see {@link HealthVerdicts}); DescribeTargetHealth reads it and
 * derives everything else (registration, draining, zones, instance states) itself.
 *
 * @param observations by {@link #key "id:port"}
 */
public record TargetHealthRecord(String targetGroupArn, Map<String, Observation> observations) {

    public static final Table<TargetHealthRecord> TABLE = Table.regional("elbv2.target-health", TargetHealthRecord.class);

    public static final String INITIAL = "initial";
    public static final String HEALTHY = "healthy";
    public static final String UNHEALTHY = "unhealthy";

    public TargetHealthRecord {
        observations = Map.copyOf(observations);
    }

    public static String key(String targetId, int port) {
        return targetId + ":" + port;
    }

    /**
     * The verdict on one target after its latest check.
     *
     * @param state       {@link #INITIAL} until the thresholds give a verdict, then {@link #HEALTHY} or {@link #UNHEALTHY}
     * @param reason      AWS's reason code for an initial or unhealthy state (Elb.InitialHealthChecking, Target.Timeout,
     *                    Target.ResponseCodeMismatch, Target.FailedHealthChecks, Elb.InternalError); null when healthy
     * @param description AWS's description of the reason; null when healthy
     * @param passesInARow and {@code failuresInARow}: the checks in a row that went the same way
     * @param observedAt  when the check ended; an observation older than the target's registration is ignored
     */
    public record Observation(String state, String reason, String description, int passesInARow, int failuresInARow,
                              Instant observedAt) {
    }

    public TargetHealthRecord with(String key, Observation observation) {
        Map<String, Observation> out = new HashMap<>(observations);
        out.put(key, observation);
        return new TargetHealthRecord(targetGroupArn, out);
    }

    public TargetHealthRecord without(String key) {
        Map<String, Observation> out = new HashMap<>(observations);
        out.remove(key);
        return new TargetHealthRecord(targetGroupArn, out);
    }
}
