package io.kumo.rds.subnetgroup;

import io.kumo.core.RequestContext;
import io.kumo.core.network.VpcDirectory;
import io.kumo.core.service.Handler;
import io.kumo.rds.support.Arns;
import io.kumo.rds.support.Identifiers;
import io.kumo.rds.support.RdsErrors;
import io.kumo.rds.tag.Tags;
import software.amazon.awssdk.services.rds.model.CreateDbSubnetGroupRequest;
import software.amazon.awssdk.services.rds.model.CreateDbSubnetGroupResponse;

import java.util.function.Supplier;

/** CreateDBSubnetGroup: subnets of one VPC in at least two zones; the name "default" is RDS's own. */
final class CreateDBSubnetGroup implements Handler<CreateDbSubnetGroupRequest, CreateDbSubnetGroupResponse> {
    private final Supplier<VpcDirectory> vpcs;

    CreateDBSubnetGroup(Supplier<VpcDirectory> vpcs) {
        this.vpcs = vpcs;
    }

    @Override
    public CreateDbSubnetGroupResponse handle(RequestContext ctx, CreateDbSubnetGroupRequest in) {
        String name = Identifiers.subnetGroup(in.dbSubnetGroupName());
        if (name.equals("default")) {
            throw RdsErrors.invalidValue("The parameter DBSubnetGroupName must not be \"default\".");
        }
        if (in.dbSubnetGroupDescription() == null) {
            throw RdsErrors.missing("DBSubnetGroupDescription");
        }
        VpcDirectory directory = vpcs.get();
        DbSubnetGroupRecord created = ctx.write(tx -> {
            SubnetGroups.Placement placed = SubnetGroups.place(tx, directory, in.subnetIds());
            if (tx.get(DbSubnetGroupRecord.TABLE, name).isPresent()) {
                throw RdsErrors.of("DBSubnetGroupAlreadyExists", "The DB subnet group '" + name + "' already exists.");
            }
            DbSubnetGroupRecord group = new DbSubnetGroupRecord(name, Arns.of(ctx.region(), ctx.accountId(), Arns.SUBNET_GROUP, name),
                    in.dbSubnetGroupDescription(), placed.vpcId(), placed.subnets());
            tx.put(DbSubnetGroupRecord.TABLE, name, group);
            Tags.add(tx, group.arn(), in.tags());
            return group;
        });
        return CreateDbSubnetGroupResponse.builder().dbSubnetGroup(SubnetGroups.toSdk(created)).build();
    }
}
