package io.kumo.it.ec2.network;

import io.kumo.it.KumoHarness;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.InternetGateway;

import java.util.List;

import static io.kumo.it.ec2.Ec2Asserts.fails;
import static io.kumo.it.ec2.Ec2Asserts.filter;
import static io.kumo.it.ec2.Ec2Asserts.message;
import static org.assertj.core.api.Assertions.assertThat;

class InternetGatewayTest {
    private final Ec2Client ec2 = KumoHarness.shared().ec2();

    @Test
    void lifecycle() {
        String vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        InternetGateway igw = ec2.createInternetGateway().internetGateway();
        String id = igw.internetGatewayId();
        assertThat(id).matches("igw-[0-9a-f]{17}");
        assertThat(igw.attachments()).isEmpty();
        assertThat(igw.ownerId()).isEqualTo("000000000000");

        ec2.attachInternetGateway(r -> r.internetGatewayId(id).vpcId(vpc));
        InternetGateway attached = ec2.describeInternetGateways(r -> r.internetGatewayIds(id)).internetGateways().getFirst();
        assertThat(attached.attachments()).singleElement().satisfies(a -> {
            assertThat(a.vpcId()).isEqualTo(vpc);
            assertThat(a.stateAsString()).isEqualTo("available");
        });
        assertThat(ids(filter("attachment.vpc-id", vpc))).containsExactly(id);
        assertThat(ids(filter("attachment.state", "available"), filter("internet-gateway-id", id))).containsExactly(id);

        var again = fails("Resource.AlreadyAssociated", () -> ec2.attachInternetGateway(r -> r.internetGatewayId(id).vpcId(vpc)));
        assertThat(message(again)).isEqualTo("resource " + id + " is already attached to network " + vpc);
        String second = ec2.createInternetGateway().internetGateway().internetGatewayId();
        fails("Resource.AlreadyAssociated", () -> ec2.attachInternetGateway(r -> r.internetGatewayId(second).vpcId(vpc)));

        var inUse = fails("DependencyViolation", () -> ec2.deleteInternetGateway(r -> r.internetGatewayId(id)));
        assertThat(message(inUse)).isEqualTo("The internetGateway '" + id + "' has dependencies and cannot be deleted.");

        String otherVpc = ec2.createVpc(r -> r.cidrBlock("10.1.0.0/16")).vpc().vpcId();
        var notAttached = fails("Gateway.NotAttached", () -> ec2.detachInternetGateway(r -> r.internetGatewayId(id).vpcId(otherVpc)));
        assertThat(message(notAttached)).isEqualTo("resource " + id + " is not attached to network " + otherVpc);

        ec2.detachInternetGateway(r -> r.internetGatewayId(id).vpcId(vpc));
        fails("Gateway.NotAttached", () -> ec2.detachInternetGateway(r -> r.internetGatewayId(id).vpcId(vpc)));
        ec2.deleteInternetGateway(r -> r.internetGatewayId(id));
        fails("InvalidInternetGatewayID.NotFound", () -> ec2.describeInternetGateways(r -> r.internetGatewayIds(id)));
        fails("InvalidInternetGatewayId.Malformed", () -> ec2.deleteInternetGateway(r -> r.internetGatewayId("igw-nope")));
        fails("InvalidVpcID.NotFound", () -> ec2.attachInternetGateway(r -> r.internetGatewayId(second).vpcId("vpc-0123456789abcdef0")));
    }

    private List<String> ids(Filter... filters) {
        return ec2.describeInternetGateways(r -> r.filters(filters)).internetGateways().stream()
                .map(InternetGateway::internetGatewayId).toList();
    }

    @Test
    void dryRunAndTags() {
        fails("DryRunOperation", () -> ec2.createInternetGateway(r -> r.dryRun(true)));
        String id = ec2.createInternetGateway(r -> r.tagSpecifications(t -> t.resourceType("internet-gateway")
                .tags(tag -> tag.key("Name").value("main-igw")))).internetGateway().internetGatewayId();
        assertThat(ids(filter("tag:Name", "main-igw"))).contains(id);
        fails("InvalidParameterValue", () -> ec2.createInternetGateway(r -> r.tagSpecifications(t -> t.resourceType("vpc")
                .tags(tag -> tag.key("Name").value("x")))));
    }
}
