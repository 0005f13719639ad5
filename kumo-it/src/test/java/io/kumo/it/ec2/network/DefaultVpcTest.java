package io.kumo.it.ec2.network;

import io.kumo.it.KumoHarness;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.InternetGateway;
import software.amazon.awssdk.services.ec2.model.NetworkAcl;
import software.amazon.awssdk.services.ec2.model.Route;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Vpc;

import java.util.Comparator;
import java.util.List;

import static io.kumo.it.ec2.Ec2Asserts.filter;
import static org.assertj.core.api.Assertions.assertThat;

/** Every region starts with the default VPC a new AWS account has there. */
class DefaultVpcTest {
    private final KumoHarness kumo = KumoHarness.shared();

    @Test
    void tokyoHasADefaultVpcWithThreeDefaultSubnets() {
        checkRegion(kumo.ec2(), "ap-northeast-1", List.of("ap-northeast-1a", "ap-northeast-1c", "ap-northeast-1d"));
    }

    @Test
    void virginiaHasSixDefaultSubnets() {
        checkRegion(kumo.ec2(Region.US_EAST_1), "us-east-1",
                List.of("us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d", "us-east-1e", "us-east-1f"));
    }

    private void checkRegion(Ec2Client ec2, String region, List<String> zones) {
        List<Vpc> defaults = ec2.describeVpcs(r -> r.filters(filter("is-default", "true"))).vpcs();
        assertThat(defaults).hasSize(1);
        Vpc vpc = defaults.getFirst();
        assertThat(vpc.cidrBlock()).isEqualTo("172.31.0.0/16");
        assertThat(vpc.isDefault()).isTrue();
        assertThat(vpc.stateAsString()).isEqualTo("available");
        assertThat(vpc.ownerId()).isEqualTo("000000000000");
        assertThat(vpc.dhcpOptionsId()).startsWith("dopt-");
        assertThat(ec2.describeVpcAttribute(r -> r.vpcId(vpc.vpcId()).attribute("enableDnsHostnames"))
                .enableDnsHostnames().value()).isTrue();
        assertThat(ec2.describeVpcAttribute(r -> r.vpcId(vpc.vpcId()).attribute("enableDnsSupport"))
                .enableDnsSupport().value()).isTrue();

        List<Subnet> subnets = ec2.describeSubnets(r -> r.filters(filter("vpc-id", vpc.vpcId()))).subnets().stream()
                .sorted(Comparator.comparing(Subnet::availabilityZone)).toList();
        assertThat(subnets).extracting(Subnet::availabilityZone).containsExactlyElementsOf(zones);
        for (int i = 0; i < subnets.size(); i++) {
            Subnet s = subnets.get(i);
            assertThat(s.cidrBlock()).isEqualTo("172.31." + (i * 16) + ".0/20");
            assertThat(s.defaultForAz()).isTrue();
            assertThat(s.mapPublicIpOnLaunch()).isTrue();
            assertThat(s.availableIpAddressCount()).isLessThanOrEqualTo(4091);
            assertThat(s.subnetArn()).isEqualTo("arn:aws:ec2:" + region + ":000000000000:subnet/" + s.subnetId());
        }

        List<InternetGateway> igws = ec2.describeInternetGateways(r -> r.filters(filter("attachment.vpc-id", vpc.vpcId())))
                .internetGateways();
        assertThat(igws).hasSize(1);
        assertThat(igws.getFirst().attachments().getFirst().stateAsString()).isEqualTo("available");

        List<RouteTable> tables = ec2.describeRouteTables(r -> r.filters(filter("vpc-id", vpc.vpcId()))).routeTables();
        assertThat(tables).hasSize(1);
        RouteTable main = tables.getFirst();
        assertThat(main.associations()).singleElement().satisfies(a -> {
            assertThat(a.main()).isTrue();
            assertThat(a.routeTableAssociationId()).startsWith("rtbassoc-");
        });
        assertThat(main.routes()).extracting(Route::destinationCidrBlock, Route::gatewayId, Route::stateAsString)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("172.31.0.0/16", "local", "active"),
                        org.assertj.core.groups.Tuple.tuple("0.0.0.0/0", igws.getFirst().internetGatewayId(), "active"));

        List<SecurityGroup> groups = ec2.describeSecurityGroups(r -> r.filters(filter("vpc-id", vpc.vpcId()))).securityGroups();
        assertThat(groups).singleElement().satisfies(g -> {
            assertThat(g.groupName()).isEqualTo("default");
            assertThat(g.description()).isEqualTo("default VPC security group");
            assertThat(g.ipPermissions()).singleElement().satisfies(p -> {
                assertThat(p.ipProtocol()).isEqualTo("-1");
                assertThat(p.userIdGroupPairs()).singleElement().satisfies(pair -> assertThat(pair.groupId()).isEqualTo(g.groupId()));
            });
            assertThat(g.ipPermissionsEgress()).singleElement().satisfies(p -> {
                assertThat(p.ipProtocol()).isEqualTo("-1");
                assertThat(p.ipRanges()).singleElement().satisfies(range -> assertThat(range.cidrIp()).isEqualTo("0.0.0.0/0"));
            });
        });

        List<NetworkAcl> acls = ec2.describeNetworkAcls(r -> r.filters(filter("vpc-id", vpc.vpcId()))).networkAcls();
        assertThat(acls).singleElement().satisfies(acl -> {
            assertThat(acl.isDefault()).isTrue();
            assertThat(acl.associations()).hasSize(zones.size());
            assertThat(acl.entries()).extracting(e -> e.ruleNumber() + "/" + e.egress() + "/" + e.ruleActionAsString())
                    .containsExactlyInAnyOrder("100/false/allow", "100/true/allow", "32767/false/deny", "32767/true/deny");
        });

        assertThat(ec2.describeAccountAttributes(r -> r.attributeNamesWithStrings("default-vpc")).accountAttributes())
                .singleElement().satisfies(a -> assertThat(a.attributeValues().getFirst().attributeValue()).isEqualTo(vpc.vpcId()));
    }
}
