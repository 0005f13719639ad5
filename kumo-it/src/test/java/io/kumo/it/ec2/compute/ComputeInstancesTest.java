package io.kumo.it.ec2.compute;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.BlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.EbsBlockDevice;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceAttributeName;
import software.amazon.awssdk.services.ec2.model.InstanceNetworkInterfaceSpecification;
import software.amazon.awssdk.services.ec2.model.InstanceStatus;
import software.amazon.awssdk.services.ec2.model.InstanceType;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.RunInstancesResponse;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.ec2.model.Volume;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static io.kumo.it.ec2.Ec2Asserts.fails;
import static io.kumo.it.ec2.Ec2Asserts.filter;
import static io.kumo.it.ec2.Ec2Asserts.message;
import static io.kumo.it.ec2.compute.ComputeFixture.EC2;
import static io.kumo.it.ec2.compute.ComputeFixture.KUMO;
import static io.kumo.it.ec2.compute.ComputeFixture.al2023;
import static io.kumo.it.ec2.compute.ComputeFixture.describe;
import static io.kumo.it.ec2.compute.ComputeFixture.runOne;
import static io.kumo.it.ec2.compute.ComputeFixture.waitRunning;
import static org.assertj.core.api.Assertions.assertThat;

/** RunInstances, DescribeInstances and the instance attributes, in the default VPC and in a VPC of the scenario. */
class ComputeInstancesTest {

    @BeforeAll
    static void cleanSlate() {
        KUMO.reset();
    }

    @Test
    void runsAnInstanceInTheDefaultVpcWithEverythingEc2Reports() {
        RunInstancesResponse run = EC2.runInstances(r -> r.imageId(al2023()).instanceType(InstanceType.T2_MICRO).minCount(1).maxCount(1));
        assertThat(run.reservationId()).matches("r-[0-9a-f]{17}");
        assertThat(run.ownerId()).isEqualTo("000000000000");
        Instance i = run.instances().getFirst();
        assertThat(i.instanceId()).matches("i-[0-9a-f]{17}");
        assertThat(i.state().code()).isZero();
        assertThat(i.state().nameAsString()).isEqualTo("pending");
        assertThat(i.stateReason().code()).isEqualTo("pending");
        assertThat(i.instanceTypeAsString()).isEqualTo("t2.micro");
        assertThat(i.amiLaunchIndex()).isZero();
        assertThat(i.privateIpAddress()).startsWith("172.31.");
        assertThat(i.publicIpAddress()).startsWith("127.1");
        assertThat(i.privateDnsName()).isEqualTo("ip-" + i.privateIpAddress().replace('.', '-') + ".ap-northeast-1.compute.internal");
        assertThat(i.publicDnsName()).isEqualTo("ec2-" + i.publicIpAddress().replace('.', '-') + ".ap-northeast-1.compute.amazonaws.com");
        assertThat(i.placement().availabilityZone()).startsWith("ap-northeast-1");
        assertThat(i.architectureAsString()).isEqualTo("x86_64");
        assertThat(i.rootDeviceName()).isEqualTo("/dev/xvda");
        assertThat(i.rootDeviceTypeAsString()).isEqualTo("ebs");
        assertThat(i.blockDeviceMappings()).singleElement().satisfies(b -> {
            assertThat(b.deviceName()).isEqualTo("/dev/xvda");
            assertThat(b.ebs().volumeId()).matches("vol-[0-9a-f]{17}");
            assertThat(b.ebs().deleteOnTermination()).isTrue();
        });
        assertThat(i.networkInterfaces()).singleElement().satisfies(n -> {
            assertThat(n.networkInterfaceId()).matches("eni-[0-9a-f]{17}");
            assertThat(n.attachment().attachmentId()).matches("eni-attach-[0-9a-f]{17}");
            assertThat(n.attachment().deviceIndex()).isZero();
            assertThat(n.macAddress()).matches("([0-9a-f]{2}:){5}[0-9a-f]{2}");
            assertThat(n.association().ipOwnerId()).isEqualTo("amazon");
        });
        assertThat(i.securityGroups()).singleElement().satisfies(g -> assertThat(g.groupName()).isEqualTo("default"));
        assertThat(i.metadataOptions().httpTokensAsString()).isEqualTo("optional");
        assertThat(i.metadataOptions().httpEndpointAsString()).isEqualTo("enabled");
        assertThat(i.cpuOptions().coreCount()).isEqualTo(1);
        assertThat(i.platformDetails()).isEqualTo("Linux/UNIX");
        assertThat(i.usageOperation()).isEqualTo("RunInstances");
        assertThat(i.sourceDestCheck()).isTrue();
        assertThat(i.enaSupport()).isTrue();
        assertThat(i.monitoring().stateAsString()).isEqualTo("disabled");
        assertThat(i.launchTime()).isNotNull();

        Volume root = EC2.describeVolumes(r -> r.volumeIds(i.blockDeviceMappings().getFirst().ebs().volumeId())).volumes().getFirst();
        assertThat(root.size()).isEqualTo(8);
        assertThat(root.volumeTypeAsString()).isEqualTo("gp3");
        assertThat(root.stateAsString()).isEqualTo("in-use");
        assertThat(root.attachments().getFirst().instanceId()).isEqualTo(i.instanceId());
        assertThat(EC2.describeNetworkInterfaces(r -> r.filters(filter("attachment.instance-id", i.instanceId()))).networkInterfaces())
                .singleElement().satisfies(n -> assertThat(n.statusAsString()).isEqualTo("in-use"));
    }

