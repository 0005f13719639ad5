package io.kumo.ec2.runtime.image;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ImageLayersTest {
    private static final String AMI_A = "ami-0000000000000000a";
    private static final String AMI_B = "ami-0000000000000000b";

    @TempDir
    Path temp;
    private ImageLayers layers;
    private Path upper;

    @BeforeEach
    void setUp() throws IOException {
        layers = ImageLayers.under(temp.resolve("data"));
        upper = Files.createDirectories(temp.resolve("instances/i-1/upper"));
        Files.writeString(temp.resolve("instances/i-1/console.log"), "not part of the disk\n");
    }

    @Test
    void freezeCopiesTheWritableLayerWithModesLinksAndAttributes() throws IOException {
        Files.createDirectories(upper.resolve("etc/app"));
        Files.writeString(upper.resolve("etc/app/config"), "port=8080\n");
        Files.setPosixFilePermissions(upper.resolve("etc/app/config"), PosixFilePermissions.fromString("rw-r-----"));
        Files.createSymbolicLink(upper.resolve("etc/app/current"), Path.of("config"));
        Files.createLink(upper.resolve("etc/app/hardlink"), upper.resolve("etc/app/config"));
        Xattrs.set(upper.resolve("etc/app/config"), "user.origin", "kumo");

        layers.freeze(upper, List.of(), AMI_A);

        Path layer = layers.layerDir(AMI_A);
        assertThat(layer).isEqualTo(temp.resolve("data/images").resolve(AMI_A).resolve("layer").toAbsolutePath());
        assertThat(layers.frozen(AMI_A)).isTrue();
        assertThat(layer.resolve("etc/app/config")).hasContent("port=8080");
        assertThat(Files.getPosixFilePermissions(layer.resolve("etc/app/config"))).isEqualTo(PosixFilePermissions.fromString("rw-r-----"));
        assertThat(Files.readSymbolicLink(layer.resolve("etc/app/current"))).isEqualTo(Path.of("config"));
        assertThat(Files.isSameFile(layer.resolve("etc/app/hardlink"), layer.resolve("etc/app/config"))).isTrue();
        assertThat(Xattrs.get(layer.resolve("etc/app/config"), "user.origin")).contains("kumo");
        assertThat(layer.resolve("console.log")).doesNotExist();
        assertThat(layer.getParent().getParent()).isDirectoryNotContaining(p -> p.getFileName().toString().contains("partial"));
    }

    @Test
    void ownersWhiteoutsAndOpaqueDirectoriesSurviveAsRoot() throws IOException, InterruptedException {
        assumeTrue(root(), "needs root: chown, mknod and trusted.* attributes");
        Files.createDirectories(upper.resolve("srv/data"));
        Files.setAttribute(upper.resolve("srv/data"), "unix:uid", 1234);
        Files.setAttribute(upper.resolve("srv/data"), "unix:gid", 5678);
        run("chmod", "2751", upper.resolve("srv/data").toString());
        run("mknod", upper.resolve("srv/removed").toString(), "c", "0", "0");
        Files.createDirectories(upper.resolve("opt/replaced"));
        Xattrs.set(upper.resolve("opt/replaced"), "trusted.overlay.opaque", "y");

        layers.freeze(upper, List.of(), AMI_A);

        Path layer = layers.layerDir(AMI_A);
        assertThat(Files.getAttribute(layer.resolve("srv/data"), "unix:uid")).isEqualTo(1234);
        assertThat(Files.getAttribute(layer.resolve("srv/data"), "unix:gid")).isEqualTo(5678);
        assertThat((int) Files.getAttribute(layer.resolve("srv/data"), "unix:mode") & 07777).isEqualTo(02751);
        int mode = (int) Files.getAttribute(layer.resolve("srv/removed"), "unix:mode", LinkOption.NOFOLLOW_LINKS);
        assertThat(mode & 0170000).as("a character device").isEqualTo(0020000);
        assertThat(Files.getAttribute(layer.resolve("srv/removed"), "unix:rdev", LinkOption.NOFOLLOW_LINKS)).isEqualTo(0L);
        assertThat(Xattrs.get(layer.resolve("opt/replaced"), "trusted.overlay.opaque")).contains("y");
    }

    @Test
    void anInstancesOwnFirstBootStateStaysBehind() throws IOException {
        Files.createDirectories(upper.resolve("var/lib/cloud/instance/sem"));
        Files.writeString(upper.resolve("var/lib/cloud/instance/sem/user-data"), "ran\n");
        Files.writeString(upper.resolve("var/lib/cloud/keep"), "kept\n");

        layers.freeze(upper, List.of(), AMI_A);

        assertThat(layers.layerDir(AMI_A).resolve("var/lib/cloud/instance")).doesNotExist();
        assertThat(layers.layerDir(AMI_A).resolve("var/lib/cloud/keep")).exists();
    }

    @Test
    void anImageOfAnInstanceOfAnImageStacksOnItsLayers() throws IOException {
        Files.writeString(upper.resolve("a.txt"), "a");
        layers.freeze(upper, List.of(), AMI_A);
        Path second = Files.createDirectories(temp.resolve("instances/i-2/upper"));
        Files.writeString(second.resolve("b.txt"), "b");

        layers.freeze(second, layers.layersOf(AMI_A), AMI_B);

        assertThat(layers.layersOf(AMI_A)).containsExactly(layers.layerDir(AMI_A));
        assertThat(layers.layersOf(AMI_B)).containsExactly(layers.layerDir(AMI_B), layers.layerDir(AMI_A));
        assertThat(Files.readString(layers.layerDir(AMI_B).getParent().resolve("layers.txt")).strip())
                .as("stored relative to the images directory").isEqualTo(AMI_A + "/layer");
    }

    @Test
    void aMissingLayerBelowIsAnErrorAndAnUnknownImageHasNoLayers() throws IOException {
        layers.freeze(upper, List.of(), AMI_A);
        layers.freeze(upper, layers.layersOf(AMI_A), AMI_B);
        layers.delete(AMI_A);

        assertThat(layers.layersOf(AMI_A)).isEmpty();
        assertThatThrownBy(() -> layers.layersOf(AMI_B)).isInstanceOf(IllegalStateException.class).hasMessageContaining(AMI_A);
        assertThat(layers.layersOf("ami-0123456789abcdef0")).isEmpty();
    }

    @Test
    void freezingAgainIsHarmlessAndLeftoversOfAnInterruptedFreezeGo() throws IOException {
        Path leftover = Files.createDirectories(layers.imagesDir().resolve("." + AMI_A + ".partial-old/layer"));
        Files.writeString(upper.resolve("v"), "1");
        layers.freeze(upper, List.of(), AMI_A);
        Files.writeString(upper.resolve("v"), "2");
        layers.freeze(upper, List.of(), AMI_A);

        assertThat(layers.layerDir(AMI_A).resolve("v")).hasContent("1");
        assertThat(leftover.getParent()).doesNotExist();
    }

    @Test
    void sizeIsTheLayersContentInWholeGibibytesAtLeastOne() throws IOException {
        layers.freeze(upper, List.of(), AMI_A);
        assertThat(layers.sizeGiB(AMI_A)).isEqualTo(1);

        Path second = Files.createDirectories(temp.resolve("instances/i-2/upper"));
        try (RandomAccessFile sparse = new RandomAccessFile(second.resolve("big").toFile(), "rw")) {
            sparse.setLength((3L << 30) / 2);
        }
        layers.freeze(second, layers.layersOf(AMI_A), AMI_B);
        assertThat(layers.sizeGiB(AMI_B)).isEqualTo(2);
    }

    @Test
    void retainOnlyKeepsWhatIsUsedAndWhatItStandsOn() throws IOException {
        String orphan = "ami-0000000000000000c";
        layers.freeze(upper, List.of(), AMI_A);
        layers.freeze(upper, layers.layersOf(AMI_A), AMI_B);
        layers.freeze(upper, List.of(), orphan);

        assertThat(layers.retainOnly(Set.of(AMI_B))).containsExactly(orphan);
        assertThat(layers.frozen(AMI_A)).isTrue();
        assertThat(layers.frozen(AMI_B)).isTrue();
        assertThat(layers.frozen(orphan)).isFalse();
    }

    @Test
    void onlyImageIdsNamePlaces() {
        assertThatThrownBy(() -> layers.layerDir("../etc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> layers.freeze(temp.resolve("nowhere"), List.of(), AMI_A)).hasMessageContaining("there is no directory " + temp.resolve("nowhere"));
    }

    @Test
    void filesVanishingDuringALiveCopyAreTolerated() {
        assertThat(LayerCopy.onlyVanished("cp: cannot stat '/x/upper/./tmp/f': No such file or directory\n")).isTrue();
        assertThat(LayerCopy.onlyVanished("cp: cannot create regular file '/y': Permission denied\n")).isFalse();
        assertThat(LayerCopy.onlyVanished("")).isFalse();
    }

    private static boolean root() throws IOException {
        return (int) Files.getAttribute(Path.of("/proc/self"), "unix:uid") == 0;
    }

    private static void run(String... argv) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(argv).inheritIO().start();
        assertThat(p.waitFor()).as(String.join(" ", argv)).isZero();
    }
}
