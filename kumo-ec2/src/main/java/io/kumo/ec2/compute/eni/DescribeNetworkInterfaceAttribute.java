package io.kumo.ec2.compute.eni;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.ec2.compute.ComputeKinds;
import io.kumo.ec2.network.Lookups;
import io.kumo.ec2.support.Ec2Errors;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.AttributeValue;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkInterfaceAttributeRequest;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkInterfaceAttributeResponse;

import java.util.List;

/** DescribeNetworkInterfaceAttribute: description, groupSet, sourceDestCheck or attachment. */
public final class DescribeNetworkInterfaceAttribute
        implements Handler<DescribeNetworkInterfaceAttributeRequest, DescribeNetworkInterfaceAttributeResponse> {

    @Override
    public DescribeNetworkInterfaceAttributeResponse handle(RequestContext ctx, DescribeNetworkInterfaceAttributeRequest in) {
        return ctx.read(tx -> {
            NetworkInterfaceRecord eni = Lookups.require(tx, ComputeKinds.NETWORK_INTERFACE, in.networkInterfaceId());
            var sdk = EniViews.toSdk(EniViews.load(tx, List.of(eni)).getFirst());
            var out = DescribeNetworkInterfaceAttributeResponse.builder().networkInterfaceId(eni.networkInterfaceId());
            String attribute = in.attributeAsString() == null ? "" : in.attributeAsString();
            switch (attribute) {
                case "description" -> out.description(AttributeValue.builder().value(eni.description()).build());
                case "groupSet" -> out.groups(sdk.groups());
                case "sourceDestCheck" -> out.sourceDestCheck(AttributeBooleanValue.builder().value(eni.sourceDestCheck()).build());
                case "attachment" -> out.attachment(sdk.attachment());
                case "associatePublicIpAddress" -> out.associatePublicIpAddress(eni.autoPublicIp());
                default -> throw Ec2Errors.invalidParameterValue("Value (" + attribute + ") for parameter attribute is invalid. Unknown attribute.");
            }
            return out.build();
        });
    }
}
