package io.kumo.ec2.network.vpc;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.core.store.Tx;
import io.kumo.ec2.network.Lookups;
import io.kumo.ec2.network.NetworkKinds;
import io.kumo.ec2.network.igw.InternetGatewayRecord;
import io.kumo.ec2.network.nacl.NetworkAclRecord;
import io.kumo.ec2.network.nacl.NetworkAcls;
import io.kumo.ec2.network.natgw.NatGatewayRecord;
import io.kumo.ec2.network.routetable.RouteTableRecord;
import io.kumo.ec2.network.routetable.RouteTables;
import io.kumo.ec2.network.sg.SecurityGroupRecord;
import io.kumo.ec2.network.sg.SecurityGroupSetup;
import io.kumo.ec2.network.subnet.SubnetRecord;
import io.kumo.ec2.support.DependencyChecks;
import io.kumo.ec2.support.Ec2Errors;
import io.kumo.ec2.support.Tags;
import software.amazon.awssdk.services.ec2.model.DeleteVpcRequest;
import software.amazon.awssdk.services.ec2.model.DeleteVpcResponse;

/**
 * Deletes a VPC once nothing but what came with it is left: its main route table, default
 * security group and default network ACL go with it; anything else is a DependencyViolation.
 */
public final class DeleteVpc implements Handler<DeleteVpcRequest, DeleteVpcResponse> {
    private final DependencyChecks dependencies;

    public DeleteVpc(DependencyChecks dependencies) {
        this.dependencies = dependencies;
    }

    @Override
    public DeleteVpcResponse handle(RequestContext ctx, DeleteVpcRequest in) {
        return ctx.write(tx -> {
            VpcRecord vpc = Lookups.require(tx, NetworkKinds.VPC, in.vpcId());
            if (hasDependencies(tx, vpc.vpcId())) {
                throw Ec2Errors.dependencyViolation("The vpc '" + vpc.vpcId() + "' has dependencies and cannot be deleted.");
            }
            RouteTables.ofVpc(tx, vpc.vpcId()).forEach(t -> {
                tx.delete(RouteTableRecord.TABLE, t.routeTableId());
                Tags.deleteAll(tx, t.routeTableId());
            });
            tx.list(SecurityGroupRecord.TABLE).stream().filter(g -> g.vpcId().equals(vpc.vpcId()))
                    .forEach(g -> SecurityGroupSetup.delete(tx, g));
            NetworkAcls.ofVpc(tx, vpc.vpcId()).forEach(a -> {
                tx.delete(NetworkAclRecord.TABLE, a.networkAclId());
                Tags.deleteAll(tx, a.networkAclId());
            });
            tx.delete(VpcRecord.TABLE, vpc.vpcId());
            Tags.deleteAll(tx, vpc.vpcId());
            return DeleteVpcResponse.builder().build();
        });
    }

    private boolean hasDependencies(Tx tx, String vpcId) {
        return tx.list(SubnetRecord.TABLE).stream().anyMatch(s -> s.vpcId().equals(vpcId))
                || tx.list(InternetGatewayRecord.TABLE).stream().anyMatch(g -> vpcId.equals(g.vpcId()))
                || tx.list(SecurityGroupRecord.TABLE).stream().anyMatch(g -> g.vpcId().equals(vpcId) && !g.defaultGroup())
                || RouteTables.ofVpc(tx, vpcId).stream().anyMatch(t -> !t.main())
                || NetworkAcls.ofVpc(tx, vpcId).stream().anyMatch(a -> !a.isDefault())
                || tx.list(NatGatewayRecord.TABLE).stream().anyMatch(n -> n.vpcId().equals(vpcId) && !n.gone())
                || dependencies.firstUserOf(tx, vpcId).isPresent();
    }
}
