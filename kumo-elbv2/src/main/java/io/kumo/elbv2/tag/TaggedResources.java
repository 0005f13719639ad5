package io.kumo.elbv2.tag;

import io.kumo.core.store.Tx;
import io.kumo.elbv2.support.Elbv2Errors;
import io.kumo.elbv2.support.Lookups;

import java.util.List;

/** The resources tag calls name: each must exist, and fails with its own kind's NotFound. At most 20 per call. */
final class TaggedResources {
    private static final int MOST_PER_CALL = 20;

    private TaggedResources() {
    }

    static List<String> require(Tx tx, List<String> arns) {
        if (arns.isEmpty()) {
            throw Elbv2Errors.missing("ResourceArns");
        }
        if (arns.size() > MOST_PER_CALL) {
            throw Elbv2Errors.validation("1 validation error detected: Value at 'resourceArns' failed to satisfy constraint: "
                    + "Member must have length less than or equal to " + MOST_PER_CALL);
        }
        for (String arn : arns) {
            String kind = arn == null ? "" : arn.replaceFirst("^arn:[^:]*:elasticloadbalancing:[^:]*:[^:]*:", "");
            if (kind.startsWith("loadbalancer/")) {
                Lookups.loadBalancer(tx, arn);
            } else if (kind.startsWith("targetgroup/")) {
                Lookups.targetGroup(tx, arn);
            } else if (kind.startsWith("listener/")) {
                Lookups.listener(tx, arn);
            } else if (kind.startsWith("listener-rule/")) {
                Lookups.rule(tx, arn);
            } else {
                throw Elbv2Errors.validation("'" + arn + "' is not a valid Elastic Load Balancing resource ARN");
            }
        }
        return List.copyOf(new java.util.LinkedHashSet<>(arns));
    }
}
