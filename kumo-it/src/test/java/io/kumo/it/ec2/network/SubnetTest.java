package io.kumo.it.ec2.network;

import io.kumo.it.KumoHarness;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

import java.util.List;

import static io.kumo.it.ec2.Ec2Asserts.fails;
import static io.kumo.it.ec2.Ec2Asserts.filter;
import static io.kumo.it.ec2.Ec2Asserts.message;
import static org.assertj.core.api.Assertions.assertThat;

class SubnetTest {
    private final Ec2Client ec2 = KumoHarness.shared().ec2();

    private String vpc(String cidr) {
        return ec2.createVpc(r -> r.cidrBlock(cidr)).vpc().vpcId();
    }

    @Test
    void aSlash24Reports251FreeAddresses() {
        String vpc = vpc("10.0.0.0/16");
        Subnet subnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.0.0/24").availabilityZone("ap-northeast-1a")
                .tagSpecifications(TagSpecification.builder().resourceType(ResourceType.SUBNET)
                        .tags(Tag.builder().key("Name").value("public-1a").build()).build())).subnet();
        assertThat(subnet.subnetId()).matches("subnet-[0-9a-f]{17}");
        assertThat(subnet.availableIpAddressCount()).isEqualTo(251);
        assertThat(subnet.availabilityZone()).isEqualTo("ap-northeast-1a");
        assertThat(subnet.availabilityZoneId()).isEqualTo("apne1-az4");
        assertThat(subnet.mapPublicIpOnLaunch()).isFalse();
        assertThat(subnet.defaultForAz()).isFalse();
        assertThat(subnet.stateAsString()).isEqualTo("available");
        assertThat(subnet.tags()).extracting(Tag::value).containsExactly("public-1a");
        assertThat(subnet.subnetArn()).isEqualTo("arn:aws:ec2:ap-northeast-1:000000000000:subnet/" + subnet.subnetId());
        // It starts in the VPC's default network ACL.
        assertThat(ec2.describeNetworkAcls(r -> r.filters(filter("association.subnet-id", subnet.subnetId()))).networkAcls())
                .singleElement().satisfies(a -> assertThat(a.isDefault()).isTrue());
    }

    @Test
    void rangeAndConflict() {
        String vpc = vpc("10.0.0.0/16");
        var outside = fails("InvalidSubnet.Range", () -> ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.1.0.0/24")));
        assertThat(message(outside)).isEqualTo("The CIDR '10.1.0.0/24' is invalid.");
        fails("InvalidSubnet.Range", () -> ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.0.0/29")));
        fails("InvalidSubnet.Range", () -> ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.0.0/15")));
        ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.1.0/24"));
        var conflict = fails("InvalidSubnet.Conflict", () -> ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.0.0/23")));
        assertThat(message(conflict)).isEqualTo("The CIDR '10.0.0.0/23' conflicts with another subnet");
        fails("InvalidParameterValue", () -> ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.300.0/24")));
        fails("InvalidVpcID.NotFound", () -> ec2.createSubnet(r -> r.vpcId("vpc-0123456789abcdef0").cidrBlock("10.0.9.0/24")));
        // A /28, the smallest: 16 - 5.
        assertThat(ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.2.0/28")).subnet().availableIpAddressCount()).isEqualTo(11);
    }

    @Test
    void subnetsInASecondaryBlock() {
        String vpc = vpc("10.0.0.0/16");
        ec2.associateVpcCidrBlock(r -> r.vpcId(vpc).cidrBlock("10.1.0.0/16"));
        assertThat(ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.1.5.0/24")).subnet().cidrBlock()).isEqualTo("10.1.5.0/24");
    }

    @Test
    void zoneByNameOrIdOrDefault() {
        String vpc = vpc("10.0.0.0/16");
        assertThat(ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.1.0/24").availabilityZoneId("apne1-az1")).subnet()
                .availabilityZone()).isEqualTo("ap-northeast-1c");
        assertThat(ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.2.0/24")).subnet().availabilityZone())
                .startsWith("ap-northeast-1");
        var e = fails("InvalidParameterValue", () -> ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.3.0/24")
                .availabilityZone("ap-northeast-1b")));
        assertThat(message(e)).isEqualTo("Value (ap-northeast-1b) for parameter availabilityZone is invalid. Subnets can currently "
                + "only be created in the following availability zones: ap-northeast-1a, ap-northeast-1c, ap-northeast-1d.");
        fails("InvalidParameterValue", () -> ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.3.0/24").availabilityZoneId("use1-az1")));
    }

    @Test
    void filtersAndIds() {
        String vpc = vpc("10.20.0.0/16");
        Subnet a = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.20.0.0/24").availabilityZone("ap-northeast-1a")).subnet();
        Subnet c = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.20.1.0/24").availabilityZone("ap-northeast-1c")).subnet();
        assertThat(ids(filter("vpc-id", vpc))).containsExactlyInAnyOrder(a.subnetId(), c.subnetId());
        assertThat(ids(filter("vpc-id", vpc), filter("availability-zone", "ap-northeast-1c"))).containsExactly(c.subnetId());
        assertThat(ids(filter("vpc-id", vpc), filter("availability-zone-id", "apne1-az4"))).containsExactly(a.subnetId());
        assertThat(ids(filter("cidr-block", "10.20.1.0/24"))).containsExactly(c.subnetId());
        assertThat(ids(filter("cidr", "10.20.1.0/24"))).containsExactly(c.subnetId());
        assertThat(ids(filter("cidrBlock", "10.20.1.0/24"))).containsExactly(c.subnetId());
        assertThat(ids(filter("vpc-id", vpc), filter("available-ip-address-count", "251"))).hasSize(2);
        assertThat(ids(filter("vpc-id", vpc), filter("default-for-az", "false"))).hasSize(2);
        assertThat(ids(filter("vpc-id", vpc), filter("map-public-ip-on-launch", "false"))).hasSize(2);
        assertThat(ids(filter("vpc-id", vpc), filter("state", "available"))).hasSize(2);
        assertThat(ids(filter("subnet-id", a.subnetId()))).containsExactly(a.subnetId());
        assertThat(ids(filter("subnet-arn", a.subnetArn()))).containsExactly(a.subnetId());
        assertThat(ids(filter("vpc-id", vpc), filter("owner-id", "000000000000"))).hasSize(2);
        assertThat(ec2.describeSubnets(r -> r.subnetIds(c.subnetId(), a.subnetId())).subnets()).hasSize(2);
        fails("InvalidSubnetID.NotFound", () -> ec2.describeSubnets(r -> r.subnetIds("subnet-0123456789abcdef0")));
        fails("InvalidSubnetID.Malformed", () -> ec2.describeSubnets(r -> r.subnetIds("subnet-xyz")));
    }

    private List<String> ids(Filter... filters) {
        return ec2.describeSubnets(r -> r.filters(filters)).subnets().stream().map(Subnet::subnetId).toList();
    }

    @Test
    void modifyAttributes() {
        String vpc = vpc("10.0.0.0/16");
        Subnet s = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.0.0/24")).subnet();
        ec2.modifySubnetAttribute(r -> r.subnetId(s.subnetId()).mapPublicIpOnLaunch(on(true)));
        assertThat(ec2.describeSubnets(r -> r.subnetIds(s.subnetId())).subnets().getFirst().mapPublicIpOnLaunch()).isTrue();
        fails("InvalidParameterCombination", () -> ec2.modifySubnetAttribute(r -> r.subnetId(s.subnetId())
                .mapPublicIpOnLaunch(on(true)).enableDns64(on(true))));
        fails("InvalidParameterValue", () -> ec2.modifySubnetAttribute(r -> r.subnetId(s.subnetId()).assignIpv6AddressOnCreation(on(true))));
        fails("InvalidSubnetID.NotFound", () -> ec2.modifySubnetAttribute(r -> r.subnetId("subnet-0123456789abcdef0")
                .mapPublicIpOnLaunch(on(true))));
    }

    private static AttributeBooleanValue on(boolean value) {
        return AttributeBooleanValue.builder().value(value).build();
    }

    @Test
    void ipv6Subnet() {
        var vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16").amazonProvidedIpv6CidrBlock(true)).vpc();
        String block56 = vpc.ipv6CidrBlockAssociationSet().getFirst().ipv6CidrBlock();
        String block64 = block56.replace("00::/56", "01::/64");
        Subnet s = ec2.createSubnet(r -> r.vpcId(vpc.vpcId()).cidrBlock("10.0.0.0/24").ipv6CidrBlock(block64)).subnet();
        assertThat(s.ipv6CidrBlockAssociationSet()).singleElement().satisfies(a -> assertThat(a.ipv6CidrBlock()).isEqualTo(block64));
        fails("InvalidSubnet.Conflict", () -> ec2.createSubnet(r -> r.vpcId(vpc.vpcId()).cidrBlock("10.0.1.0/24").ipv6CidrBlock(block64)));
        fails("InvalidSubnet.Range", () -> ec2.createSubnet(r -> r.vpcId(vpc.vpcId()).cidrBlock("10.0.1.0/24")
                .ipv6CidrBlock("2001:db8::/64")));
        ec2.modifySubnetAttribute(r -> r.subnetId(s.subnetId()).assignIpv6AddressOnCreation(on(true)));

        Subnet plain = ec2.createSubnet(r -> r.vpcId(vpc.vpcId()).cidrBlock("10.0.2.0/24")).subnet();
        String other64 = block56.replace("00::/56", "02::/64");
        var association = ec2.associateSubnetCidrBlock(r -> r.subnetId(plain.subnetId()).ipv6CidrBlock(other64)).ipv6CidrBlockAssociation();
        assertThat(association.associationId()).startsWith("subnet-cidr-assoc-");
        fails("CidrLimitExceeded", () -> ec2.associateSubnetCidrBlock(r -> r.subnetId(plain.subnetId())
                .ipv6CidrBlock(block56.replace("00::/56", "03::/64"))));
        ec2.disassociateSubnetCidrBlock(r -> r.associationId(association.associationId()));
        assertThat(ec2.describeSubnets(r -> r.subnetIds(plain.subnetId())).subnets().getFirst().ipv6CidrBlockAssociationSet()).isEmpty();
        fails("InvalidSubnetCidrBlockAssociationID.NotFound", () -> ec2.disassociateSubnetCidrBlock(r -> r.associationId(association.associationId())));
    }

    @Test
    void deleteSubnet() {
        String vpc = vpc("10.0.0.0/16");
        Subnet s = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.0.0/24")).subnet();
        ec2.deleteSubnet(r -> r.subnetId(s.subnetId()));
        fails("InvalidSubnetID.NotFound", () -> ec2.deleteSubnet(r -> r.subnetId(s.subnetId())));
        fails("InvalidSubnetID.Malformed", () -> ec2.deleteSubnet(r -> r.subnetId("subnet-1")));
        // The CIDR is free again.
        ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.0.0/24"));
    }
}
