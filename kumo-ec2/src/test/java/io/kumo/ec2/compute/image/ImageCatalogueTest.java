package io.kumo.ec2.compute.image;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ImageCatalogueTest {

    @Test
    void idsAreDeterministicPerRegionAndAwsShaped() {
        var tokyo = ImageCatalogue.images("ap-northeast-1");
        var again = ImageCatalogue.images("ap-northeast-1");
        var ohio = ImageCatalogue.images("us-east-2");
        assertThat(tokyo).isEqualTo(again);
        assertThat(tokyo).allSatisfy(i -> assertThat(i.imageId()).matches("ami-[0-9a-f]{17}"));
        assertThat(tokyo.getFirst().imageId()).isNotEqualTo(ohio.getFirst().imageId());
        assertThat(tokyo).extracting(ImageRecord::imageId).isSorted().doesNotHaveDuplicates();
        assertThat(ImageCatalogue.imageId("x", "r")).isEqualTo(ImageCatalogue.imageId("x", "r"));
    }

    @Test
    void everyImageHasAnEightGibRootVolumeFromItsSnapshot() {
        for (ImageRecord image : ImageCatalogue.images("eu-west-1")) {
            var root = image.rootDevice();
            assertThat(root.volumeSize()).isEqualTo(8);
            assertThat(ImageCatalogue.snapshot("eu-west-1", root.snapshotId())).isPresent();
            assertThat(image.ownerId()).isEqualTo(ImageCatalogue.PUBLISHER_ACCOUNT);
            assertThat(image.architecture()).isIn("x86_64", "arm64");
        }
        assertThat(ImageCatalogue.images("eu-west-1")).extracting(ImageRecord::architecture).contains("x86_64", "arm64");
    }
}
