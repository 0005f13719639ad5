package io.kumo.ec2.network.sg;

import io.kumo.core.store.Table;

/** Which group holds a rule: lets a bare sgr- id (tags, SecurityGroupRuleIds) be found and checked. */
public record SecurityGroupRuleIndex(String ruleId, String groupId) {
    public static final Table<SecurityGroupRuleIndex> TABLE = Table.regional("ec2.security-group-rules", SecurityGroupRuleIndex.class);
}
