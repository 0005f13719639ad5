package io.kumo.elbv2.support;

import io.kumo.core.store.Tx;
import io.kumo.elbv2.listener.ListenerRecord;
import io.kumo.elbv2.listener.RuleRecord;
import io.kumo.elbv2.loadbalancer.LoadBalancerRecord;
import io.kumo.elbv2.targetgroup.TargetGroupRecord;

/** Finds a resource by ARN in the transaction's scope, or fails as ELBv2 does (a malformed ARN first). */
public final class Lookups {

    private Lookups() {
    }

    public static LoadBalancerRecord loadBalancer(Tx tx, String arn) {
        if (arn == null) {
            throw Elbv2Errors.missing("LoadBalancerArn");
        }
        return tx.get(LoadBalancerRecord.TABLE, Arns.checkLoadBalancer(arn)).orElseThrow(Elbv2Errors::loadBalancerNotFound);
    }

    public static TargetGroupRecord targetGroup(Tx tx, String arn) {
        if (arn == null) {
            throw Elbv2Errors.missing("TargetGroupArn");
        }
        return tx.get(TargetGroupRecord.TABLE, Arns.checkTargetGroup(arn)).orElseThrow(Elbv2Errors::targetGroupNotFound);
    }

    public static ListenerRecord listener(Tx tx, String arn) {
        if (arn == null) {
            throw Elbv2Errors.missing("ListenerArn");
        }
        return tx.get(ListenerRecord.TABLE, Arns.checkListener(arn)).orElseThrow(Elbv2Errors::listenerNotFound);
    }

    public static RuleRecord rule(Tx tx, String arn) {
        if (arn == null) {
            throw Elbv2Errors.missing("RuleArn");
        }
        return tx.get(RuleRecord.TABLE, Arns.checkRule(arn)).orElseThrow(Elbv2Errors::ruleNotFound);
    }
}
