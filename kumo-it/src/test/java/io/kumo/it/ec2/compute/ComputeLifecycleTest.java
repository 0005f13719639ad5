package io.kumo.it.ec2.compute;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.BlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.EbsBlockDevice;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateChange;

import java.time.Duration;

import static io.kumo.it.ec2.Ec2Asserts.fails;
import static io.kumo.it.ec2.Ec2Asserts.filter;
import static io.kumo.it.ec2.Ec2Asserts.message;
import static io.kumo.it.ec2.compute.ComputeFixture.EC2;
import static io.kumo.it.ec2.compute.ComputeFixture.KUMO;
import static io.kumo.it.ec2.compute.ComputeFixture.describe;
import static io.kumo.it.ec2.compute.ComputeFixture.runOne;
import static io.kumo.it.ec2.compute.ComputeFixture.waitRunning;
import static io.kumo.it.ec2.compute.ComputeFixture.waitStopped;
import static io.kumo.it.ec2.compute.ComputeFixture.waitTerminated;
import static org.assertj.core.api.Assertions.assertThat;

/** Start, stop, reboot and terminate with EC2's state machine, its answers and its refusals. */
class ComputeLifecycleTest {

    @BeforeAll
    static void cleanSlate() {
        KUMO.reset();
    }

    @Test
    void stopAndStartGiveANewPublicIpButKeepThePrivateOne() {
        Instance i = runOne(r -> { });
        waitRunning(i.instanceId());
        String publicIp = describe(i.instanceId()).publicIpAddress();
        InstanceStateChange stopping = EC2.stopInstances(r -> r.instanceIds(i.instanceId())).stoppingInstances().getFirst();
        assertThat(stopping.previousState().nameAsString()).isEqualTo("running");
        assertThat(stopping.currentState().nameAsString()).isEqualTo("stopping");
        assertThat(stopping.currentState().code()).isEqualTo(64);
        waitStopped(i.instanceId());
        Instance stopped = describe(i.instanceId());
        assertThat(stopped.state().code()).isEqualTo(80);
        assertThat(stopped.publicIpAddress()).isNull();
        assertThat(stopped.publicDnsName()).isEmpty();
        assertThat(stopped.stateTransitionReason()).matches("User initiated \\(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d GMT\\)");
        assertThat(stopped.stateReason().code()).isEqualTo("Client.UserInitiatedShutdown");
        assertThat(EC2.stopInstances(r -> r.instanceIds(i.instanceId())).stoppingInstances().getFirst().currentState().nameAsString())
                .isEqualTo("stopped");

        InstanceStateChange starting = EC2.startInstances(r -> r.instanceIds(i.instanceId())).startingInstances().getFirst();
        assertThat(starting.previousState().nameAsString()).isEqualTo("stopped");
        assertThat(starting.currentState().nameAsString()).isEqualTo("pending");
        waitRunning(i.instanceId());
        Instance again = describe(i.instanceId());
        assertThat(again.publicIpAddress()).isNotNull().isNotEqualTo(publicIp);
        assertThat(again.privateIpAddress()).isEqualTo(i.privateIpAddress());
        assertThat(again.launchTime()).isAfter(i.launchTime());
        assertThat(EC2.startInstances(r -> r.instanceIds(i.instanceId())).startingInstances().getFirst().currentState().nameAsString())
                .isEqualTo("running");
    }

    @Test
    void refusesChangesFromTheWrongState() {
        System.setProperty("kumo.ec2.instance.pending-millis", "60000");
        Instance pending;
        try {
            pending = runOne(r -> { });
            var e = fails("IncorrectInstanceState", () -> EC2.stopInstances(r -> r.instanceIds(pending.instanceId())));
            assertThat(message(e)).isEqualTo("Instance '" + pending.instanceId() + "' cannot be stopped as it has never reached the 'running' state.");
        } finally {
            System.setProperty("kumo.ec2.instance.pending-millis", "300");
        }
        Instance i = runOne(r -> { });
        waitRunning(i.instanceId());
        EC2.rebootInstances(r -> r.instanceIds(i.instanceId()));
        System.setProperty("kumo.ec2.instance.stopping-millis", "60000");
        try {
            EC2.stopInstances(r -> r.instanceIds(i.instanceId()));
            var e = fails("IncorrectInstanceState", () -> EC2.startInstances(r -> r.instanceIds(i.instanceId())));
            assertThat(message(e)).isEqualTo("The instance '" + i.instanceId() + "' is not in a state from which it can be started.");
            fails("IncorrectInstanceState", () -> EC2.rebootInstances(r -> r.instanceIds(i.instanceId())));
        } finally {
            System.setProperty("kumo.ec2.instance.stopping-millis", "300");
        }
        waitStopped(i.instanceId());
        EC2.terminateInstances(r -> r.instanceIds(i.instanceId()));
        waitTerminated(i.instanceId());
        fails("IncorrectInstanceState", () -> EC2.startInstances(r -> r.instanceIds(i.instanceId())));
        fails("IncorrectInstanceState", () -> EC2.stopInstances(r -> r.instanceIds(i.instanceId())));
        fails("InvalidInstanceID.NotFound", () -> EC2.startInstances(r -> r.instanceIds("i-0123456789abcdef0")));
        fails("InvalidInstanceID.Malformed", () -> EC2.terminateInstances(r -> r.instanceIds("instance-1")));
    }