    @Test
    void theRunningWaiterAndStatusChecks() {
        Instance i = runOne(r -> { });
        waitRunning(i.instanceId());
        assertThat(describe(i.instanceId()).state().code()).isEqualTo(16);
        InstanceStatus status = EC2.describeInstanceStatus(r -> r.instanceIds(i.instanceId())).instanceStatuses().getFirst();
        assertThat(status.instanceStatus().statusAsString()).isIn("initializing", "ok");
        EC2.waiter().waitUntilInstanceStatusOk(r -> r.instanceIds(i.instanceId()), ComputeFixture.FAST);
        status = EC2.describeInstanceStatus(r -> r.instanceIds(i.instanceId())).instanceStatuses().getFirst();
        assertThat(status.systemStatus().statusAsString()).isEqualTo("ok");
        assertThat(status.instanceStatus().details().getFirst().statusAsString()).isEqualTo("passed");
    }

    @Test
    void describeInstanceStatusShowsRunningOnlyUnlessAllAreAsked() {
        Instance i = EC2.runInstances(r -> r.imageId(al2023()).instanceType("t3.micro").minCount(1).maxCount(1)).instances().getFirst();
        assertThat(EC2.describeInstanceStatus(r -> r.filters(filter("instance-state-name", "pending"))).instanceStatuses())
                .noneMatch(s -> s.instanceId().equals(i.instanceId()));
        assertThat(EC2.describeInstanceStatus(r -> r.instanceIds(i.instanceId()).includeAllInstances(true)).instanceStatuses())
                .singleElement().satisfies(s -> assertThat(s.instanceStatus().statusAsString()).isIn("not-applicable", "initializing", "ok"));
    }

    @Test
    void launchesSeveralInOneReservation() {
        RunInstancesResponse run = EC2.runInstances(r -> r.imageId(al2023()).instanceType("t3.nano").minCount(2).maxCount(3));
        assertThat(run.instances()).hasSize(3).extracting(Instance::amiLaunchIndex).containsExactly(0, 1, 2);
        assertThat(run.instances()).extracting(Instance::privateIpAddress).doesNotHaveDuplicates();
        var reservations = EC2.describeInstances(r -> r.filters(filter("reservation-id", run.reservationId()))).reservations();
        assertThat(reservations).singleElement().satisfies(res -> assertThat(res.instances()).hasSize(3));
    }

