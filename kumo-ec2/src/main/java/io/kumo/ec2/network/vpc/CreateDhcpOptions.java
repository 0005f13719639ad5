package io.kumo.ec2.network.vpc;

import io.kumo.core.Ids;
import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.ec2.support.Ec2Errors;
import io.kumo.ec2.support.Tags;
import software.amazon.awssdk.services.ec2.model.CreateDhcpOptionsRequest;
import software.amazon.awssdk.services.ec2.model.CreateDhcpOptionsResponse;
import software.amazon.awssdk.services.ec2.model.NewDhcpConfiguration;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A DHCP options set with the keys EC2 knows. */
public final class CreateDhcpOptions implements Handler<CreateDhcpOptionsRequest, CreateDhcpOptionsResponse> {
    private static final Set<String> KEYS = Set.of("domain-name", "domain-name-servers", "ntp-servers", "netbios-name-servers",
            "netbios-node-type", "ipv6-address-preferred-lease-time");

    @Override
    public CreateDhcpOptionsResponse handle(RequestContext ctx, CreateDhcpOptionsRequest in) {
        List<DhcpOptionsRecord.Configuration> configurations = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (NewDhcpConfiguration c : in.dhcpConfigurations()) {
            if (c.key() == null || !KEYS.contains(c.key())) {
                throw Ec2Errors.invalidParameterValue("Value (" + c.key() + ") for parameter dhcpConfiguration is invalid. Unrecognized key");
            }
            if (!seen.add(c.key())) {
                throw Ec2Errors.invalidParameterValue("Value (" + c.key() + ") for parameter dhcpConfiguration is invalid. Duplicate key");
            }
            if (c.values().isEmpty()) {
                throw Ec2Errors.invalidParameterValue("Value for parameter " + c.key() + " must not be empty");
            }
            configurations.add(new DhcpOptionsRecord.Configuration(c.key(), c.values()));
        }
        if (configurations.isEmpty()) {
            throw Ec2Errors.missingParameter("dhcpConfiguration");
        }
        return ctx.write(tx -> {
            DhcpOptionsRecord options = new DhcpOptionsRecord(Ids.ec2("dopt"), ctx.accountId(), configurations);
            tx.put(DhcpOptionsRecord.TABLE, options.dhcpOptionsId(), options);
            Tags.applySpecifications(tx, options.dhcpOptionsId(), "dhcp-options", in.tagSpecifications(), List.of("dhcp-options"));
            return CreateDhcpOptionsResponse.builder().dhcpOptions(DescribeDhcpOptions.toSdk(tx, options)).build();
        });
    }
}
