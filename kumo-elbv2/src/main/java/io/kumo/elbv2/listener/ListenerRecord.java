package io.kumo.elbv2.listener;

import io.kumo.core.store.Table;

import java.util.List;

/** A listener of a load balancer, keyed by ARN. Its default actions are also its default rule's. */
public record ListenerRecord(String arn, String loadBalancerArn, int port, String protocol, List<Action> defaultActions,
                             String sslPolicy, List<String> certificateArns) {

    public static final Table<ListenerRecord> TABLE = Table.regional("elbv2.listeners", ListenerRecord.class);

    public ListenerRecord {
        defaultActions = List.copyOf(defaultActions);
        certificateArns = certificateArns == null ? List.of() : List.copyOf(certificateArns);
    }
}
