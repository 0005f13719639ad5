package io.kumo.ec2.compute.image;

import io.kumo.core.AwsException;
import io.kumo.core.Principal;
import io.kumo.core.RequestContext;
import io.kumo.core.regions.Regions;
import io.kumo.core.store.StoreScope;
import io.kumo.core.store.Table;
import io.kumo.ec2.compute.ComputeKinds;
import io.kumo.ec2.compute.address.PublicIpCursor;
import io.kumo.ec2.compute.address.PublicIpLease;
import io.kumo.ec2.compute.instance.InstanceRecord;
import io.kumo.ec2.compute.instance.InstanceTransitions;
import io.kumo.ec2.compute.instance.RunInstances;
import io.kumo.ec2.compute.volume.VolumeRecord;
import io.kumo.ec2.network.NetworkKinds;
import io.kumo.ec2.network.region.RegionDefaults;
import io.kumo.ec2.network.region.RegionDefaultsRecord;
import io.kumo.ec2.network.subnet.SubnetAddressUsage;
import io.kumo.ec2.support.ResourceTags;
import io.kumo.store.EmbeddedStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.BlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.CreateImageRequest;
import software.amazon.awssdk.services.ec2.model.EbsBlockDevice;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** RunInstances takes an image made by CreateImage once it is available, with the root volume its snapshot gives. */
class ImageLaunchTest {
    private static final String ACCOUNT = "000000000000";
    private static final String REGION = "ap-northeast-1";
    private static final StoreScope SCOPE = new StoreScope(ACCOUNT, REGION);
    private static final Instant T0 = Instant.parse("2026-11-22T03:49:00Z");
    private static final String DEBIAN = ImageCatalogue.imageId("debian-12-amd64-20241110-1928", REGION);

    private final EmbeddedStore store = EmbeddedStore.inMemory();

    @BeforeEach
    void setUp() {
        List<Table<?>> tables = new ArrayList<>();
        NetworkKinds.ALL.forEach(kind -> tables.add(kind.table()));
        ComputeKinds.ALL.forEach(kind -> tables.add(kind.table()));
        tables.addAll(List.of(SubnetAddressUsage.TABLE, RegionDefaultsRecord.TABLE, ResourceTags.TABLE, PublicIpLease.TABLE,
                PublicIpCursor.TABLE, ImageBuildRecord.TABLE, DeregisteredImage.TABLE));
        tables.stream().distinct().forEach(store::register);
        store.write(SCOPE, tx -> {
            RegionDefaults.createDefaultVpc(tx, Regions.find(REGION).orElseThrow(), ACCOUNT, T0);
            return null;
        });
    }

    @Test
    void anAvailableImageOfAnInstanceLaunchesWithItsSnapshotAsRoot() {
        String source = run(DEBIAN, List.of());
        store.write(SCOPE, tx -> InstanceTransitions.settle(tx, tx.get(InstanceRecord.TABLE, source).orElseThrow(), T0));
        String imageId = new CreateImage().handle(ctx(), CreateImageRequest.builder().instanceId(source).name("golden")
                .blockDeviceMappings(BlockDeviceMapping.builder().deviceName("/dev/xvda")
                        .ebs(EbsBlockDevice.builder().volumeSize(16).build()).build()).build()).imageId();

        assertThatThrownBy(() -> run(imageId, List.of())).isInstanceOf(AwsException.class)
                .extracting(e -> ((AwsException) e).code()).isEqualTo("InvalidAMIID.Unavailable");

        store.write(SCOPE, tx -> ImageBuilds.complete(tx, imageId));
        String copy = run(imageId, List.of());

        VolumeRecord root = store.read(SCOPE, tx -> tx.list(VolumeRecord.TABLE).stream().filter(v -> v.attachedTo(copy)).findFirst())
                .orElseThrow();
        String snapshotId = store.read(SCOPE, tx -> tx.get(ImageRecord.TABLE, imageId)).orElseThrow().rootDevice().snapshotId();
        assertThat(root.size()).isEqualTo(16);
        assertThat(root.snapshotId()).isEqualTo(snapshotId);
        assertThat(root.attachment().device()).isEqualTo("/dev/xvda");
        InstanceRecord launched = store.read(SCOPE, tx -> tx.get(InstanceRecord.TABLE, copy)).orElseThrow();
        assertThat(launched.launch().imageId()).isEqualTo(imageId);
        assertThat(launched.launch().architecture()).isEqualTo("x86_64");
    }

    private String run(String imageId, List<BlockDeviceMapping> mappings) {
        return new RunInstances().handle(ctx(), RunInstancesRequest.builder().imageId(imageId).instanceType("t3.micro")
                .minCount(1).maxCount(1).blockDeviceMappings(mappings).build()).instances().getFirst().instanceId();
    }

    private RequestContext ctx() {
        return new RequestContext("req-1", Principal.root(ACCOUNT, "AKIDEXAMPLE"), REGION, "ec2", "RunInstances", T0, store);
    }
}
