package io.kumo.rds.subnetgroup;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.rds.instance.Usage;
import io.kumo.rds.support.RdsErrors;
import io.kumo.rds.tag.Tags;
import software.amazon.awssdk.services.rds.model.DeleteDbSubnetGroupRequest;
import software.amazon.awssdk.services.rds.model.DeleteDbSubnetGroupResponse;

import java.util.List;

/** DeleteDBSubnetGroup: refused while any DB instance (in whatever status, deleting included) uses it. */
final class DeleteDBSubnetGroup implements Handler<DeleteDbSubnetGroupRequest, DeleteDbSubnetGroupResponse> {

    @Override
    public DeleteDbSubnetGroupResponse handle(RequestContext ctx, DeleteDbSubnetGroupRequest in) {
        if (in.dbSubnetGroupName() == null) {
            throw RdsErrors.missing("DBSubnetGroupName");
        }
        ctx.write(tx -> {
            DbSubnetGroupRecord group = SubnetGroups.require(tx, in.dbSubnetGroupName());
            List<String> users = Usage.instancesUsingSubnetGroup(tx, group.name());
            if (!users.isEmpty()) {
                throw RdsErrors.of("InvalidDBSubnetGroupStateFault", "Cannot delete the subnet group '" + group.name()
                        + "' because at least one database instance: " + users.getFirst() + " is still using it.");
            }
            tx.delete(DbSubnetGroupRecord.TABLE, group.name());
            Tags.forget(tx, group.arn());
            return null;
        });
        return DeleteDbSubnetGroupResponse.builder().build();
    }
}
