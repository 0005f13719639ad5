package io.kumo.ec2.network.vpc;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.ec2.network.Lookups;
import io.kumo.ec2.network.NetworkKinds;
import io.kumo.ec2.support.Ec2Errors;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.ModifyVpcAttributeRequest;
import software.amazon.awssdk.services.ec2.model.ModifyVpcAttributeResponse;

import java.util.ArrayList;
import java.util.List;

/** Sets one DNS (or address usage metrics) attribute per call, as EC2 requires. */
public final class ModifyVpcAttribute implements Handler<ModifyVpcAttributeRequest, ModifyVpcAttributeResponse> {

    @Override
    public ModifyVpcAttributeResponse handle(RequestContext ctx, ModifyVpcAttributeRequest in) {
        List<String> given = new ArrayList<>();
        if (in.enableDnsHostnames() != null) {
            given.add("enableDnsHostnames");
        }
        if (in.enableDnsSupport() != null) {
            given.add("enableDnsSupport");
        }
        if (in.enableNetworkAddressUsageMetrics() != null) {
            given.add("enableNetworkAddressUsageMetrics");
        }
        if (given.size() > 1) {
            throw Ec2Errors.invalidParameterCombination("Fields for multiple attribute types specified: " + String.join(", ", given));
        }
        if (given.isEmpty()) {
            throw Ec2Errors.invalidParameterCombination("No attributes specified.");
        }
        return ctx.write(tx -> {
            VpcRecord vpc = Lookups.require(tx, NetworkKinds.VPC, in.vpcId());
            VpcRecord updated = vpc;
            if (in.enableDnsSupport() != null) {
                boolean support = value(in.enableDnsSupport(), "EnableDnsSupport");
                updated = vpc.withDns(support, vpc.enableDnsHostnames());
            } else if (in.enableDnsHostnames() != null) {
                boolean hostnames = value(in.enableDnsHostnames(), "EnableDnsHostnames");
                if (hostnames && !vpc.enableDnsSupport()) {
                    throw Ec2Errors.invalidParameterValue(
                            "Cannot enable DNS hostnames for VPC " + vpc.vpcId() + " because DNS support is not enabled.");
                }
                updated = vpc.withDns(vpc.enableDnsSupport(), hostnames);
            } else {
                updated = vpc.withNetworkAddressUsageMetrics(value(in.enableNetworkAddressUsageMetrics(), "EnableNetworkAddressUsageMetrics"));
            }
            tx.put(VpcRecord.TABLE, vpc.vpcId(), updated);
            return ModifyVpcAttributeResponse.builder().build();
        });
    }

    private static boolean value(AttributeBooleanValue attribute, String name) {
        if (attribute.value() == null) {
            throw Ec2Errors.missingParameter(name + ".Value");
        }
        return attribute.value();
    }
}