    @Test
    void aClientTokenMakesTheLaunchIdempotent() {
        String token = UUID.randomUUID().toString();
        RunInstancesResponse first = EC2.runInstances(r -> r.imageId(al2023()).instanceType("t2.micro").minCount(1).maxCount(1)
                .clientToken(token));
        RunInstancesResponse again = EC2.runInstances(r -> r.imageId(al2023()).instanceType("t2.micro").minCount(1).maxCount(1)
                .clientToken(token));
        assertThat(again.reservationId()).isEqualTo(first.reservationId());
        assertThat(again.instances().getFirst().instanceId()).isEqualTo(first.instances().getFirst().instanceId());
        assertThat(describe(first.instances().getFirst().instanceId()).clientToken()).isEqualTo(token);
    }

    @Test
    void refusesBadRequestsWithEc2sCodes() {
        String ami = al2023();
        var e = fails("InvalidAMIID.NotFound", () -> EC2.runInstances(r -> r.imageId("ami-0123456789abcdef0").minCount(1).maxCount(1)));
        assertThat(message(e)).isEqualTo("The image id '[ami-0123456789abcdef0]' does not exist");
        fails("InvalidAMIID.Malformed", () -> EC2.runInstances(r -> r.imageId("ami-nope").minCount(1).maxCount(1)));
        e = fails("InvalidParameterValue", () -> EC2.runInstances(r -> r.imageId(ami).instanceType("t2.humongous").minCount(1).maxCount(1)));
        assertThat(message(e)).isEqualTo("Invalid value 't2.humongous' for InstanceType.");
        fails("InvalidParameterValue", () -> EC2.runInstances(r -> r.imageId(ami).minCount(3).maxCount(2)));
        fails("InvalidParameterValue", () -> EC2.runInstances(r -> r.imageId(ami).instanceType("t4g.micro").minCount(1).maxCount(1)));
        e = fails("InvalidKeyPair.NotFound", () -> EC2.runInstances(r -> r.imageId(ami).keyName("no-such-key").minCount(1).maxCount(1)));
        assertThat(message(e)).isEqualTo("The key pair 'no-such-key' does not exist");
        fails("InvalidSubnetID.NotFound", () -> EC2.runInstances(r -> r.imageId(ami).subnetId("subnet-0123456789abcdef0").minCount(1).maxCount(1)));
        fails("InvalidGroup.NotFound", () -> EC2.runInstances(r -> r.imageId(ami).securityGroupIds("sg-0123456789abcdef0").minCount(1).maxCount(1)));
        fails("InvalidParameterCombination", () -> EC2.runInstances(r -> r.imageId(ami).minCount(1).maxCount(1).subnetId("subnet-0123456789abcdef0")
                .networkInterfaces(InstanceNetworkInterfaceSpecification.builder().deviceIndex(0).build())));
        fails("InvalidUserData.Malformed", () -> EC2.runInstances(r -> r.imageId(ami).minCount(1).maxCount(1).userData("%%% not base64 %%%")));
        fails("InvalidBlockDeviceMapping", () -> EC2.runInstances(r -> r.imageId(ami).minCount(1).maxCount(1).blockDeviceMappings(
                BlockDeviceMapping.builder().deviceName("/dev/xvda").ebs(EbsBlockDevice.builder().volumeSize(4).build()).build())));
        fails("InvalidParameterValue", () -> EC2.runInstances(r -> r.imageId(ami).minCount(1).maxCount(1)
                .placement(p -> p.availabilityZone("ap-northeast-1z"))));
        fails("DryRunOperation", () -> EC2.runInstances(r -> r.imageId(ami).minCount(1).maxCount(1).dryRun(true)));
        fails("DryRunOperation", () -> EC2.terminateInstances(r -> r.instanceIds("i-0123456789abcdef0").dryRun(true)));
    }

