package io.kumo.ec2.network.region;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.ec2.network.sg.SecurityGroups;
import io.kumo.ec2.support.Ec2Errors;
import software.amazon.awssdk.services.ec2.model.AccountAttribute;
import software.amazon.awssdk.services.ec2.model.AccountAttributeValue;
import software.amazon.awssdk.services.ec2.model.DescribeAccountAttributesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeAccountAttributesResponse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The account's limits and its default VPC, as a new account has them. */
public final class DescribeAccountAttributes implements Handler<DescribeAccountAttributesRequest, DescribeAccountAttributesResponse> {
    public static final int MAX_INSTANCES = 20;
    public static final int MAX_ELASTIC_IPS = 5;

    @Override
    public DescribeAccountAttributesResponse handle(RequestContext ctx, DescribeAccountAttributesRequest in) {
        String defaultVpc = ctx.read(tx -> DefaultVpc.vpcId(tx).orElse("none"));
        Map<String, List<String>> all = new LinkedHashMap<>();
        all.put("supported-platforms", List.of("VPC"));
        all.put("vpc-max-security-groups-per-interface", List.of(String.valueOf(SecurityGroups.MAX_PER_INTERFACE)));
        all.put("max-elastic-ips", List.of(String.valueOf(MAX_ELASTIC_IPS)));
        all.put("max-instances", List.of(String.valueOf(MAX_INSTANCES)));
        all.put("vpc-max-elastic-ips", List.of(String.valueOf(MAX_ELASTIC_IPS)));
        all.put("default-vpc", List.of(defaultVpc));
        List<String> names = in.attributeNamesAsStrings();
        for (String name : names) {
            if (!all.containsKey(name)) {
                throw Ec2Errors.invalidParameterValue("Value (" + name + ") for parameter attributeName is invalid. Unknown attribute.");
            }
        }
        List<AccountAttribute> out = all.entrySet().stream()
                .filter(e -> names.isEmpty() || names.contains(e.getKey()))
                .map(e -> AccountAttribute.builder().attributeName(e.getKey())
                        .attributeValues(e.getValue().stream().map(v -> AccountAttributeValue.builder().attributeValue(v).build()).toList())
                        .build())
                .toList();
        return DescribeAccountAttributesResponse.builder().accountAttributes(out).build();
    }
}
