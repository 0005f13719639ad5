package io.kumo.ec2.network.sg;

import io.kumo.core.AwsException;
import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.core.store.Tx;
import io.kumo.ec2.support.DependencyChecks;
import io.kumo.ec2.support.Ec2Errors;
import software.amazon.awssdk.services.ec2.model.DeleteSecurityGroupRequest;
import software.amazon.awssdk.services.ec2.model.DeleteSecurityGroupResponse;

/** Not the default group; not a group a network interface uses or another group's rule names. */
public final class DeleteSecurityGroup implements Handler<DeleteSecurityGroupRequest, DeleteSecurityGroupResponse> {
    private final DependencyChecks dependencies;

    public DeleteSecurityGroup(DependencyChecks dependencies) {
        this.dependencies = dependencies;
    }

    @Override
    public DeleteSecurityGroupResponse handle(RequestContext ctx, DeleteSecurityGroupRequest in) {
        return ctx.write(tx -> {
            SecurityGroupRecord group = TargetGroup.require(tx, in.groupId(), in.groupName());
            if (group.defaultGroup()) {
                throw AwsException.badRequest("CannotDelete", "the specified group: \"" + group.groupId()
                        + "\" name: \"default\" cannot be deleted by a user");
            }
            if (referenced(tx, group.groupId()) || dependencies.firstUserOf(tx, group.groupId()).isPresent()) {
                throw Ec2Errors.dependencyViolation("resource " + group.groupId() + " has a dependent object");
            }
            SecurityGroupSetup.delete(tx, group);
            return DeleteSecurityGroupResponse.builder().returnValue(true).groupId(group.groupId()).build();
        });
    }

    private static boolean referenced(Tx tx, String groupId) {
        return tx.list(SecurityGroupRecord.TABLE).stream()
                .filter(g -> !g.groupId().equals(groupId))
                .flatMap(g -> g.rules().stream())
                .anyMatch(r -> groupId.equals(r.referencedGroupId()));
    }
}