    @Test
    void theVcpuQuotaLimitsLaunches() {
        System.setProperty("kumo.ec2.vcpu-limit", "2000");
        try {
            System.setProperty("kumo.ec2.vcpu-limit", String.valueOf(currentVcpus() + 2));
            fails("VcpuLimitExceeded", () -> EC2.runInstances(r -> r.imageId(al2023()).instanceType("t2.micro").minCount(3).maxCount(3)));
            assertThat(EC2.runInstances(r -> r.imageId(al2023()).instanceType("t2.micro").minCount(1).maxCount(5)).instances()).hasSize(2);
        } finally {
            System.clearProperty("kumo.ec2.vcpu-limit");
        }
    }

    private static int currentVcpus() {
        return EC2.describeInstances(r -> r.filters(filter("instance-state-name", "pending", "running", "stopping", "shutting-down")))
                .reservations().stream().flatMap(res -> res.instances().stream())
                .mapToInt(i -> EC2.describeInstanceTypes(t -> t.instanceTypesWithStrings(i.instanceTypeAsString()))
                        .instanceTypes().getFirst().vCpuInfo().defaultVCpus())
                .sum();
    }

    @Test
    void tagSpecificationsTagTheInstanceItsVolumeAndItsInterface() {
        String name = "web-" + UUID.randomUUID();
        Instance i = runOne(r -> r.tagSpecifications(
                TagSpecification.builder().resourceType(ResourceType.INSTANCE).tags(Tag.builder().key("Name").value(name).build()).build(),
                TagSpecification.builder().resourceType(ResourceType.VOLUME).tags(Tag.builder().key("Name").value(name + "-root").build()).build(),
                TagSpecification.builder().resourceType(ResourceType.NETWORK_INTERFACE).tags(Tag.builder().key("Name").value(name + "-eth0").build()).build()));
        assertThat(EC2.describeInstances(r -> r.filters(filter("tag:Name", name))).reservations().getFirst().instances())
                .extracting(Instance::instanceId).containsExactly(i.instanceId());
        assertThat(EC2.describeVolumes(r -> r.filters(filter("tag:Name", name + "-root"))).volumes()).hasSize(1);
        assertThat(EC2.describeNetworkInterfaces(r -> r.filters(filter("tag:Name", name + "-eth0"))).networkInterfaces()).hasSize(1);
        var tags = EC2.describeTags(r -> r.filters(filter("resource-id", i.instanceId()))).tags();
        assertThat(tags).singleElement().satisfies(t -> assertThat(t.resourceTypeAsString()).isEqualTo("instance"));
        fails("InvalidParameterValue", () -> runOne(r -> r.tagSpecifications(TagSpecification.builder().resourceType(ResourceType.VPC)
                .tags(Tag.builder().key("a").value("b").build()).build())));
    }

    @Test
    void userDataIsKeptShownBackAndItsOutputIsTheConsole() throws InterruptedException {
        String script = "#!/bin/bash\nyum install -y httpd\n";
        String encoded = Base64.getEncoder().encodeToString(script.getBytes(StandardCharsets.UTF_8));
        Instance i = runOne(r -> r.userData(encoded));
        var attribute = EC2.describeInstanceAttribute(r -> r.instanceId(i.instanceId()).attribute(InstanceAttributeName.USER_DATA));
        assertThat(attribute.userData().value()).isEqualTo(encoded);
        waitRunning(i.instanceId());
        boolean sandboxes = io.kumo.fabric.host.Isolation.probe().available();
        String text = "";
        for (int n = 0; n < 100 && !text.contains(sandboxes ? "exit status" : "NOT been run"); n++) {
            var console = EC2.getConsoleOutput(r -> r.instanceId(i.instanceId()));
            assertThat(console.timestamp()).isNotNull();
            text = new String(Base64.getDecoder().decode(console.output()), StandardCharsets.UTF_8);
            Thread.sleep(100);
        }
        if (sandboxes) {
            // the host image has no yum: the script runs, fails, and the console says so
            assertThat(text).contains(i.instanceId(), "running user data as root", "yum: command not found", "exit status 127");
        } else {
            assertThat(text).contains(i.instanceId()).contains("NOT been run");
        }
    }

