package io.kumo.ec2.network.sg;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.ec2.network.Lookups;
import io.kumo.ec2.network.NetworkKinds;
import io.kumo.ec2.network.sg.SecurityGroupRecord.SecurityGroupRule;
import io.kumo.ec2.support.Filters;
import io.kumo.ec2.support.Pages;
import io.kumo.ec2.support.Tags;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupRulesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupRulesResponse;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

public final class DescribeSecurityGroupRules implements Handler<DescribeSecurityGroupRulesRequest, DescribeSecurityGroupRulesResponse> {

    /** A rule with its group, the unit this call pages over. */
    private record Entry(SecurityGroupRecord group, SecurityGroupRule rule) {
    }

    @Override
    public DescribeSecurityGroupRulesResponse handle(RequestContext ctx, DescribeSecurityGroupRulesRequest in) {
        return ctx.read(tx -> {
            Set<String> wanted = Lookups.requireAll(tx, NetworkKinds.SECURITY_GROUP_RULE, SecurityGroupRuleIndex.TABLE,
                    in.securityGroupRuleIds()).stream().map(SecurityGroupRuleIndex::ruleId).collect(Collectors.toSet());
            List<Entry> entries = tx.list(SecurityGroupRecord.TABLE).stream()
                    .flatMap(g -> g.rules().stream().map(r -> new Entry(g, r)))
                    .filter(e -> wanted.isEmpty() || wanted.contains(e.rule().ruleId()))
                    .sorted(java.util.Comparator.comparing(e -> e.rule().ruleId()))
                    .toList();
            Filters<Entry> filters = Filters.<Entry>forType(e -> Tags.of(tx, e.rule().ruleId()))
                    .one("group-id", e -> e.group().groupId())
                    .one("security-group-rule-id", e -> e.rule().ruleId());
            Pages.Page<Entry> page = Pages.of(filters.apply(entries, in.filters()), in.maxResults(), in.nextToken(), 5, 1000,
                    e -> e.rule().ruleId());
            return DescribeSecurityGroupRulesResponse.builder()
                    .securityGroupRules(page.items().stream()
                            .map(e -> SecurityGroupViews.toSdk(tx, e.group(), e.rule(), ctx.region())).toList())
                    .nextToken(page.nextToken())
                    .build();
        });
    }
}
