package io.kumo.elbv2.support;

import io.kumo.core.store.Tx;
import io.kumo.elbv2.listener.Action;
import io.kumo.elbv2.listener.ListenerRecord;
import io.kumo.elbv2.listener.RuleRecord;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Which load balancers use which target groups: whatever their listeners' rules forward to. */
public final class Attachments {

    private Attachments() {
    }

    /** The load balancers whose rules forward to the target group, sorted. */
    public static List<String> loadBalancersOf(Tx tx, String targetGroupArn) {
        Map<String, String> loadBalancerOfListener = tx.list(ListenerRecord.TABLE).stream()
                .collect(Collectors.toMap(ListenerRecord::arn, ListenerRecord::loadBalancerArn));
        Set<String> out = new TreeSet<>();
        for (RuleRecord rule : tx.list(RuleRecord.TABLE)) {
            if (rule.actions().stream().map(Action::targetGroupArns).anyMatch(arns -> arns.contains(targetGroupArn))) {
                String lb = loadBalancerOfListener.get(rule.listenerArn());
                if (lb != null) {
                    out.add(lb);
                }
            }
        }
        return List.copyOf(out);
    }

    /** Whether any rule forwards to the target group. */
    public static boolean inUse(Tx tx, String targetGroupArn) {
        return tx.list(RuleRecord.TABLE).stream().flatMap(r -> r.actions().stream()).anyMatch(a -> a.targetGroupArns().contains(targetGroupArn));
    }
}