    @Test
    void describeFiltersAndNotFound() {
        Instance i = runOne(r -> { });
        String eni = i.networkInterfaces().getFirst().networkInterfaceId();
        String group = i.securityGroups().getFirst().groupId();
        for (var f : List.of(filter("instance-id", i.instanceId()), filter("private-ip-address", i.privateIpAddress()),
                filter("ip-address", i.publicIpAddress()), filter("network-interface.network-interface-id", eni),
                filter("subnet-id", i.subnetId()), filter("vpc-id", i.vpcId()), filter("instance.group-id", group),
                filter("instance.group-name", "default"), filter("private-dns-name", i.privateDnsName()),
                filter("availability-zone", i.placement().availabilityZone()), filter("image-id", i.imageId()),
                filter("owner-id", "000000000000"), filter("instance-type", "t2.micro"))) {
            assertThat(EC2.describeInstances(r -> r.filters(f, filter("instance-id", i.instanceId()))).reservations())
                    .as(f.name()).hasSize(1);
        }
        assertThat(EC2.describeInstances(r -> r.filters(filter("instance-id", i.instanceId()), filter("instance-state-code", "80")))
                .reservations()).isEmpty();
        var e = fails("InvalidInstanceID.NotFound", () -> EC2.describeInstances(r -> r.instanceIds("i-0123456789abcdef0", "i-0123456789abcdef1")));
        assertThat(message(e)).isEqualTo("The instance IDs 'i-0123456789abcdef0, i-0123456789abcdef1' do not exist");
        e = fails("InvalidInstanceID.NotFound", () -> EC2.describeInstances(r -> r.instanceIds(i.instanceId(), "i-0123456789abcdef0")));
        assertThat(message(e)).isEqualTo("The instance ID 'i-0123456789abcdef0' does not exist");
        fails("InvalidInstanceID.Malformed", () -> EC2.describeInstances(r -> r.instanceIds("i-123")));
        fails("InvalidParameterCombination", () -> EC2.describeInstances(r -> r.instanceIds(i.instanceId()).maxResults(5)));
        fails("InvalidParameterValue", () -> EC2.describeInstances(r -> r.maxResults(4)));
        fails("InvalidParameterValue", () -> EC2.describeInstances(r -> r.filters(filter("no-such-filter", "x"))));
    }

