package io.kumo.ec2.network.nacl;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.ec2.network.Lookups;
import io.kumo.ec2.network.NetworkKinds;
import io.kumo.ec2.support.Ec2Errors;
import io.kumo.ec2.support.Tags;
import software.amazon.awssdk.services.ec2.model.DeleteNetworkAclRequest;
import software.amazon.awssdk.services.ec2.model.DeleteNetworkAclResponse;

public final class DeleteNetworkAcl implements Handler<DeleteNetworkAclRequest, DeleteNetworkAclResponse> {

    @Override
    public DeleteNetworkAclResponse handle(RequestContext ctx, DeleteNetworkAclRequest in) {
        return ctx.write(tx -> {
            NetworkAclRecord acl = Lookups.require(tx, NetworkKinds.NETWORK_ACL, in.networkAclId());
            if (acl.isDefault()) {
                throw Ec2Errors.invalidParameterValue("cannot delete default network ACL " + acl.networkAclId());
            }
            if (!acl.associations().isEmpty()) {
                throw Ec2Errors.dependencyViolation("The networkAcl '" + acl.networkAclId() + "' has dependencies and cannot be deleted.");
            }
            tx.delete(NetworkAclRecord.TABLE, acl.networkAclId());
            Tags.deleteAll(tx, acl.networkAclId());
            return DeleteNetworkAclResponse.builder().build();
        });
    }
}
