package io.kumo.elbv2.listener;

import io.kumo.core.store.Table;

import java.util.List;

/**
 * A listener's rule, keyed by ARN. Every listener has one default rule (priority "default",
 * no conditions, the listener's default actions), made and deleted with it.
 *
 * @param priority "1" to "50000", or "default"
 */
public record RuleRecord(String arn, String listenerArn, String priority, List<Condition> conditions, List<Action> actions,
                         boolean isDefault) {

    public static final Table<RuleRecord> TABLE = Table.regional("elbv2.rules", RuleRecord.class);
    public static final String DEFAULT_PRIORITY = "default";

    public RuleRecord {
        conditions = List.copyOf(conditions);
        actions = List.copyOf(actions);
    }
}
