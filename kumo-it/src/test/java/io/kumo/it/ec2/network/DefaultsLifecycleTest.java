package io.kumo.it.ec2.network;

import io.kumo.it.KumoHarness;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;

import io.kumo.server.Kumo;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;

import static io.kumo.it.ec2.Ec2Asserts.fails;
import static io.kumo.it.ec2.Ec2Asserts.filter;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A deleted default VPC stays deleted; a reset brings it back. Works in its own region
 * (eu-north-1) so the other tests' default VPC in Tokyo is left alone.
 */
class DefaultsLifecycleTest {
    private final KumoHarness kumo = KumoHarness.shared();

    @Test
    void deletedDefaultVpcStaysDeleted() {
        Ec2Client ec2 = kumo.ec2(Region.EU_NORTH_1);
        String vpc = ec2.describeVpcs(r -> r.filters(filter("is-default", "true"))).vpcs().getFirst().vpcId();
        fails("DependencyViolation", () -> ec2.deleteVpc(r -> r.vpcId(vpc)));
        ec2.describeSubnets(r -> r.filters(filter("vpc-id", vpc))).subnets()
                .forEach(s -> ec2.deleteSubnet(r -> r.subnetId(s.subnetId())));
        String igw = ec2.describeInternetGateways(r -> r.filters(filter("attachment.vpc-id", vpc))).internetGateways()
                .getFirst().internetGatewayId();
        ec2.detachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpc));
        ec2.deleteInternetGateway(r -> r.internetGatewayId(igw));
        ec2.deleteVpc(r -> r.vpcId(vpc));

        assertThat(ec2.describeVpcs(r -> r.filters(filter("is-default", "true"))).vpcs()).isEmpty();
        assertThat(ec2.describeAccountAttributes(r -> r.attributeNamesWithStrings("default-vpc")).accountAttributes().getFirst()
                .attributeValues().getFirst().attributeValue()).isEqualTo("none");
        fails("VPCIdNotSpecified", () -> ec2.createSecurityGroup(r -> r.groupName("x").description("x")));
        fails("DefaultVpcDoesNotExist", () -> ec2.createDefaultSubnet(r -> r.availabilityZone("eu-north-1a")));

        // CreateDefaultVpc brings it back, once.
        var again = ec2.createDefaultVpc().vpc();
        assertThat(again.isDefault()).isTrue();
        assertThat(again.cidrBlock()).isEqualTo("172.31.0.0/16");
        assertThat(ec2.describeSubnets(r -> r.filters(filter("vpc-id", again.vpcId()))).subnets()).hasSize(3);
        fails("DefaultVpcAlreadyExists", () -> ec2.createDefaultVpc());
        var existing = fails("DefaultSubnetAlreadyExistsInAvailabilityZone",
                () -> ec2.createDefaultSubnet(r -> r.availabilityZone("eu-north-1b")));
        assertThat(existing.awsErrorDetails().errorMessage()).endsWith("is already the default subnet in eu-north-1b.");
        String zoneB = ec2.describeSubnets(r -> r.filters(filter("vpc-id", again.vpcId()), filter("availability-zone", "eu-north-1b")))
                .subnets().getFirst().subnetId();
        ec2.deleteSubnet(r -> r.subnetId(zoneB));
        var recreated = ec2.createDefaultSubnet(r -> r.availabilityZone("eu-north-1b")).subnet();
        assertThat(recreated.defaultForAz()).isTrue();
        assertThat(recreated.cidrBlock()).isEqualTo("172.31.16.0/20");
    }

    @Test
    void aRestartNeitherRecreatesNorDuplicatesTheDefaults(@TempDir Path dataDir) {
        String survivor;
        try (Kumo first = KumoHarness.startDedicated(false, dataDir, false)) {
            Ec2Client tokyo = client(first, Region.AP_NORTHEAST_1);
            survivor = tokyo.describeVpcs(r -> r.filters(filter("is-default", "true"))).vpcs().getFirst().vpcId();
            Ec2Client virginia = client(first, Region.US_EAST_1);
            String doomed = virginia.describeVpcs(r -> r.filters(filter("is-default", "true"))).vpcs().getFirst().vpcId();
            virginia.describeSubnets(r -> r.filters(filter("vpc-id", doomed))).subnets()
                    .forEach(s -> virginia.deleteSubnet(r -> r.subnetId(s.subnetId())));
            String igw = virginia.describeInternetGateways(r -> r.filters(filter("attachment.vpc-id", doomed))).internetGateways()
                    .getFirst().internetGatewayId();
            virginia.detachInternetGateway(r -> r.internetGatewayId(igw).vpcId(doomed));
            virginia.deleteVpc(r -> r.vpcId(doomed));
        }
        try (Kumo second = KumoHarness.startDedicated(false, dataDir, false)) {
            assertThat(client(second, Region.AP_NORTHEAST_1).describeVpcs(r -> r.filters(filter("is-default", "true"))).vpcs())
                    .singleElement().satisfies(v -> assertThat(v.vpcId()).isEqualTo(survivor));
            assertThat(client(second, Region.US_EAST_1).describeVpcs(r -> r.filters(filter("is-default", "true"))).vpcs()).isEmpty();
        }
    }

    private static Ec2Client client(Kumo kumo, Region region) {
        return Ec2Client.builder().endpointOverride(URI.create(kumo.endpoint())).region(region)
                .credentialsProvider(KumoHarness.credentials()).build();
    }

    @Test
    void aResetBringsTheDefaultsBack() {
        Ec2Client ec2 = kumo.ec2(Region.SA_EAST_1);
        String before = ec2.describeVpcs(r -> r.filters(filter("is-default", "true"))).vpcs().getFirst().vpcId();
        kumo.reset();
        String after = ec2.describeVpcs(r -> r.filters(filter("is-default", "true"))).vpcs().getFirst().vpcId();
        assertThat(after).isNotEqualTo(before);
        assertThat(ec2.describeSubnets(r -> r.filters(filter("vpc-id", after))).subnets()).hasSize(3);
    }
}
