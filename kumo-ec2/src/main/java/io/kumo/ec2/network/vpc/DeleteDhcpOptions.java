package io.kumo.ec2.network.vpc;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.ec2.network.Lookups;
import io.kumo.ec2.network.NetworkKinds;
import io.kumo.ec2.support.Ec2Errors;
import io.kumo.ec2.support.Tags;
import software.amazon.awssdk.services.ec2.model.DeleteDhcpOptionsRequest;
import software.amazon.awssdk.services.ec2.model.DeleteDhcpOptionsResponse;

/** Not while a VPC uses the set. */
public final class DeleteDhcpOptions implements Handler<DeleteDhcpOptionsRequest, DeleteDhcpOptionsResponse> {

    @Override
    public DeleteDhcpOptionsResponse handle(RequestContext ctx, DeleteDhcpOptionsRequest in) {
        return ctx.write(tx -> {
            DhcpOptionsRecord options = Lookups.require(tx, NetworkKinds.DHCP_OPTIONS, in.dhcpOptionsId());
            if (tx.list(VpcRecord.TABLE).stream().anyMatch(v -> options.dhcpOptionsId().equals(v.dhcpOptionsId()))) {
                throw Ec2Errors.dependencyViolation("The dhcpOptions '" + options.dhcpOptionsId() + "' has dependencies and cannot be deleted.");
            }
            tx.delete(DhcpOptionsRecord.TABLE, options.dhcpOptionsId());
            Tags.deleteAll(tx, options.dhcpOptionsId());
            return DeleteDhcpOptionsResponse.builder().build();
        });
    }
}
