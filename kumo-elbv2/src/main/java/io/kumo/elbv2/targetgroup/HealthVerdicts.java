package io.kumo.elbv2.targetgroup;

import io.kumo.elbv2.targetgroup.TargetGroupRecord.HealthCheck;
import io.kumo.elbv2.targetgroup.TargetHealthRecord.Observation;

import java.time.Instant;

/**
 * The rule that turns health check results into a target's state, as a pure function for the
 * health checker to call after each check: a new target is {@code initial} until it passes the
 * healthy threshold in a row (healthy) or fails the unhealthy threshold in a row (unhealthy); a
 * healthy target turns unhealthy after the unhealthy threshold of failures in a row, an unhealthy
 * one healthy after the healthy threshold of passes in a row.
 */
public final class HealthVerdicts {

    /** One check's result: passed, or failed with AWS's reason code and description. */
    public record CheckResult(boolean passed, String reason, String description) {

        public static CheckResult pass() {
            return new CheckResult(true, null, null);
        }

        public static CheckResult timedOut() {
            return new CheckResult(false, "Target.Timeout", "Request timed out");
        }

        public static CheckResult wrongCode(int code) {
            return new CheckResult(false, "Target.ResponseCodeMismatch", "Health checks failed with these codes: [" + code + "]");
        }

        /** The connection failed, or the answer was not HTTP. */
        public static CheckResult failed() {
            return new CheckResult(false, "Target.FailedHealthChecks", "Health checks failed");
        }
    }

    private HealthVerdicts() {
    }

    /** @param previous the target's last observation, or null before its first check */
    public static Observation next(Observation previous, CheckResult result, HealthCheck settings, Instant at) {
        String state = previous == null ? TargetHealthRecord.INITIAL : previous.state();
        int passes = result.passed() ? (previous == null ? 0 : previous.passesInARow()) + 1 : 0;
        int failures = result.passed() ? 0 : (previous == null ? 0 : previous.failuresInARow()) + 1;
        if (passes >= settings.healthyThreshold()) {
            state = TargetHealthRecord.HEALTHY;
        } else if (failures >= settings.unhealthyThreshold()) {
            state = TargetHealthRecord.UNHEALTHY;
        }
        return switch (state) {
            case TargetHealthRecord.HEALTHY -> new Observation(state, null, null, passes, failures, at);
            case TargetHealthRecord.UNHEALTHY -> new Observation(state, reasonOf(result, previous), descriptionOf(result, previous),
                    passes, failures, at);
            default -> new Observation(state, "Elb.InitialHealthChecking", "Initial health checks in progress", passes, failures, at);
        };
    }

    // An unhealthy target that passes a check (but not yet enough) keeps the reason it failed for.
    private static String reasonOf(CheckResult result, Observation previous) {
        return result.passed() && previous != null && previous.reason() != null ? previous.reason() : orFailed(result.reason());
    }

    private static String descriptionOf(CheckResult result, Observation previous) {
        if (result.passed()) {
            return previous != null && previous.description() != null ? previous.description() : "Health checks failed";
        }
        return result.description();
    }

    private static String orFailed(String reason) {
        return reason == null ? "Target.FailedHealthChecks" : reason;
    }
}
