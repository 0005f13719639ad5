package io.kumo.ec2.compute.image;

import io.kumo.core.AwsException;
import io.kumo.core.Principal;
import io.kumo.core.RequestContext;
import io.kumo.core.store.StoreScope;
import io.kumo.core.store.Table;
import io.kumo.ec2.compute.instance.InstanceRecord;
import io.kumo.ec2.compute.instance.InstanceState;
import io.kumo.ec2.compute.volume.VolumeRecord;
import io.kumo.ec2.compute.ComputeKinds;
import io.kumo.ec2.network.tag.CreateTags;
import io.kumo.ec2.support.ResourceKinds;
import io.kumo.ec2.support.ResourceTags;
import io.kumo.ec2.support.Tags;
import io.kumo.store.EmbeddedStore;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.BlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.CreateImageRequest;
import software.amazon.awssdk.services.ec2.model.CreateTagsRequest;
import software.amazon.awssdk.services.ec2.model.DeleteSnapshotRequest;
import software.amazon.awssdk.services.ec2.model.DeregisterImageRequest;
import software.amazon.awssdk.services.ec2.model.DescribeImagesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSnapshotsRequest;
import software.amazon.awssdk.services.ec2.model.EbsBlockDevice;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ec2.model.Snapshot;
import software.amazon.awssdk.services.ec2.model.SnapshotReturnCodes;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageHandlersTest {
    private static final String ACCOUNT = "000000000000";
    private static final String REGION = "ap-northeast-1";
    private static final StoreScope SCOPE = new StoreScope(ACCOUNT, REGION);
    private static final Instant T0 = Instant.parse("2026-11-22T03:49:00.123Z");
    private static final String DEBIAN = ImageCatalogue.imageId("debian-12-amd64-20241110-1928", REGION);

    private final EmbeddedStore store = EmbeddedStore.inMemory();

    @BeforeEach
    void setUp() {
        List.<Table<?>>of(InstanceRecord.TABLE, VolumeRecord.TABLE, ImageRecord.TABLE, SnapshotRecord.TABLE, ImageBuildRecord.TABLE,
                DeregisteredImage.TABLE, ResourceTags.TABLE).forEach(store::register);
        put("i-0000000000000000a", InstanceState.RUNNING);
    }

    @Test
    void createImageRegistersAPendingImageWithASnapshotOfTheRootVolume() {
        String imageId = createImage(request("web server (v1)").description("my web server")
                .tagSpecifications(tags("image", "role", "web"), tags("snapshot", "of", "web")).build());

        Image image = describe(DescribeImagesRequest.builder().owners("self").build()).getFirst();
        assertThat(image.imageId()).isEqualTo(imageId).matches("ami-[0-9a-f]{17}");
        assertThat(image.stateAsString()).isEqualTo("pending");
        assertThat(image.ownerId()).isEqualTo(ACCOUNT);
        assertThat(image.imageOwnerAlias()).isNull();
        assertThat(image.publicLaunchPermissions()).isFalse();
        assertThat(image.imageLocation()).isEqualTo(ACCOUNT + "/web server (v1)");
        assertThat(image.creationDate()).isEqualTo("2026-11-22T03:49:00.123Z");
        assertThat(image.description()).isEqualTo("my web server");
        assertThat(image.sourceInstanceId()).isEqualTo("i-0000000000000000a");
        assertThat(image.architectureAsString()).isEqualTo("x86_64");
        assertThat(image.rootDeviceName()).isEqualTo("/dev/xvda");
        assertThat(image.tags()).containsExactly(Tag.builder().key("role").value("web").build());
        BlockDeviceMapping root = image.blockDeviceMappings().getFirst();
        assertThat(root.deviceName()).isEqualTo("/dev/xvda");
        assertThat(root.ebs().volumeSize()).isEqualTo(12);
        assertThat(root.ebs().volumeTypeAsString()).isEqualTo("gp3");

        Snapshot snapshot = read(tx -> new DescribeSnapshots().handle(ctx("DescribeSnapshots"),
                DescribeSnapshotsRequest.builder().ownerIds("self").build())).snapshots().getFirst();
        assertThat(snapshot.snapshotId()).isEqualTo(root.ebs().snapshotId()).matches("snap-[0-9a-f]{17}");
        assertThat(snapshot.description()).isEqualTo("Created by CreateImage(i-0000000000000000a) for " + imageId);
        assertThat(snapshot.volumeSize()).isEqualTo(12);
        assertThat(snapshot.volumeId()).isEqualTo("vol-0000000000000000a");
        assertThat(snapshot.stateAsString()).isEqualTo("pending");
        assertThat(snapshot.progress()).isEqualTo("0%");
        assertThat(snapshot.tags()).containsExactly(Tag.builder().key("of").value("web").build());

        ImageBuildRecord build = read(tx -> tx.get(ImageBuildRecord.TABLE, imageId)).orElseThrow();
        assertThat(build).isEqualTo(ImageBuildRecord.ofInstance(imageId, "i-0000000000000000a", snapshot.snapshotId(), true, T0, DEBIAN));
    }

    @Test
    void onlyARunningInstanceAskedWithoutNoRebootIsRebooted() {
        String noReboot = createImage(request("no-reboot").noReboot(true).build());
        put("i-0000000000000000b", InstanceState.STOPPED);
        String stopped = createImage(CreateImageRequest.builder().instanceId("i-0000000000000000b").name("stopped").build());

        assertThat(read(tx -> tx.get(ImageBuildRecord.TABLE, noReboot)).orElseThrow().reboot()).isFalse();
        assertThat(read(tx -> tx.get(ImageBuildRecord.TABLE, stopped)).orElseThrow().reboot()).isFalse();
    }

    @Test
    void namesFollowEc2sRules() {
        createImage(request("My image (v1) [x] o'k @ 2024/01_02.3-4").build());
        for (String bad : List.of("ab", "a,b", "x".repeat(129), "tab\there")) {
            assertCode(() -> createImage(request(bad).build()), "InvalidAMIName.Malformed");
        }
        String first = createImage(request("twice").build());
        assertThatThrownBy(() -> createImage(request("twice").build())).isInstanceOf(AwsException.class)
                .hasMessage("AMI name twice is already in use by AMI " + first);
        assertCode(() -> createImage(CreateImageRequest.builder().instanceId("i-0000000000000000a").build()), "MissingParameter");
    }

    @Test
    void theInstanceMustExistAndBeRunningStoppingOrStopped() {
        assertCode(() -> createImage(CreateImageRequest.builder().instanceId("i-0000000000000000f").name("x-1").build()),
                "InvalidInstanceID.NotFound");
        assertCode(() -> createImage(CreateImageRequest.builder().instanceId("i-zz").name("x-1").build()), "InvalidInstanceID.Malformed");
        for (InstanceState state : List.of(InstanceState.PENDING, InstanceState.SHUTTING_DOWN, InstanceState.TERMINATED)) {
            put("i-0000000000000000c", state);
            assertThatThrownBy(() -> createImage(CreateImageRequest.builder().instanceId("i-0000000000000000c").name("x-1").build()))
                    .hasMessage("Invalid value 'i-0000000000000000c' for instanceId. Instance is not in state 'running' or 'stopping' "
                            + "or 'stopped'")
                    .extracting(e -> ((AwsException) e).code()).isEqualTo("InvalidParameterValue");
        }
        put("i-0000000000000000c", InstanceState.STOPPING);
        createImage(CreateImageRequest.builder().instanceId("i-0000000000000000c").name("x-1").build());
    }

    @Test
    void blockDeviceMappingsGrowTheRootAndAddVolumes() {
        String imageId = createImage(request("grown").blockDeviceMappings(
                mapping("/dev/xvda", EbsBlockDevice.builder().volumeSize(20).deleteOnTermination(false).build()),
                mapping("/dev/sdf", EbsBlockDevice.builder().volumeSize(5).volumeType("gp3").build()),
                BlockDeviceMapping.builder().deviceName("/dev/sdg").noDevice("").build()).build());

        ImageRecord image = read(tx -> tx.get(ImageRecord.TABLE, imageId)).orElseThrow();
        assertThat(image.rootDevice().volumeSize()).isEqualTo(20);
        assertThat(image.rootDevice().deleteOnTermination()).isFalse();
        assertThat(image.blockDevices()).extracting(ImageRecord.BlockDevice::deviceName).containsExactly("/dev/xvda", "/dev/sdf");
        assertThat(image.blockDevices().get(1).snapshotId()).isNull();
        assertCode(() -> createImage(request("shrunk").blockDeviceMappings(
                mapping("/dev/xvda", EbsBlockDevice.builder().volumeSize(4).build())).build()), "InvalidBlockDeviceMapping");
        assertCode(() -> createImage(request("empty").blockDeviceMappings(
                mapping("/dev/sdf", EbsBlockDevice.builder().build())).build()), "InvalidBlockDeviceMapping");
    }

    @Test
    void aPendingImageCannotBeRunUntilItsBuildCompletes() {
        String imageId = createImage(request("later").build());
        assertThatThrownBy(() -> read(tx -> Images.require(tx, imageId))).isInstanceOf(AwsException.class)
                .hasMessage("AMI '" + imageId + "' is pending, and cannot be run")
                .extracting(e -> ((AwsException) e).code()).isEqualTo("InvalidAMIID.Unavailable");

        boolean completed = write(tx -> ImageBuilds.complete(tx, imageId));
        assertThat(completed).isTrue();

        ImageRecord image = read(tx -> Images.require(tx, imageId));
        assertThat(image.state()).isEqualTo("available");
        assertThat(read(tx -> tx.get(SnapshotRecord.TABLE, image.rootDevice().snapshotId())).orElseThrow().progress()).isEqualTo("100%");
        Optional<ImageBuildRecord> build = read(tx -> tx.get(ImageBuildRecord.TABLE, imageId));
        assertThat(build).isEmpty();
        Optional<String> family = read(tx -> Images.family(tx, imageId));
        assertThat(family).contains("debian");
    }

    @Test
    void aFailedBuildShowsItsReason() {
        String imageId = createImage(request("broken").build());
        write(tx -> ImageBuilds.fail(tx, imageId, "the instance's disk could not be copied"));

        Image image = describe(DescribeImagesRequest.builder().imageIds(imageId).build()).getFirst();
        assertThat(image.stateAsString()).isEqualTo("failed");
        assertThat(image.stateReason().code()).isEqualTo("Server.InternalError");
        assertThat(image.stateReason().message()).isEqualTo("the instance's disk could not be copied");
    }

    @Test
    void deregisteringForgetsTheImageButNotItsSnapshot() {
        String imageId = createImage(request("short-lived").build());
        String snapshotId = read(tx -> tx.get(ImageRecord.TABLE, imageId)).orElseThrow().rootDevice().snapshotId();
        assertThatThrownBy(() -> deleteSnapshot(snapshotId)).isInstanceOf(AwsException.class)
                .hasMessage("The snapshot " + snapshotId + " is currently in use by " + imageId)
                .extracting(e -> ((AwsException) e).code()).isEqualTo("InvalidSnapshot.InUse");

        write(tx -> new DeregisterImage().handle(ctx("DeregisterImage"), DeregisterImageRequest.builder().imageId(imageId).build()));

        assertThat(describe(DescribeImagesRequest.builder().imageIds(imageId).build())).isEmpty();
        assertThat(describe(DescribeImagesRequest.builder().owners("self").build())).isEmpty();
        boolean completed = write(tx -> ImageBuilds.complete(tx, imageId));
        assertThat(completed).as("the abandoned build").isFalse();
        assertThatThrownBy(() -> deregister(imageId)).isInstanceOf(AwsException.class)
                .hasMessage("The image ID '" + imageId + "' is no longer available")
                .extracting(e -> ((AwsException) e).code()).isEqualTo("InvalidAMIID.Unavailable");
        Optional<SnapshotRecord> kept = read(tx -> tx.get(SnapshotRecord.TABLE, snapshotId));
        assertThat(kept).isPresent();
        deleteSnapshot(snapshotId);
        assertCode(() -> deleteSnapshot(snapshotId), "InvalidSnapshot.NotFound");
    }

    @Test
    void deregisterCanTakeTheSnapshotsAlong() {
        String imageId = createImage(request("with-snapshots").build());
        var response = write(tx -> new DeregisterImage().handle(ctx("DeregisterImage"),
                DeregisterImageRequest.builder().imageId(imageId).deleteAssociatedSnapshots(true).build()));

        assertThat(response.returnValue()).isTrue();
        assertThat(response.deleteSnapshotResults()).singleElement()
                .satisfies(r -> assertThat(r.returnCode()).isEqualTo(SnapshotReturnCodes.SUCCESS));
        List<SnapshotRecord> left = read(tx -> tx.list(SnapshotRecord.TABLE));
        assertThat(left).isEmpty();
    }

    @Test
    void createTagsReachesTheNewImageAndSnapshot() {
        String imageId = createImage(request("tagged").build());
        String snapshotId = read(tx -> tx.get(ImageRecord.TABLE, imageId)).orElseThrow().rootDevice().snapshotId();
        ResourceKinds kinds = new ResourceKinds();
        ComputeKinds.ALL.forEach(kinds::register);

        new CreateTags(kinds).handle(ctx("CreateTags"), CreateTagsRequest.builder().resources(imageId, snapshotId)
                .tags(Tag.builder().key("team").value("infra").build()).build());

        assertThat(describe(DescribeImagesRequest.builder().filters(Filter.builder().name("tag:team").values("infra").build()).build()))
                .extracting(Image::imageId).containsExactly(imageId);
        Map<String, String> snapshotTags = read(tx -> Tags.of(tx, snapshotId));
        assertThat(snapshotTags).containsEntry("team", "infra");
    }

    @Test
    void catalogueImagesAndSnapshotsAreNotTheAccountsToRemove() {
        assertCode(() -> deregister(DEBIAN), "AuthFailure");
        assertCode(() -> deregister("ami-0123456789abcdef0"), "InvalidAMIID.NotFound");
        assertCode(() -> deregister("ami-xyz"), "InvalidAMIID.Malformed");
        String catalogueSnapshot = ImageCatalogue.snapshotId("debian-12-amd64-20241110-1928", REGION);
        assertCode(() -> deleteSnapshot(catalogueSnapshot), "InvalidSnapshot.InUse");
    }

    @Test
    void withoutSandboxesATimerCompletesBuildsAndDeregisteredIdsAreForgotten() {
        String imageId = createImage(request("timed").build());
        new ImageLifecycle(store, Clock.fixed(T0.plusMillis(100), ZoneOffset.UTC), true).sweep();
        assertThat(read(tx -> tx.get(ImageRecord.TABLE, imageId)).orElseThrow().state()).as("sandboxes freeze").isEqualTo("pending");

        new ImageLifecycle(store, Clock.fixed(T0.plusMillis(100), ZoneOffset.UTC), false).sweep();
        assertThat(read(tx -> tx.get(ImageRecord.TABLE, imageId)).orElseThrow().state()).as("not due yet").isEqualTo("pending");
        new ImageLifecycle(store, Clock.fixed(T0.plusSeconds(2), ZoneOffset.UTC), false).sweep();
        assertThat(read(tx -> tx.get(ImageRecord.TABLE, imageId)).orElseThrow().state()).isEqualTo("available");

        deregister(imageId);
        new ImageLifecycle(store, Clock.fixed(T0.plusSeconds(7200), ZoneOffset.UTC), false).sweep();
        assertCode(() -> deregister(imageId), "InvalidAMIID.NotFound");
    }

    private CreateImageRequest.Builder request(String name) {
        return CreateImageRequest.builder().instanceId("i-0000000000000000a").name(name);
    }

    private String createImage(CreateImageRequest request) {
        return new CreateImage().handle(ctx("CreateImage"), request).imageId();
    }

    private void deregister(String imageId) {
        new DeregisterImage().handle(ctx("DeregisterImage"), DeregisterImageRequest.builder().imageId(imageId).build());
    }

    private void deleteSnapshot(String snapshotId) {
        new DeleteSnapshot().handle(ctx("DeleteSnapshot"), DeleteSnapshotRequest.builder().snapshotId(snapshotId).build());
    }

    private List<Image> describe(DescribeImagesRequest request) {
        return new DescribeImages().handle(ctx("DescribeImages"), request).images().stream()
                .filter(i -> !ImageCatalogue.OWNER_ALIAS.equals(i.imageOwnerAlias())).toList();
    }

    private RequestContext ctx(String operation) {
        return new RequestContext("req-1", Principal.root(ACCOUNT, "AKIDEXAMPLE"), REGION, "ec2", operation, T0, store);
    }

    private <T> T read(Function<io.kumo.core.store.Tx, T> work) {
        return store.read(SCOPE, work);
    }

    private <T> T write(Function<io.kumo.core.store.Tx, T> work) {
        return store.write(SCOPE, work);
    }

    private static TagSpecification tags(String type, String key, String value) {
        return TagSpecification.builder().resourceType(type).tags(Tag.builder().key(key).value(value).build()).build();
    }

    private static BlockDeviceMapping mapping(String device, EbsBlockDevice ebs) {
        return BlockDeviceMapping.builder().deviceName(device).ebs(ebs).build();
    }

    private static void assertCode(ThrowableAssert.ThrowingCallable call, String code) {
        assertThatThrownBy(call).isInstanceOf(AwsException.class).extracting(e -> ((AwsException) e).code()).isEqualTo(code);
    }

    /** An instance launched from the catalogue's Debian image, with a 12 GiB gp3 root volume. */
    private void put(String instanceId, InstanceState state) {
        var launch = new InstanceRecord.Launch(DEBIAN, null, 0, "ap-northeast-1a", "default", "subnet-1", "vpc-1", "10.0.0.4",
                "eni-1", "x86_64", "/dev/xvda", "Linux/UNIX", "uefi-preferred", null, null, null, 1, 1, false, null,
                InstanceRecord.Metadata.DEFAULTS);
        var life = new InstanceRecord.Lifecycle(state.apiName(), T0, T0, "", null, null, state != InstanceState.PENDING);
        var settings = new InstanceRecord.Settings("t3.micro", null, false, false, "stop", false, "disabled", null, null);
        String volumeId = "vol-" + instanceId.substring(2);
        write(tx -> {
            tx.put(InstanceRecord.TABLE, instanceId, new InstanceRecord(instanceId, "r-1", ACCOUNT, launch, life, settings));
            tx.put(VolumeRecord.TABLE, volumeId, new VolumeRecord(volumeId, 12, "gp3", 3000, 125, "", "ap-northeast-1a", "in-use",
                    false, null, false, T0, new VolumeRecord.Attachment(instanceId, "/dev/xvda", "attached", T0, true)));
            return null;
        });
    }
}
