package io.kumo.ec2.network.vpc;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.ec2.network.Lookups;
import io.kumo.ec2.network.NetworkKinds;
import io.kumo.ec2.support.Ec2Errors;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.DescribeVpcAttributeRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcAttributeResponse;

public final class DescribeVpcAttribute implements Handler<DescribeVpcAttributeRequest, DescribeVpcAttributeResponse> {

    @Override
    public DescribeVpcAttributeResponse handle(RequestContext ctx, DescribeVpcAttributeRequest in) {
        VpcRecord vpc = ctx.read(tx -> Lookups.<VpcRecord>require(tx, NetworkKinds.VPC, in.vpcId()));
        var out = DescribeVpcAttributeResponse.builder().vpcId(vpc.vpcId());
        String attribute = in.attributeAsString();
        switch (attribute) {
            case "enableDnsSupport" -> out.enableDnsSupport(bool(vpc.enableDnsSupport()));
            case "enableDnsHostnames" -> out.enableDnsHostnames(bool(vpc.enableDnsHostnames()));
            case "enableNetworkAddressUsageMetrics" -> out.enableNetworkAddressUsageMetrics(bool(vpc.enableNetworkAddressUsageMetrics()));
            default -> throw Ec2Errors.invalidParameterValue("Value (" + attribute + ") for parameter attribute is invalid. Unknown attribute.");
        }
        return out.build();
    }

    private static AttributeBooleanValue bool(boolean value) {
        return AttributeBooleanValue.builder().value(value).build();
    }
}
