package io.kumo.ec2.network.nacl;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.ec2.network.Lookups;
import io.kumo.ec2.network.NetworkKinds;
import io.kumo.ec2.network.vpc.VpcRecord;
import io.kumo.ec2.support.Tags;
import software.amazon.awssdk.services.ec2.model.CreateNetworkAclRequest;
import software.amazon.awssdk.services.ec2.model.CreateNetworkAclResponse;

import java.util.List;

/** A custom ACL: it denies everything until entries are added, and no subnet uses it yet. */
public final class CreateNetworkAcl implements Handler<CreateNetworkAclRequest, CreateNetworkAclResponse> {

    @Override
    public CreateNetworkAclResponse handle(RequestContext ctx, CreateNetworkAclRequest in) {
        return ctx.write(tx -> {
            VpcRecord vpc = Lookups.require(tx, NetworkKinds.VPC, in.vpcId());
            NetworkAclRecord acl = NetworkAcls.createCustom(tx, vpc.vpcId(), ctx.accountId(),
                    !vpc.ipv6CidrBlockAssociations().isEmpty(), ctx.receivedAt());
            Tags.applySpecifications(tx, acl.networkAclId(), "network-acl", in.tagSpecifications(), List.of("network-acl"));
            return CreateNetworkAclResponse.builder().networkAcl(NetworkAclViews.toSdk(tx, acl)).build();
        });
    }
}
