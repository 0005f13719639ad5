package io.kumo.elbv2.runtime;

/**
 * A target's health as its checks have found it.
 *
 * @param state       "initial" (not enough checks yet), "healthy" or "unhealthy"
 * @param reason      for unhealthy: Target.Timeout, Target.ResponseCodeMismatch or Target.FailedHealthChecks
 * @param successes   checks passed in a row
 * @param failures    checks failed in a row
 */
record TargetHealth(String state, String reason, String description, int successes, int failures) {
    static final String INITIAL = "initial";
    static final String HEALTHY = "healthy";
    static final String UNHEALTHY = "unhealthy";

    static TargetHealth initial() {
        return new TargetHealth(INITIAL, "Elb.RegistrationInProgress", "Target registration is in progress", 0, 0);
    }

    /** The next health after a check passed: healthy once {@code threshold} checks in a row have. */
    TargetHealth passed(int threshold) {
        int ok = successes + 1;
        return ok >= threshold || state.equals(HEALTHY) ? new TargetHealth(HEALTHY, null, null, ok, 0)
                : new TargetHealth(state, reason, description, ok, 0);
    }

    /** The next health after a check failed: unhealthy once {@code threshold} checks in a row have. */
    TargetHealth failed(int threshold, String failReason, String failDescription) {
        int bad = failures + 1;
        return bad >= threshold || state.equals(UNHEALTHY) ? new TargetHealth(UNHEALTHY, failReason, failDescription, 0, bad)
                : new TargetHealth(state, reason, description, 0, bad);
    }

    boolean healthy() {
        return state.equals(HEALTHY);
    }
}
