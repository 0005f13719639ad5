package io.kumo.it.ec2.compute;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.model.DescribeImagesResponse;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ec2.model.Snapshot;

import static io.kumo.it.ec2.Ec2Asserts.fails;
import static io.kumo.it.ec2.Ec2Asserts.filter;
import static io.kumo.it.ec2.Ec2Asserts.message;
import static io.kumo.it.ec2.compute.ComputeFixture.EC2;
import static io.kumo.it.ec2.compute.ComputeFixture.KUMO;
import static org.assertj.core.api.Assertions.assertThat;

/** DescribeImages and DescribeSnapshots over Kumo's image catalogue. */
class ComputeImagesTest {

    @Test
    void theCatalogueHasAwsShapedImagesForBothArchitectures() {
        var images = EC2.describeImages(r -> r.owners("amazon")).images();
        assertThat(images).extracting(Image::name).contains(
                "al2023-ami-2023.6.20241111.0-kernel-6.1-x86_64", "al2023-ami-2023.6.20241111.0-kernel-6.1-arm64",
                "ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-20241112", "debian-12-amd64-20241110-1928");
        Image al = images.stream().filter(i -> i.name().equals("al2023-ami-2023.6.20241111.0-kernel-6.1-x86_64")).findFirst().orElseThrow();
        assertThat(al.imageId()).matches("ami-[0-9a-f]{17}");
        assertThat(al.imageOwnerAlias()).isEqualTo("amazon");
        assertThat(al.ownerId()).isEqualTo("586600000000");
        assertThat(al.architectureAsString()).isEqualTo("x86_64");
        assertThat(al.stateAsString()).isEqualTo("available");
        assertThat(al.publicLaunchPermissions()).isTrue();
        assertThat(al.platformDetails()).isEqualTo("Linux/UNIX");
        assertThat(al.rootDeviceName()).isEqualTo("/dev/xvda");
        assertThat(al.virtualizationTypeAsString()).isEqualTo("hvm");
        assertThat(al.hypervisorAsString()).isEqualTo("xen");
        assertThat(al.enaSupport()).isTrue();
        assertThat(al.description()).contains("Kumo");
        var root = al.blockDeviceMappings().getFirst();
        assertThat(root.deviceName()).isEqualTo("/dev/xvda");
        assertThat(root.ebs().volumeSize()).isEqualTo(8);
        assertThat(root.ebs().volumeTypeAsString()).isEqualTo("gp3");
        assertThat(root.ebs().snapshotId()).matches("snap-[0-9a-f]{17}");
    }

    @Test
    void idsAreStableAndDifferPerRegion() {
        String tokyo = ComputeFixture.al2023();
        assertThat(ComputeFixture.al2023()).isEqualTo(tokyo);
        String virginia = KUMO.ec2(Region.US_EAST_1).describeImages(r -> r.owners("amazon")
                .filters(filter("name", "al2023-ami-2023*-x86_64"))).images().getFirst().imageId();
        assertThat(virginia).isNotEqualTo(tokyo).matches("ami-[0-9a-f]{17}");
    }

    @Test
    void filtersOwnersAndWildcards() {
        assertThat(EC2.describeImages(r -> r.filters(filter("architecture", "arm64"))).images())
                .isNotEmpty().allMatch(i -> i.architectureAsString().equals("arm64"));
        assertThat(EC2.describeImages(r -> r.owners("099720109477").filters(filter("name", "ubuntu/images/*noble*amd64*"))).images())
                .hasSize(1);
        assertThat(EC2.describeImages(r -> r.owners("self")).images()).isEmpty();
        assertThat(EC2.describeImages(r -> r.executableUsers("all").filters(filter("owner-alias", "amazon"),
                filter("is-public", "true"), filter("state", "available"))).images()).isNotEmpty();
        assertThat(EC2.describeImages(r -> r.filters(filter("name", "debian-12-?md64-*"))).images()).hasSize(1);
        fails("InvalidParameterValue", () -> EC2.describeImages(r -> r.filters(filter("bogus", "x"))));
    }

    @Test
    void unknownAndMalformedIds() {
        var e = fails("InvalidAMIID.NotFound", () -> EC2.describeImages(r -> r.imageIds("ami-0123456789abcdef0")));
        assertThat(message(e)).isEqualTo("The image id '[ami-0123456789abcdef0]' does not exist");
        fails("InvalidAMIID.Malformed", () -> EC2.describeImages(r -> r.imageIds("ami-xyz")));
        String al = ComputeFixture.al2023();
        assertThat(EC2.describeImages(r -> r.imageIds(al)).images()).hasSize(1);
    }

    @Test
    void paginates() {
        DescribeImagesResponse first = EC2.describeImages(r -> r.maxResults(5));
        assertThat(first.images()).hasSize(5);
        assertThat(first.nextToken()).isNotNull();
        DescribeImagesResponse second = EC2.describeImages(r -> r.maxResults(5).nextToken(first.nextToken()));
        assertThat(second.images()).isNotEmpty().doesNotContainAnyElementsOf(first.images());
        fails("InvalidParameterCombination", () -> EC2.describeImages(r -> r.imageIds(ComputeFixture.al2023()).maxResults(5)));
    }

    @Test
    void theImagesSnapshotsAreDescribed() {
        var images = EC2.describeImages(r -> r.owners("amazon")).images();
        String snapshotId = images.getFirst().blockDeviceMappings().getFirst().ebs().snapshotId();
        Snapshot snapshot = EC2.describeSnapshots(r -> r.snapshotIds(snapshotId)).snapshots().getFirst();
        assertThat(snapshot.stateAsString()).isEqualTo("completed");
        assertThat(snapshot.volumeSize()).isEqualTo(8);
        assertThat(snapshot.ownerAlias()).isEqualTo("amazon");
        assertThat(EC2.describeSnapshots(r -> r.ownerIds("amazon")).snapshots()).hasSize(images.size());
        assertThat(EC2.describeSnapshots(r -> r.ownerIds("self")).snapshots()).isEmpty();
        fails("InvalidSnapshot.NotFound", () -> EC2.describeSnapshots(r -> r.snapshotIds("snap-0123456789abcdef0")));
    }
}
