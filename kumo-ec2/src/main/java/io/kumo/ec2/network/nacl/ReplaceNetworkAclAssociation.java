package io.kumo.ec2.network.nacl;

import io.kumo.core.AwsException;
import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.ec2.network.Lookups;
import io.kumo.ec2.network.NetworkKinds;
import io.kumo.ec2.support.Ec2Errors;
import software.amazon.awssdk.services.ec2.model.ReplaceNetworkAclAssociationRequest;
import software.amazon.awssdk.services.ec2.model.ReplaceNetworkAclAssociationResponse;

/** Moves a subnet to another ACL of its VPC; the association gets a new id. */
public final class ReplaceNetworkAclAssociation implements Handler<ReplaceNetworkAclAssociationRequest, ReplaceNetworkAclAssociationResponse> {

    @Override
    public ReplaceNetworkAclAssociationResponse handle(RequestContext ctx, ReplaceNetworkAclAssociationRequest in) {
        return ctx.write(tx -> {
            NetworkAclRecord target = Lookups.require(tx, NetworkKinds.NETWORK_ACL, in.networkAclId());
            NetworkAclRecord source = null;
            NetworkAclRecord.Association association = null;
            for (NetworkAclRecord acl : tx.list(NetworkAclRecord.TABLE)) {
                for (NetworkAclRecord.Association a : acl.associations()) {
                    if (a.associationId().equals(in.associationId())) {
                        source = acl;
                        association = a;
                    }
                }
            }
            if (association == null) {
                throw AwsException.badRequest("InvalidAssociationID.NotFound",
                        "The association ID '" + in.associationId() + "' does not exist");
            }
            if (!source.vpcId().equals(target.vpcId())) {
                throw Ec2Errors.invalidParameterValue("Network ACL " + target.networkAclId() + " and subnet "
                        + association.subnetId() + " belong to different networks");
            }
            String subnetId = association.subnetId();
            NetworkAcls.forgetSubnet(tx, subnetId);
            NetworkAclRecord fresh = tx.get(NetworkAclRecord.TABLE, target.networkAclId()).orElseThrow();
            String newId = NetworkAcls.associate(tx, fresh, subnetId);
            return ReplaceNetworkAclAssociationResponse.builder().newAssociationId(newId).build();
        });
    }
}