    @Test
    void inAVpcOfTheScenarioAddressesComeFromTheSubnetAndNeverTheReservedOnes() {
        var net = ComputeFixture.publicNetwork("10.20.0.0/16", "10.20.0.0/28");
        String sg = EC2.createSecurityGroup(r -> r.vpcId(net.vpcId()).groupName("web-sg").description("web")).groupId();
        int before = EC2.describeSubnets(r -> r.subnetIds(net.subnetId())).subnets().getFirst().availableIpAddressCount();
        assertThat(before).isEqualTo(11);
        RunInstancesResponse run = EC2.runInstances(r -> r.imageId(al2023()).instanceType("t2.micro").minCount(1).maxCount(1)
                .subnetId(net.subnetId()).securityGroupIds(sg));
        assertThat(EC2.describeSubnets(r -> r.subnetIds(net.subnetId())).subnets().getFirst().availableIpAddressCount()).isEqualTo(10);
        RunInstancesResponse more = EC2.runInstances(r -> r.imageId(al2023()).instanceType("t2.micro").minCount(10).maxCount(10)
                .subnetId(net.subnetId()).securityGroupIds(sg));
        assertThat(EC2.describeSubnets(r -> r.subnetIds(net.subnetId())).subnets().getFirst().availableIpAddressCount()).isZero();
        List<String> ips = new java.util.ArrayList<>(more.instances().stream().map(Instance::privateIpAddress).toList());
        ips.add(run.instances().getFirst().privateIpAddress());
        assertThat(ips).doesNotHaveDuplicates().noneMatch(ip -> List.of("10.20.0.0", "10.20.0.1", "10.20.0.2", "10.20.0.3", "10.20.0.15").contains(ip));
        fails("InsufficientFreeAddressesInSubnet", () -> EC2.runInstances(r -> r.imageId(al2023()).minCount(1).maxCount(1).subnetId(net.subnetId())));
        Instance i = run.instances().getFirst();
        assertThat(i.securityGroups()).singleElement().satisfies(g -> assertThat(g.groupName()).isEqualTo("web-sg"));
        assertThat(i.publicIpAddress()).isNotNull();
        assertThat(i.publicDnsName()).endsWith(".ap-northeast-1.compute.amazonaws.com");
        fails("DependencyViolation", () -> EC2.deleteSubnet(r -> r.subnetId(net.subnetId())));
        fails("DependencyViolation", () -> EC2.deleteSecurityGroup(r -> r.groupId(sg)));
    }

    @Test
    void aPrivateSubnetGivesNoPublicIpAndAVpcWithoutDnsHostnamesNoPublicName() {
        String vpc = EC2.createVpc(r -> r.cidrBlock("10.30.0.0/16")).vpc().vpcId();
        String subnet = EC2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.30.2.0/24").availabilityZone("ap-northeast-1c")).subnet().subnetId();
        Instance priv = runOne(r -> r.subnetId(subnet).privateIpAddress("10.30.2.50"));
        assertThat(priv.publicIpAddress()).isNull();
        assertThat(priv.privateIpAddress()).isEqualTo("10.30.2.50");
        assertThat(priv.placement().availabilityZone()).isEqualTo("ap-northeast-1c");
        Instance pub = runOne(r -> r.networkInterfaces(InstanceNetworkInterfaceSpecification.builder().deviceIndex(0)
                .subnetId(subnet).associatePublicIpAddress(true).build()));
        assertThat(pub.publicIpAddress()).isNotNull();
        assertThat(pub.publicDnsName()).isEmpty();
        fails("InvalidIPAddress.InUse", () -> runOne(r -> r.subnetId(subnet).privateIpAddress("10.30.2.50")));
        fails("InvalidParameterValue", () -> runOne(r -> r.subnetId(subnet).privateIpAddress("10.30.2.1")));
    }

