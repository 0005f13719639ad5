package io.kumo.ec2.network.sg;

import io.kumo.core.AwsException;
import io.kumo.core.store.Tx;
import io.kumo.ec2.network.Lookups;
import io.kumo.ec2.network.NetworkKinds;
import io.kumo.ec2.network.region.DefaultVpc;

/** The group a call acts on: by id, or by name in the default VPC. */
final class TargetGroup {
    private TargetGroup() {
    }

    static SecurityGroupRecord require(Tx tx, String groupId, String groupName) {
        if (groupId != null) {
            return Lookups.require(tx, NetworkKinds.SECURITY_GROUP, groupId);
        }
        if (groupName == null) {
            throw AwsException.badRequest("MissingParameter", "The request must contain the parameter groupName or groupId");
        }
        String vpcId = DefaultVpc.vpcId(tx).orElseThrow(() -> AwsException.badRequest("VPCIdNotSpecified",
                "No default VPC for this user. GroupName is only supported for EC2-Classic and default VPC."));
        return SecurityGroups.findByName(tx, vpcId, groupName).orElseThrow(() -> AwsException.badRequest("InvalidGroup.NotFound",
                "The security group '" + groupName + "' does not exist in default VPC '" + vpcId + "'"));
    }
}
