package io.kumo.ec2.network.subnet;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.ec2.network.Lookups;
import io.kumo.ec2.network.NetworkKinds;
import io.kumo.ec2.support.Ec2Errors;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.ModifySubnetAttributeRequest;
import software.amazon.awssdk.services.ec2.model.ModifySubnetAttributeResponse;

import java.util.ArrayList;
import java.util.List;

/** Changes one launch attribute of a subnet per call. */
public final class ModifySubnetAttribute implements Handler<ModifySubnetAttributeRequest, ModifySubnetAttributeResponse> {

    @Override
    public ModifySubnetAttributeResponse handle(RequestContext ctx, ModifySubnetAttributeRequest in) {
        List<String> given = new ArrayList<>();
        addIf(given, in.mapPublicIpOnLaunch(), "mapPublicIpOnLaunch");
        addIf(given, in.assignIpv6AddressOnCreation(), "assignIpv6AddressOnCreation");
        addIf(given, in.enableDns64(), "enableDns64");
        addIf(given, in.mapCustomerOwnedIpOnLaunch(), "mapCustomerOwnedIpOnLaunch");
        addIf(given, in.privateDnsHostnameTypeOnLaunchAsString(), "privateDnsHostnameTypeOnLaunch");
        addIf(given, in.enableResourceNameDnsARecordOnLaunch(), "enableResourceNameDnsARecordOnLaunch");
        addIf(given, in.enableResourceNameDnsAAAARecordOnLaunch(), "enableResourceNameDnsAAAARecordOnLaunch");
        if (given.size() > 1) {
            throw Ec2Errors.invalidParameterCombination("Fields for multiple attribute types specified: " + String.join(", ", given));
        }
        if (given.isEmpty()) {
            throw Ec2Errors.invalidParameterCombination("No attributes specified.");
        }
        if (in.mapCustomerOwnedIpOnLaunch() != null) {
            throw Ec2Errors.invalidParameterValue("Customer-owned IP pools belong to Outposts, which Kumo does not have.");
        }
        return ctx.write(tx -> {
            SubnetRecord s = Lookups.require(tx, NetworkKinds.SUBNET, in.subnetId());
            SubnetRecord updated;
            if (in.mapPublicIpOnLaunch() != null) {
                updated = s.withMapPublicIpOnLaunch(value(in.mapPublicIpOnLaunch()));
            } else if (in.assignIpv6AddressOnCreation() != null) {
                boolean on = value(in.assignIpv6AddressOnCreation());
                if (on && s.ipv6CidrBlockAssociations().isEmpty()) {
                    throw Ec2Errors.invalidParameterValue("Subnet " + s.subnetId() + " does not have an IPv6 CIDR block.");
                }
                updated = s.withAssignIpv6AddressOnCreation(on);
            } else if (in.enableDns64() != null) {
                updated = s.withEnableDns64(value(in.enableDns64()));
            } else if (in.privateDnsHostnameTypeOnLaunchAsString() != null) {
                String type = in.privateDnsHostnameTypeOnLaunchAsString();
                if (!type.equals("ip-name") && !type.equals("resource-name")) {
                    throw Ec2Errors.invalidParameterValue("Value (" + type + ") for parameter privateDnsHostnameTypeOnLaunch is invalid.");
                }
                updated = s.withHostnameOptions(type, s.enableResourceNameDnsARecord(), s.enableResourceNameDnsAaaaRecord());
            } else if (in.enableResourceNameDnsARecordOnLaunch() != null) {
                updated = s.withHostnameOptions(s.hostnameType(), value(in.enableResourceNameDnsARecordOnLaunch()),
                        s.enableResourceNameDnsAaaaRecord());
            } else {
                updated = s.withHostnameOptions(s.hostnameType(), s.enableResourceNameDnsARecord(),
                        value(in.enableResourceNameDnsAAAARecordOnLaunch()));
            }
            tx.put(SubnetRecord.TABLE, s.subnetId(), updated);
            return ModifySubnetAttributeResponse.builder().build();
        });
    }

    private static void addIf(List<String> given, Object value, String name) {
        if (value != null) {
            given.add(name);
        }
    }

    private static boolean value(AttributeBooleanValue attribute) {
        return Boolean.TRUE.equals(attribute.value());
    }
}
