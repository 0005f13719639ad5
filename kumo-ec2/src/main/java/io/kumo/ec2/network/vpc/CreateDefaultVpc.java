package io.kumo.ec2.network.vpc;

import io.kumo.core.AwsException;
import io.kumo.core.RequestContext;
import io.kumo.core.regions.Region;
import io.kumo.core.regions.Regions;
import io.kumo.core.service.Handler;
import io.kumo.ec2.network.region.DefaultVpc;
import io.kumo.ec2.network.region.RegionDefaults;
import io.kumo.ec2.support.Ec2Errors;
import io.kumo.ec2.support.Tags;
import software.amazon.awssdk.services.ec2.model.CreateDefaultVpcRequest;
import software.amazon.awssdk.services.ec2.model.CreateDefaultVpcResponse;

/** Brings back a deleted default VPC, with its subnets, internet gateway and route, as new accounts have it. */
public final class CreateDefaultVpc implements Handler<CreateDefaultVpcRequest, CreateDefaultVpcResponse> {

    @Override
    public CreateDefaultVpcResponse handle(RequestContext ctx, CreateDefaultVpcRequest in) {
        Region region = Regions.find(ctx.region()).orElseThrow(() -> Ec2Errors.invalidParameterValue("Invalid region: " + ctx.region()));
        return ctx.write(tx -> {
            if (DefaultVpc.vpcId(tx).isPresent()) {
                throw AwsException.badRequest("DefaultVpcAlreadyExists", "A Default VPC already exists for this account in this region.");
            }
            VpcRecord vpc = RegionDefaults.createDefaultVpc(tx, region, ctx.accountId(), ctx.receivedAt());
            return CreateDefaultVpcResponse.builder().vpc(Vpcs.toSdk(vpc, Tags.sdkTags(tx, vpc.vpcId()))).build();
        });
    }
}
