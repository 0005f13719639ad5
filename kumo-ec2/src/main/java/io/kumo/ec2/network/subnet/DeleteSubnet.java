package io.kumo.ec2.network.subnet;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.core.store.Tx;
import io.kumo.ec2.network.Lookups;
import io.kumo.ec2.network.NetworkKinds;
import io.kumo.ec2.network.nacl.NetworkAcls;
import io.kumo.ec2.network.natgw.NatGatewayRecord;
import io.kumo.ec2.network.routetable.RouteTables;
import io.kumo.ec2.support.DependencyChecks;
import io.kumo.ec2.support.Ec2Errors;
import io.kumo.ec2.support.Tags;
import software.amazon.awssdk.services.ec2.model.DeleteSubnetRequest;
import software.amazon.awssdk.services.ec2.model.DeleteSubnetResponse;

/** Deletes a subnet no network interface or NAT gateway uses; its ACL and route table associations go with it. */
public final class DeleteSubnet implements Handler<DeleteSubnetRequest, DeleteSubnetResponse> {
    private final DependencyChecks dependencies;

    public DeleteSubnet(DependencyChecks dependencies) {
        this.dependencies = dependencies;
    }

    @Override
    public DeleteSubnetResponse handle(RequestContext ctx, DeleteSubnetRequest in) {
        return ctx.write(tx -> {
            SubnetRecord subnet = Lookups.require(tx, NetworkKinds.SUBNET, in.subnetId());
            if (inUse(tx, subnet.subnetId())) {
                throw Ec2Errors.dependencyViolation("The subnet '" + subnet.subnetId() + "' has dependencies and cannot be deleted.");
            }
            NetworkAcls.forgetSubnet(tx, subnet.subnetId());
            RouteTables.forgetSubnet(tx, subnet.subnetId());
            SubnetAddresses.forget(tx, subnet.subnetId());
            tx.delete(SubnetRecord.TABLE, subnet.subnetId());
            Tags.deleteAll(tx, subnet.subnetId());
            return DeleteSubnetResponse.builder().build();
        });
    }

    private boolean inUse(Tx tx, String subnetId) {
        return dependencies.firstUserOf(tx, subnetId).isPresent()
                || tx.list(NatGatewayRecord.TABLE).stream().anyMatch(n -> n.subnetId().equals(subnetId) && !n.gone())
                || SubnetAddresses.usedCount(tx, subnetId) > 0;
    }
}
