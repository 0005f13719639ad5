package io.kumo.ec2.network.sg;

import io.kumo.core.AwsException;
import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.ec2.network.Lookups;
import io.kumo.ec2.network.NetworkKinds;
import io.kumo.ec2.network.region.DefaultVpc;
import io.kumo.ec2.network.vpc.VpcRecord;
import io.kumo.ec2.support.Tags;
import software.amazon.awssdk.services.ec2.model.CreateSecurityGroupRequest;
import software.amazon.awssdk.services.ec2.model.CreateSecurityGroupResponse;

import java.util.List;

/** A group in the given VPC (or the default VPC) with the allow-all IPv4 egress rule. */
public final class CreateSecurityGroup implements Handler<CreateSecurityGroupRequest, CreateSecurityGroupResponse> {

    @Override
    public CreateSecurityGroupResponse handle(RequestContext ctx, CreateSecurityGroupRequest in) {
        SecurityGroupNames.checkName(in.groupName());
        SecurityGroupNames.checkDescription(in.description());
        if (in.groupName().equals(SecurityGroupRecord.DEFAULT_NAME)) {
            throw AwsException.badRequest("InvalidGroup.Reserved", "The security group 'default' is reserved");
        }
        return ctx.write(tx -> {
            String vpcId;
            if (in.vpcId() != null) {
                vpcId = Lookups.<VpcRecord>require(tx, NetworkKinds.VPC, in.vpcId()).vpcId();
            } else {
                vpcId = DefaultVpc.vpcId(tx).orElseThrow(() -> AwsException.badRequest("VPCIdNotSpecified",
                        "No default VPC for this user. GroupName is only supported for EC2-Classic and default VPC."));
            }
            if (SecurityGroups.findByName(tx, vpcId, in.groupName()).isPresent()) {
                throw AwsException.badRequest("InvalidGroup.Duplicate",
                        "The security group '" + in.groupName() + "' already exists for VPC '" + vpcId + "'");
            }
            SecurityGroupRecord group = SecurityGroupSetup.create(tx, vpcId, ctx.accountId(), in.groupName(), in.description(),
                    ctx.receivedAt());
            Tags.applySpecifications(tx, group.groupId(), "security-group", in.tagSpecifications(), List.of("security-group"));
            return CreateSecurityGroupResponse.builder()
                    .groupId(group.groupId())
                    .securityGroupArn(SecurityGroupViews.arn(ctx.region(), group))
                    .tags(Tags.sdkTags(tx, group.groupId()))
                    .build();
        });
    }
}