    @Test
    void modifyAndDescribeAttributes() {
        Instance i = runOne(r -> { });
        String id = i.instanceId();
        waitRunning(id);
        var e = fails("IncorrectInstanceState", () -> EC2.modifyInstanceAttribute(r -> r.instanceId(id).instanceType(v -> v.value("t3.small"))));
        assertThat(message(e)).isEqualTo("The instance '" + id + "' is not in the 'stopped' state.");
        EC2.modifyInstanceAttribute(r -> r.instanceId(id).disableApiTermination(v -> v.value(true)));
        assertThat(EC2.describeInstanceAttribute(r -> r.instanceId(id).attribute(InstanceAttributeName.DISABLE_API_TERMINATION))
                .disableApiTermination().value()).isTrue();
        EC2.modifyInstanceAttribute(r -> r.instanceId(id).sourceDestCheck(v -> v.value(false)));
        assertThat(describe(id).sourceDestCheck()).isFalse();
        EC2.modifyInstanceAttribute(r -> r.instanceId(id).instanceInitiatedShutdownBehavior(v -> v.value("terminate")));
        assertThat(EC2.describeInstanceAttribute(r -> r.instanceId(id).attribute(InstanceAttributeName.INSTANCE_INITIATED_SHUTDOWN_BEHAVIOR))
                .instanceInitiatedShutdownBehavior().value()).isEqualTo("terminate");
        EC2.modifyInstanceAttribute(r -> r.instanceId(id).disableApiTermination(v -> v.value(false)));
        EC2.stopInstances(r -> r.instanceIds(id));
        ComputeFixture.waitStopped(id);
        EC2.modifyInstanceAttribute(r -> r.instanceId(id).instanceType(v -> v.value("t3.small")));
        assertThat(describe(id).instanceTypeAsString()).isEqualTo("t3.small");
        EC2.modifyInstanceAttribute(r -> r.instanceId(id).userData(v -> v.value(software.amazon.awssdk.core.SdkBytes.fromUtf8String("#!/bin/sh\n"))));
        assertThat(EC2.describeInstanceAttribute(r -> r.instanceId(id).attribute(InstanceAttributeName.USER_DATA)).userData().value())
                .isEqualTo(Base64.getEncoder().encodeToString("#!/bin/sh\n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void instanceTypesAndOfferings() {
        var t2 = EC2.describeInstanceTypes(r -> r.instanceTypesWithStrings("t2.micro")).instanceTypes().getFirst();
        assertThat(t2.vCpuInfo().defaultVCpus()).isEqualTo(1);
        assertThat(t2.memoryInfo().sizeInMiB()).isEqualTo(1024L);
        assertThat(t2.freeTierEligible()).isTrue();
        assertThat(EC2.describeInstanceTypes(r -> r.filters(filter("instance-type", "m7i.*"))).instanceTypes()).isNotEmpty()
                .allMatch(t -> t.instanceTypeAsString().startsWith("m7i."));
        fails("InvalidInstanceType", () -> EC2.describeInstanceTypes(r -> r.instanceTypesWithStrings("t2.galactic")));
        var page = EC2.describeInstanceTypes(r -> r.maxResults(10));
        assertThat(page.instanceTypes()).hasSize(10);
        assertThat(page.nextToken()).isNotNull();
        var zones = EC2.describeInstanceTypeOfferings(r -> r.locationType("availability-zone").filters(filter("instance-type", "t2.micro")))
                .instanceTypeOfferings();
        assertThat(zones).extracting(o -> o.location()).containsExactlyInAnyOrder("ap-northeast-1a", "ap-northeast-1c", "ap-northeast-1d");
    }

    /** Describe output is kept per instance while nothing about it changes; every change must still show. */
    @Test
    void describeShowsEveryChangeToAnInstanceDescribedBefore() {
        Instance run = runOne(r -> { });
        waitRunning(run.instanceId());
        Instance before = describe(run.instanceId());
        assertThat(describe(run.instanceId())).isEqualTo(before);

        EC2.createTags(r -> r.resources(run.instanceId()).tags(Tag.builder().key("Name").value("web-1").build()));
        assertThat(describe(run.instanceId()).tags()).containsExactly(Tag.builder().key("Name").value("web-1").build());

        String group = EC2.createSecurityGroup(r -> r.groupName("memo-" + UUID.randomUUID()).description("d")
                .vpcId(before.vpcId())).groupId();
        EC2.modifyInstanceAttribute(r -> r.instanceId(run.instanceId()).groups(group));
        assertThat(describe(run.instanceId()).securityGroups()).singleElement()
                .satisfies(g -> assertThat(g.groupId()).isEqualTo(group));

        EC2.stopInstances(r -> r.instanceIds(run.instanceId()));
        ComputeFixture.waitStopped(run.instanceId());
        Instance stopped = describe(run.instanceId());
        assertThat(stopped.state().nameAsString()).isEqualTo("stopped");
        assertThat(stopped.publicIpAddress()).isNull();
        assertThat(EC2.describeInstances(r -> r.instanceIds(run.instanceId())).reservations().getFirst().instances().getFirst())
                .isEqualTo(stopped);
    }
}
