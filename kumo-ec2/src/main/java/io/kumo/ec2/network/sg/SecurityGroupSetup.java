package io.kumo.ec2.network.sg;

import io.kumo.core.Ids;
import io.kumo.core.store.Tx;
import io.kumo.ec2.network.sg.SecurityGroupRecord.SecurityGroupRule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Creating groups with the rules EC2 gives them from the start. */
public final class SecurityGroupSetup {
    public static final String DEFAULT_DESCRIPTION = "default VPC security group";

    private SecurityGroupSetup() {
    }

    /** The "default" group of a new VPC: all traffic from its own members, all traffic out. */
    public static SecurityGroupRecord createDefault(Tx tx, String vpcId, String ownerId, boolean ipv6, Instant now) {
        String groupId = Ids.ec2("sg");
        List<SecurityGroupRule> rules = new ArrayList<>();
        rules.add(new SecurityGroupRule(Ids.ec2("sgr"), false, "-1", -1, -1, null, null, null, groupId, ownerId, null));
        rules.addAll(allowAllEgress(ipv6));
        return store(tx, new SecurityGroupRecord(groupId, SecurityGroupRecord.DEFAULT_NAME, DEFAULT_DESCRIPTION, vpcId, ownerId, rules, now));
    }

    /** A group made by CreateSecurityGroup: no inbound rules, all IPv4 traffic out. */
    public static SecurityGroupRecord create(Tx tx, String vpcId, String ownerId, String name, String description, Instant now) {
        return store(tx, new SecurityGroupRecord(Ids.ec2("sg"), name, description, vpcId, ownerId, allowAllEgress(false), now));
    }

    private static List<SecurityGroupRule> allowAllEgress(boolean ipv6) {
        List<SecurityGroupRule> rules = new ArrayList<>();
        rules.add(new SecurityGroupRule(Ids.ec2("sgr"), true, "-1", -1, -1, "0.0.0.0/0", null, null, null, null, null));
        if (ipv6) {
            rules.add(new SecurityGroupRule(Ids.ec2("sgr"), true, "-1", -1, -1, null, "::/0", null, null, null, null));
        }
        return rules;
    }

    /** Writes the group and the index entries of its rules. */
    public static SecurityGroupRecord store(Tx tx, SecurityGroupRecord group) {
        tx.get(SecurityGroupRecord.TABLE, group.groupId()).ifPresent(old -> old.rules().forEach(r -> {
            if (group.rules().stream().noneMatch(n -> n.ruleId().equals(r.ruleId()))) {
                tx.delete(SecurityGroupRuleIndex.TABLE, r.ruleId());
                io.kumo.ec2.support.Tags.deleteAll(tx, r.ruleId());
            }
        }));
        for (SecurityGroupRule rule : group.rules()) {
            if (tx.get(SecurityGroupRuleIndex.TABLE, rule.ruleId()).isEmpty()) {
                tx.put(SecurityGroupRuleIndex.TABLE, rule.ruleId(), new SecurityGroupRuleIndex(rule.ruleId(), group.groupId()));
            }
        }
        tx.put(SecurityGroupRecord.TABLE, group.groupId(), group);
        return group;
    }

    /** Removes the group, its rules' index entries and their tags. */
    public static void delete(Tx tx, SecurityGroupRecord group) {
        for (SecurityGroupRule rule : group.rules()) {
            tx.delete(SecurityGroupRuleIndex.TABLE, rule.ruleId());
            io.kumo.ec2.support.Tags.deleteAll(tx, rule.ruleId());
        }
        tx.delete(SecurityGroupRecord.TABLE, group.groupId());
        io.kumo.ec2.support.Tags.deleteAll(tx, group.groupId());
    }
}
