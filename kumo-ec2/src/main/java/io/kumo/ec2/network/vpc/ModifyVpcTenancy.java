package io.kumo.ec2.network.vpc;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.ec2.network.Lookups;
import io.kumo.ec2.network.NetworkKinds;
import io.kumo.ec2.support.Ec2Errors;
import software.amazon.awssdk.services.ec2.model.ModifyVpcTenancyRequest;
import software.amazon.awssdk.services.ec2.model.ModifyVpcTenancyResponse;

/** A dedicated VPC can be changed to default tenancy; nothing else. */
public final class ModifyVpcTenancy implements Handler<ModifyVpcTenancyRequest, ModifyVpcTenancyResponse> {

    @Override
    public ModifyVpcTenancyResponse handle(RequestContext ctx, ModifyVpcTenancyRequest in) {
        String tenancy = in.instanceTenancyAsString();
        if (!VpcSetup.TENANCY_DEFAULT.equals(tenancy)) {
            throw Ec2Errors.invalidParameterValue("Value (" + tenancy + ") for parameter instanceTenancy is invalid. "
                    + "The only supported value is default.");
        }
        return ctx.write(tx -> {
            VpcRecord vpc = Lookups.require(tx, NetworkKinds.VPC, in.vpcId());
            tx.put(VpcRecord.TABLE, vpc.vpcId(), vpc.withInstanceTenancy(tenancy));
            return ModifyVpcTenancyResponse.builder().returnValue(true).build();
        });
    }
}