    @Test
    void terminationProtectionAndStopProtection() {
        Instance i = runOne(r -> r.disableApiTermination(true).disableApiStop(true));
        waitRunning(i.instanceId());
        var e = fails("OperationNotPermitted", () -> EC2.terminateInstances(r -> r.instanceIds(i.instanceId())));
        assertThat(message(e)).isEqualTo("The instance '" + i.instanceId()
                + "' may not be terminated. Modify its 'disableApiTermination' instance attribute and try again.");
        fails("OperationNotPermitted", () -> EC2.stopInstances(r -> r.instanceIds(i.instanceId())));
        EC2.modifyInstanceAttribute(r -> r.instanceId(i.instanceId()).disableApiTermination(v -> v.value(false)));
        assertThat(EC2.terminateInstances(r -> r.instanceIds(i.instanceId())).terminatingInstances().getFirst().currentState().nameAsString())
                .isEqualTo("shutting-down");
    }

    @Test
    void terminationFreesTheAddressAndDeletesTheInterfaceAndRootVolume() {
        var net = ComputeFixture.publicNetwork("10.40.0.0/16", "10.40.1.0/24");
        int before = EC2.describeSubnets(r -> r.subnetIds(net.subnetId())).subnets().getFirst().availableIpAddressCount();
        Instance i = runOne(r -> r.subnetId(net.subnetId()));
        Instance kept = runOne(r -> r.subnetId(net.subnetId()).blockDeviceMappings(BlockDeviceMapping.builder().deviceName("/dev/xvda")
                .ebs(EbsBlockDevice.builder().deleteOnTermination(false).volumeSize(20).volumeType("gp2").build()).build()));
        assertThat(EC2.describeSubnets(r -> r.subnetIds(net.subnetId())).subnets().getFirst().availableIpAddressCount()).isEqualTo(before - 2);
        String rootVolume = i.blockDeviceMappings().getFirst().ebs().volumeId();
        String keptVolume = kept.blockDeviceMappings().getFirst().ebs().volumeId();
        assertThat(EC2.describeVolumes(r -> r.volumeIds(keptVolume)).volumes().getFirst().size()).isEqualTo(20);
        String eni = i.networkInterfaces().getFirst().networkInterfaceId();

        EC2.terminateInstances(r -> r.instanceIds(i.instanceId(), kept.instanceId()));
        waitTerminated(i.instanceId());
        waitTerminated(kept.instanceId());
        Instance gone = describe(i.instanceId());
        assertThat(gone.state().code()).isEqualTo(48);
        assertThat(gone.networkInterfaces()).isEmpty();
        assertThat(gone.privateIpAddress()).isNull();
        assertThat(gone.publicIpAddress()).isNull();
        assertThat(EC2.describeSubnets(r -> r.subnetIds(net.subnetId())).subnets().getFirst().availableIpAddressCount()).isEqualTo(before);
        fails("InvalidNetworkInterfaceID.NotFound", () -> EC2.describeNetworkInterfaces(r -> r.networkInterfaceIds(eni)));
        fails("InvalidVolume.NotFound", () -> EC2.describeVolumes(r -> r.volumeIds(rootVolume)));
        assertThat(EC2.describeVolumes(r -> r.volumeIds(keptVolume)).volumes().getFirst().stateAsString()).isEqualTo("available");
        assertThat(EC2.terminateInstances(r -> r.instanceIds(i.instanceId())).terminatingInstances().getFirst().previousState().nameAsString())
                .isEqualTo("terminated");
        EC2.deleteVolume(r -> r.volumeId(keptVolume));
        EC2.deleteSubnet(r -> r.subnetId(net.subnetId()));
    }

    @Test
    void aTerminatedInstanceStaysVisibleForAWhileThenDisappears() throws InterruptedException {
        Instance i = runOne(r -> { });
        System.setProperty("kumo.ec2.instance.terminated-retention-millis", "1500");
        try {
            EC2.terminateInstances(r -> r.instanceIds(i.instanceId()));
            waitTerminated(i.instanceId());
            assertThat(describe(i.instanceId()).state().nameAsString()).isEqualTo("terminated");
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline && !EC2.describeInstances(r -> r.filters(filter("instance-id", i.instanceId())))
                    .reservations().isEmpty()) {
                Thread.sleep(100);
            }
            fails("InvalidInstanceID.NotFound", () -> EC2.describeInstances(r -> r.instanceIds(i.instanceId())));
        } finally {
            System.clearProperty("kumo.ec2.instance.terminated-retention-millis");
        }
    }
}
