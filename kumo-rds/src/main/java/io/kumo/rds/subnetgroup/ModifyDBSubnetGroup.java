package io.kumo.rds.subnetgroup;

import io.kumo.core.RequestContext;
import io.kumo.core.network.VpcDirectory;
import io.kumo.core.service.Handler;
import io.kumo.rds.instance.Usage;
import io.kumo.rds.support.RdsErrors;
import software.amazon.awssdk.services.rds.model.ModifyDbSubnetGroupRequest;
import software.amazon.awssdk.services.rds.model.ModifyDbSubnetGroupResponse;

import java.util.Set;
import java.util.function.Supplier;

/**
 * ModifyDBSubnetGroup: replaces the subnets (and the description, when given). A group in use
 * keeps its VPC, and keeps the subnets its instances are placed in.
 */
final class ModifyDBSubnetGroup implements Handler<ModifyDbSubnetGroupRequest, ModifyDbSubnetGroupResponse> {
    private final Supplier<VpcDirectory> vpcs;

    ModifyDBSubnetGroup(Supplier<VpcDirectory> vpcs) {
        this.vpcs = vpcs;
    }

    @Override
    public ModifyDbSubnetGroupResponse handle(RequestContext ctx, ModifyDbSubnetGroupRequest in) {
        if (in.dbSubnetGroupName() == null) {
            throw RdsErrors.missing("DBSubnetGroupName");
        }
        VpcDirectory directory = vpcs.get();
        DbSubnetGroupRecord updated = ctx.write(tx -> {
            DbSubnetGroupRecord group = SubnetGroups.require(tx, in.dbSubnetGroupName());
            SubnetGroups.Placement placed = SubnetGroups.place(tx, directory, in.subnetIds());
            boolean inUse = !Usage.instancesUsingSubnetGroup(tx, group.name()).isEmpty();
            if (inUse && !placed.vpcId().equals(group.vpcId())) {
                throw RdsErrors.invalidValue("The new subnets are in " + placed.vpcId() + ", but instances in the group are in "
                        + group.vpcId() + ".");
            }
            Set<String> kept = placed.subnets().stream().map(DbSubnetGroupRecord.Subnet::subnetId).collect(java.util.stream.Collectors.toSet());
            for (String used : Usage.subnetsUsedBy(tx, group.name())) {
                if (!kept.contains(used)) {
                    throw RdsErrors.of("SubnetAlreadyInUse", "The subnet " + used + " is in use by a DB instance of the group.");
                }
            }
            String description = in.dbSubnetGroupDescription() == null ? group.description() : in.dbSubnetGroupDescription();
            DbSubnetGroupRecord next = group.with(description, placed.vpcId(), placed.subnets());
            tx.put(DbSubnetGroupRecord.TABLE, group.name(), next);
            return next;
        });
        return ModifyDbSubnetGroupResponse.builder().dbSubnetGroup(SubnetGroups.toSdk(updated)).build();
    }
}
