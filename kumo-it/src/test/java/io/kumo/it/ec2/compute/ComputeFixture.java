package io.kumo.it.ec2.compute;

import io.kumo.it.KumoHarness;
import software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceType;
import software.amazon.awssdk.services.ec2.model.RunInstancesResponse;

import java.time.Duration;
import java.util.function.Consumer;

import static io.kumo.it.ec2.Ec2Asserts.filter;

/** What the compute tests share: a client, short instance timings, images, a public VPC. */
final class ComputeFixture {
    static {
        // Read by Kumo at every use, so setting them here shortens the timer for these tests only.
        System.setProperty("kumo.ec2.instance.pending-millis", "300");
        System.setProperty("kumo.ec2.instance.stopping-millis", "300");
        System.setProperty("kumo.ec2.instance.shutting-down-millis", "300");
        System.setProperty("kumo.ec2.instance.initializing-millis", "600");
    }

    static final KumoHarness KUMO = KumoHarness.shared();
    static final Ec2Client EC2 = KUMO.ec2();
    /** Waiters poll every 100 ms instead of EC2's 15 s. */
    static final Consumer<WaiterOverrideConfiguration.Builder> FAST = w -> w
            .backoffStrategy(FixedDelayBackoffStrategy.create(Duration.ofMillis(100)))
            .maxAttempts(100);

    private ComputeFixture() {
    }

    static String image(String namePattern) {
        return EC2.describeImages(r -> r.owners("amazon").filters(filter("name", namePattern))).images().getFirst().imageId();
    }

    static String al2023() {
        return image("al2023-ami-2023*-x86_64");
    }

    /** A VPC like the scenario's: 10.0.0.0/16 with DNS hostnames, an attached gateway and a public subnet. */
    record PublicNetwork(String vpcId, String subnetId, String igwId) {
    }

    static PublicNetwork publicNetwork(String cidr, String subnetCidr) {
        String vpc = EC2.createVpc(r -> r.cidrBlock(cidr)).vpc().vpcId();
        EC2.modifyVpcAttribute(r -> r.vpcId(vpc).enableDnsHostnames(AttributeBooleanValue.builder().value(true).build()));
        String subnet = EC2.createSubnet(r -> r.vpcId(vpc).cidrBlock(subnetCidr).availabilityZone("ap-northeast-1a")).subnet().subnetId();
        EC2.modifySubnetAttribute(r -> r.subnetId(subnet).mapPublicIpOnLaunch(AttributeBooleanValue.builder().value(true).build()));
        String igw = EC2.createInternetGateway(r -> { }).internetGateway().internetGatewayId();
        EC2.attachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpc));
        return new PublicNetwork(vpc, subnet, igw);
    }

    static Instance runOne(Consumer<software.amazon.awssdk.services.ec2.model.RunInstancesRequest.Builder> extra) {
        RunInstancesResponse response = EC2.runInstances(r -> {
            r.imageId(al2023()).instanceType(InstanceType.T2_MICRO).minCount(1).maxCount(1);
            extra.accept(r);
        });
        return response.instances().getFirst();
    }

    static Instance describe(String instanceId) {
        return EC2.describeInstances(r -> r.instanceIds(instanceId)).reservations().getFirst().instances().getFirst();
    }

    static void waitRunning(String instanceId) {
        EC2.waiter().waitUntilInstanceRunning(r -> r.instanceIds(instanceId), FAST).matched().response().orElseThrow();
    }

    static void waitStopped(String instanceId) {
        EC2.waiter().waitUntilInstanceStopped(r -> r.instanceIds(instanceId), FAST).matched().response().orElseThrow();
    }

    static void waitTerminated(String instanceId) {
        EC2.waiter().waitUntilInstanceTerminated(r -> r.instanceIds(instanceId), FAST).matched().response().orElseThrow();
    }
}
