package io.kumo.ec2.network.vpc;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.ec2.network.Lookups;
import io.kumo.ec2.network.NetworkKinds;
import software.amazon.awssdk.services.ec2.model.AssociateDhcpOptionsRequest;
import software.amazon.awssdk.services.ec2.model.AssociateDhcpOptionsResponse;

/** Points a VPC at an options set, or at none with the id "default". */
public final class AssociateDhcpOptions implements Handler<AssociateDhcpOptionsRequest, AssociateDhcpOptionsResponse> {

    @Override
    public AssociateDhcpOptionsResponse handle(RequestContext ctx, AssociateDhcpOptionsRequest in) {
        return ctx.write(tx -> {
            VpcRecord vpc = Lookups.require(tx, NetworkKinds.VPC, in.vpcId());
            String id = in.dhcpOptionsId();
            if (!"default".equals(id)) {
                Lookups.<DhcpOptionsRecord>require(tx, NetworkKinds.DHCP_OPTIONS, id);
            }
            tx.put(VpcRecord.TABLE, vpc.vpcId(), vpc.withDhcpOptionsId(id));
            return AssociateDhcpOptionsResponse.builder().build();
        });
    }
}
