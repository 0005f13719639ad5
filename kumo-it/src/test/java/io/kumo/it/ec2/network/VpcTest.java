package io.kumo.it.ec2.network;

import io.kumo.it.KumoHarness;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcCidrBlockAssociation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.kumo.it.ec2.Ec2Asserts.fails;
import static io.kumo.it.ec2.Ec2Asserts.filter;
import static io.kumo.it.ec2.Ec2Asserts.message;
import static org.assertj.core.api.Assertions.assertThat;

class VpcTest {
    private final Ec2Client ec2 = KumoHarness.shared().ec2();

    private Vpc create(String cidr) {
        return ec2.createVpc(r -> r.cidrBlock(cidr)).vpc();
    }

    @Test
    void createVpcReturnsAnAvailableVpcWithItsCompanions() {
        Vpc vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16").tagSpecifications(TagSpecification.builder()
                .resourceType(ResourceType.VPC).tags(Tag.builder().key("Name").value("seed-vpc").build()).build())).vpc();
        assertThat(vpc.vpcId()).matches("vpc-[0-9a-f]{17}");
        assertThat(vpc.cidrBlock()).isEqualTo("10.0.0.0/16");
        assertThat(vpc.stateAsString()).isIn("pending", "available");
        assertThat(vpc.isDefault()).isFalse();
        assertThat(vpc.instanceTenancyAsString()).isEqualTo("default");
        assertThat(vpc.dhcpOptionsId()).startsWith("dopt-");
        assertThat(vpc.tags()).containsExactly(Tag.builder().key("Name").value("seed-vpc").build());
        assertThat(vpc.cidrBlockAssociationSet()).singleElement().satisfies(a -> {
            assertThat(a.associationId()).startsWith("vpc-cidr-assoc-");
            assertThat(a.cidrBlockState().stateAsString()).isEqualTo("associated");
        });

        assertThat(ec2.describeRouteTables(r -> r.filters(filter("vpc-id", vpc.vpcId()))).routeTables()).singleElement()
                .satisfies(t -> {
                    assertThat(t.associations()).singleElement().satisfies(a -> assertThat(a.main()).isTrue());
                    assertThat(t.routes()).singleElement().satisfies(route -> {
                        assertThat(route.destinationCidrBlock()).isEqualTo("10.0.0.0/16");
                        assertThat(route.gatewayId()).isEqualTo("local");
                        assertThat(route.stateAsString()).isEqualTo("active");
                        assertThat(route.originAsString()).isEqualTo("CreateRouteTable");
                    });
                });
        assertThat(ec2.describeSecurityGroups(r -> r.filters(filter("vpc-id", vpc.vpcId()))).securityGroups())
                .singleElement().satisfies(g -> assertThat(g.groupName()).isEqualTo("default"));
        assertThat(ec2.describeNetworkAcls(r -> r.filters(filter("vpc-id", vpc.vpcId()))).networkAcls())
                .singleElement().satisfies(a -> assertThat(a.isDefault()).isTrue());

        // DNS resolution on, hostnames off, as the scenario expects.
        assertThat(ec2.describeVpcAttribute(r -> r.vpcId(vpc.vpcId()).attribute("enableDnsSupport")).enableDnsSupport().value()).isTrue();
        assertThat(ec2.describeVpcAttribute(r -> r.vpcId(vpc.vpcId()).attribute("enableDnsHostnames")).enableDnsHostnames().value()).isFalse();
    }

    @Test
    void sizesOutsideSixteenToTwentyEightAreInvalidVpcRange() {
        var e = fails("InvalidVpc.Range", () -> create("10.0.0.0/15"));
        assertThat(message(e)).isEqualTo("The CIDR '10.0.0.0/15' is invalid.");
        fails("InvalidVpc.Range", () -> create("10.0.0.0/29"));
        assertThat(create("10.0.0.0/28").cidrBlock()).isEqualTo("10.0.0.0/28");
        fails("InvalidParameterValue", () -> create("10.0.0.0/33"));
        fails("InvalidParameterValue", () -> create("not-a-cidr"));
    }

    @Test
    void hostBitsAreCleared() {
        assertThat(create("10.1.2.3/16").cidrBlock()).isEqualTo("10.1.0.0/16");
    }

    @Test
    void tenancy() {
        Vpc dedicated = ec2.createVpc(r -> r.cidrBlock("10.9.0.0/16").instanceTenancy("dedicated")).vpc();
        assertThat(dedicated.instanceTenancyAsString()).isEqualTo("dedicated");
        fails("UnsupportedTenancy", () -> ec2.createVpc(r -> r.cidrBlock("10.9.0.0/16").instanceTenancy("host")));
        assertThat(ec2.modifyVpcTenancy(r -> r.vpcId(dedicated.vpcId()).instanceTenancy("default")).returnValue()).isTrue();
        assertThat(describe(dedicated.vpcId()).instanceTenancyAsString()).isEqualTo("default");
    }

    private Vpc describe(String vpcId) {
        return ec2.describeVpcs(r -> r.vpcIds(vpcId)).vpcs().getFirst();
    }

    @Test
    void unknownAndMalformedIds() {
        var e = fails("InvalidVpcID.NotFound", () -> ec2.describeVpcs(r -> r.vpcIds("vpc-0123456789abcdef0")));
        assertThat(message(e)).isEqualTo("The vpc ID 'vpc-0123456789abcdef0' does not exist");
        fails("InvalidVpcID.Malformed", () -> ec2.describeVpcs(r -> r.vpcIds("vpc-zz")));
        fails("InvalidVpcID.NotFound", () -> ec2.deleteVpc(r -> r.vpcId("vpc-0123456789abcdef0")));
    }

    @Test
    void filters() {
        Vpc vpc = create("10.42.0.0/16");
        ec2.createTags(r -> r.resources(vpc.vpcId()).tags(Tag.builder().key("team").value("web").build()));
        assertThat(ids(filter("cidr", "10.42.0.0/16"))).contains(vpc.vpcId());
        assertThat(ids(filter("cidr-block-association.cidr-block", "10.42.0.0/16"))).contains(vpc.vpcId());
        assertThat(ids(filter("cidr-block-association.association-id",
                vpc.cidrBlockAssociationSet().getFirst().associationId()))).containsExactly(vpc.vpcId());
        assertThat(ids(filter("cidr-block-association.state", "associated"))).contains(vpc.vpcId());
        assertThat(ids(filter("dhcp-options-id", vpc.dhcpOptionsId()))).contains(vpc.vpcId());
        assertThat(ids(filter("is-default", "false"))).contains(vpc.vpcId());
        assertThat(ids(filter("is-default", "true"))).doesNotContain(vpc.vpcId());
        assertThat(ids(filter("owner-id", "000000000000"))).contains(vpc.vpcId());
        assertThat(ids(filter("state", "available"))).contains(vpc.vpcId());
        assertThat(ids(filter("vpc-id", vpc.vpcId()))).containsExactly(vpc.vpcId());
        assertThat(ids(filter("tag:team", "web"))).contains(vpc.vpcId());
        assertThat(ids(filter("tag-key", "team"))).contains(vpc.vpcId());
        assertThat(ids(filter("tag-value", "we*"))).contains(vpc.vpcId());
        assertThat(ids(filter("tag:team", "db"))).doesNotContain(vpc.vpcId());
        assertThat(ids(filter("cidr", "10.42.0.0/16"), filter("state", "pending"))).isEmpty();
        fails("InvalidParameterValue", () -> ids(filter("colour", "blue")));
    }

    private List<String> ids(Filter... filters) {
        return ec2.describeVpcs(r -> r.filters(filters)).vpcs().stream().map(Vpc::vpcId).toList();
    }

    @Test
    void pagination() {
        for (int i = 0; i < 6; i++) {
            create("10.77." + i + ".0/24");
        }
        Set<String> seen = new HashSet<>();
        List<String> order = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String t = token;
            var page = ec2.describeVpcs(r -> r.maxResults(5).nextToken(t));
            assertThat(page.vpcs().size()).isLessThanOrEqualTo(5);
            page.vpcs().forEach(v -> {
                assertThat(seen.add(v.vpcId())).isTrue();
                order.add(v.vpcId());
            });
            token = page.nextToken();
            pages++;
        } while (token != null);
        assertThat(pages).isGreaterThanOrEqualTo(2);
        assertThat(seen).hasSize(ec2.describeVpcs().vpcs().size());
        fails("InvalidParameterValue", () -> ec2.describeVpcs(r -> r.maxResults(4)));
        fails("InvalidParameterValue", () -> ec2.describeVpcs(r -> r.maxResults(1001)));
        fails("InvalidPaginationToken", () -> ec2.describeVpcs(r -> r.maxResults(5).nextToken("garbage!")));
    }

    @Test
    void dryRun() {
        fails("DryRunOperation", () -> ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16").dryRun(true)));
        fails("DryRunOperation", () -> ec2.describeVpcs(r -> r.dryRun(true)));
    }

    @Test
    void dnsAttributesOneAtATime() {
        Vpc vpc = create("10.3.0.0/16");
        ec2.modifyVpcAttribute(r -> r.vpcId(vpc.vpcId()).enableDnsHostnames(on(true)));
        assertThat(ec2.describeVpcAttribute(r -> r.vpcId(vpc.vpcId()).attribute("enableDnsHostnames")).enableDnsHostnames().value()).isTrue();
        fails("InvalidParameterCombination", () -> ec2.modifyVpcAttribute(r -> r.vpcId(vpc.vpcId())
                .enableDnsHostnames(on(true)).enableDnsSupport(on(true))));
        ec2.modifyVpcAttribute(r -> r.vpcId(vpc.vpcId()).enableDnsHostnames(on(false)));
        ec2.modifyVpcAttribute(r -> r.vpcId(vpc.vpcId()).enableDnsSupport(on(false)));
        fails("InvalidParameterValue", () -> ec2.modifyVpcAttribute(r -> r.vpcId(vpc.vpcId()).enableDnsHostnames(on(true))));
        assertThat(ec2.describeVpcAttribute(r -> r.vpcId(vpc.vpcId()).attribute("enableDnsSupport")).enableDnsSupport().value()).isFalse();
        fails("InvalidVpcID.NotFound", () -> ec2.modifyVpcAttribute(r -> r.vpcId("vpc-0123456789abcdef0").enableDnsSupport(on(true))));
    }

    private static AttributeBooleanValue on(boolean value) {
        return AttributeBooleanValue.builder().value(value).build();
    }

    @Test
    void secondaryCidrBlocks() {
        Vpc vpc = create("10.0.0.0/16");
        VpcCidrBlockAssociation added = ec2.associateVpcCidrBlock(r -> r.vpcId(vpc.vpcId()).cidrBlock("10.1.0.0/16")).cidrBlockAssociation();
        assertThat(added.cidrBlock()).isEqualTo("10.1.0.0/16");
        assertThat(describe(vpc.vpcId()).cidrBlockAssociationSet()).extracting(VpcCidrBlockAssociation::cidrBlock)
                .containsExactly("10.0.0.0/16", "10.1.0.0/16");
        // The local route follows the new block.
        assertThat(ec2.describeRouteTables(r -> r.filters(filter("vpc-id", vpc.vpcId()))).routeTables().getFirst().routes())
                .extracting(software.amazon.awssdk.services.ec2.model.Route::destinationCidrBlock)
                .contains("10.1.0.0/16");

        fails("InvalidVpc.Range", () -> ec2.associateVpcCidrBlock(r -> r.vpcId(vpc.vpcId()).cidrBlock("10.0.128.0/17")));
        var restricted = fails("InvalidVpc.Range", () -> ec2.associateVpcCidrBlock(r -> r.vpcId(vpc.vpcId()).cidrBlock("172.16.0.0/16")));
        assertThat(message(restricted)).contains("is restricted");
        fails("InvalidVpc.Range", () -> ec2.associateVpcCidrBlock(r -> r.vpcId(vpc.vpcId()).cidrBlock("192.168.0.0/16")));
        fails("InvalidVpc.Range", () -> ec2.associateVpcCidrBlock(r -> r.vpcId(vpc.vpcId()).cidrBlock("10.2.0.0/15")));
        // Publicly routable blocks and 100.64.0.0/10 are allowed next to a 10/8 VPC.
        ec2.associateVpcCidrBlock(r -> r.vpcId(vpc.vpcId()).cidrBlock("100.64.0.0/16"));
        ec2.associateVpcCidrBlock(r -> r.vpcId(vpc.vpcId()).cidrBlock("10.2.0.0/16"));
        ec2.associateVpcCidrBlock(r -> r.vpcId(vpc.vpcId()).cidrBlock("10.3.0.0/16"));
        fails("CidrLimitExceeded", () -> ec2.associateVpcCidrBlock(r -> r.vpcId(vpc.vpcId()).cidrBlock("10.4.0.0/16")));

        var primary = fails("OperationNotPermitted", () -> ec2.disassociateVpcCidrBlock(
                r -> r.associationId(vpc.cidrBlockAssociationSet().getFirst().associationId())));
        assertThat(message(primary)).contains("primary");
        ec2.createSubnet(r -> r.vpcId(vpc.vpcId()).cidrBlock("10.1.1.0/24"));
        fails("DependencyViolation", () -> ec2.disassociateVpcCidrBlock(r -> r.associationId(added.associationId())));
        VpcCidrBlockAssociation third = describe(vpc.vpcId()).cidrBlockAssociationSet().get(3);
        ec2.disassociateVpcCidrBlock(r -> r.associationId(third.associationId()));
        assertThat(describe(vpc.vpcId()).cidrBlockAssociationSet()).hasSize(4);
        fails("InvalidVpcCidrBlockAssociationID.NotFound", () -> ec2.disassociateVpcCidrBlock(r -> r.associationId(third.associationId())));
    }

    @Test
    void amazonProvidedIpv6Block() {
        Vpc vpc = ec2.createVpc(r -> r.cidrBlock("10.6.0.0/16").amazonProvidedIpv6CidrBlock(true)).vpc();
        assertThat(vpc.ipv6CidrBlockAssociationSet()).singleElement().satisfies(a -> {
            assertThat(a.ipv6CidrBlock()).startsWith("2406:da14:").endsWith("/56");
            assertThat(a.ipv6Pool()).isEqualTo("Amazon");
            assertThat(a.networkBorderGroup()).isEqualTo("ap-northeast-1");
        });
        Vpc other = create("10.7.0.0/16");
        var v6 = ec2.associateVpcCidrBlock(r -> r.vpcId(other.vpcId()).amazonProvidedIpv6CidrBlock(true)).ipv6CidrBlockAssociation();
        assertThat(v6.ipv6CidrBlock()).endsWith("/56");
        fails("CidrLimitExceeded", () -> ec2.associateVpcCidrBlock(r -> r.vpcId(other.vpcId()).amazonProvidedIpv6CidrBlock(true)));
        assertThat(ec2.describeNetworkAcls(r -> r.filters(filter("vpc-id", other.vpcId()))).networkAcls().getFirst().entries())
                .anySatisfy(e -> assertThat(e.ipv6CidrBlock()).isEqualTo("::/0"));
        ec2.disassociateVpcCidrBlock(r -> r.associationId(v6.associationId()));
        assertThat(describe(other.vpcId()).ipv6CidrBlockAssociationSet()).isEmpty();
    }

    @Test
    void deleteVpcRefusesWhileASubnetIsLeftThenSucceeds() {
        Vpc vpc = create("10.5.0.0/16");
        var subnet = ec2.createSubnet(r -> r.vpcId(vpc.vpcId()).cidrBlock("10.5.0.0/24")).subnet();
        var e = fails("DependencyViolation", () -> ec2.deleteVpc(r -> r.vpcId(vpc.vpcId())));
        assertThat(message(e)).isEqualTo("The vpc '" + vpc.vpcId() + "' has dependencies and cannot be deleted.");
        ec2.deleteSubnet(r -> r.subnetId(subnet.subnetId()));
        ec2.deleteVpc(r -> r.vpcId(vpc.vpcId()));
        fails("InvalidVpcID.NotFound", () -> describe(vpc.vpcId()));
        assertThat(ec2.describeRouteTables(r -> r.filters(filter("vpc-id", vpc.vpcId()))).routeTables()).isEmpty();
        assertThat(ec2.describeSecurityGroups(r -> r.filters(filter("vpc-id", vpc.vpcId()))).securityGroups()).isEmpty();
        assertThat(ec2.describeNetworkAcls(r -> r.filters(filter("vpc-id", vpc.vpcId()))).networkAcls()).isEmpty();
    }

    @Test
    void deleteVpcRefusesWithGatewaysGroupsTablesAndAcls() {
        Vpc vpc = create("10.8.0.0/16");
        String igw = ec2.createInternetGateway().internetGateway().internetGatewayId();
        ec2.attachInternetGateway(r -> r.vpcId(vpc.vpcId()).internetGatewayId(igw));
        fails("DependencyViolation", () -> ec2.deleteVpc(r -> r.vpcId(vpc.vpcId())));
        ec2.detachInternetGateway(r -> r.vpcId(vpc.vpcId()).internetGatewayId(igw));

        String sg = ec2.createSecurityGroup(r -> r.vpcId(vpc.vpcId()).groupName("x").description("x")).groupId();
        fails("DependencyViolation", () -> ec2.deleteVpc(r -> r.vpcId(vpc.vpcId())));
        ec2.deleteSecurityGroup(r -> r.groupId(sg));

        String rtb = ec2.createRouteTable(r -> r.vpcId(vpc.vpcId())).routeTable().routeTableId();
        fails("DependencyViolation", () -> ec2.deleteVpc(r -> r.vpcId(vpc.vpcId())));
        ec2.deleteRouteTable(r -> r.routeTableId(rtb));

        String acl = ec2.createNetworkAcl(r -> r.vpcId(vpc.vpcId())).networkAcl().networkAclId();
        fails("DependencyViolation", () -> ec2.deleteVpc(r -> r.vpcId(vpc.vpcId())));
        ec2.deleteNetworkAcl(r -> r.networkAclId(acl));

        ec2.deleteVpc(r -> r.vpcId(vpc.vpcId()));
    }

    @Test
    void dhcpOptions() {
        Vpc vpc = create("10.11.0.0/16");
        var options = ec2.describeDhcpOptions(r -> r.dhcpOptionsIds(vpc.dhcpOptionsId())).dhcpOptions();
        assertThat(options).singleElement().satisfies(o -> assertThat(o.dhcpConfigurations())
                .anySatisfy(c -> {
                    assertThat(c.key()).isEqualTo("domain-name");
                    assertThat(c.values().getFirst().value()).isEqualTo("ap-northeast-1.compute.internal");
                }));
        fails("InvalidDhcpOptionID.NotFound", () -> ec2.describeDhcpOptions(r -> r.dhcpOptionsIds("dopt-0123456789abcdef0")));

        String own = ec2.createDhcpOptions(r -> r.dhcpConfigurations(c -> c.key("domain-name").values("corp.example"))).dhcpOptions()
                .dhcpOptionsId();
        ec2.associateDhcpOptions(r -> r.vpcId(vpc.vpcId()).dhcpOptionsId(own));
        assertThat(describe(vpc.vpcId()).dhcpOptionsId()).isEqualTo(own);
        fails("DependencyViolation", () -> ec2.deleteDhcpOptions(r -> r.dhcpOptionsId(own)));
        ec2.associateDhcpOptions(r -> r.vpcId(vpc.vpcId()).dhcpOptionsId("default"));
        ec2.deleteDhcpOptions(r -> r.dhcpOptionsId(own));
        fails("InvalidParameterValue", () -> ec2.createDhcpOptions(r -> r.dhcpConfigurations(c -> c.key("colour").values("blue"))));
    }
}
