package io.kumo.ec2.network.sg;

import io.kumo.core.AwsException;
import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.ec2.network.Lookups;
import io.kumo.ec2.network.NetworkKinds;
import io.kumo.ec2.network.region.DefaultVpc;
import io.kumo.ec2.support.Pages;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsResponse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** By ids, by names (default VPC only) or all, filtered and paged. */
public final class DescribeSecurityGroups implements Handler<DescribeSecurityGroupsRequest, DescribeSecurityGroupsResponse> {

    @Override
    public DescribeSecurityGroupsResponse handle(RequestContext ctx, DescribeSecurityGroupsRequest in) {
        return ctx.read(tx -> {
            List<SecurityGroupRecord> selected;
            if (in.groupIds().isEmpty() && in.groupNames().isEmpty()) {
                selected = tx.list(SecurityGroupRecord.TABLE);
            } else {
                Map<String, SecurityGroupRecord> byId = new LinkedHashMap<>();
                Lookups.requireAll(tx, NetworkKinds.SECURITY_GROUP, SecurityGroupRecord.TABLE, in.groupIds())
                        .forEach(g -> byId.put(g.groupId(), g));
                if (!in.groupNames().isEmpty()) {
                    String vpcId = DefaultVpc.vpcId(tx).orElseThrow(() -> AwsException.badRequest("VPCIdNotSpecified",
                            "No default VPC for this user. GroupName is only supported for EC2-Classic and default VPC."));
                    for (String name : in.groupNames()) {
                        SecurityGroupRecord g = SecurityGroups.findByName(tx, vpcId, name).orElseThrow(() -> AwsException.badRequest(
                                "InvalidGroup.NotFound", "The security group '" + name + "' does not exist in default VPC '" + vpcId + "'"));
                        byId.put(g.groupId(), g);
                    }
                }
                selected = new ArrayList<>(byId.values());
                selected.sort(Comparator.comparing(SecurityGroupRecord::groupId));
            }
            List<SecurityGroupRecord> matching = SecurityGroupViews.filters(tx).apply(selected, in.filters());
            Pages.Page<SecurityGroupRecord> page = Pages.of(matching, in.maxResults(), in.nextToken(), 5, 1000,
                    SecurityGroupRecord::groupId);
            return DescribeSecurityGroupsResponse.builder()
                    .securityGroups(page.items().stream().map(g -> SecurityGroupViews.toSdk(tx, g, ctx.region())).toList())
                    .nextToken(page.nextToken())
                    .build();
        });
    }
}
