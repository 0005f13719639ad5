package io.kumo.ec2.compute.image;

import io.kumo.core.AwsException;
import io.kumo.core.KumoSettings;
import io.kumo.core.store.StoreScope;
import io.kumo.core.store.Table;
import io.kumo.store.EmbeddedStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImportImageTest {
    private static final KumoSettings SETTINGS = new KumoSettings("127.0.0.1", 0, Path.of("/nonexistent"), true,
            KumoSettings.DEFAULT_ACCOUNT, KumoSettings.DEFAULT_REGION, "warn", false);
    private static final StoreScope TOKYO = new StoreScope(KumoSettings.DEFAULT_ACCOUNT, "ap-northeast-1");
    private static final Instant T0 = Instant.parse("2026-12-07T01:02:03.456Z");

    private final EmbeddedStore store = EmbeddedStore.inMemory();
    private final ImportImage command = new ImportImage(store, Clock.fixed(T0, ZoneOffset.UTC), SETTINGS, true);

    @TempDir
    Path tree;

    @BeforeEach
    void setUp() throws IOException {
        List.<Table<?>>of(ImageRecord.TABLE, SnapshotRecord.TABLE, ImageBuildRecord.TABLE).forEach(store::register);
        store.open();
        Files.writeString(tree.resolve("marker"), "x".repeat(1000));
    }

    @Test
    void registersAPendingImageWithASnapshotAndABuildThatCopiesTheTree() {
        Map<String, Object> out = command.run(Map.of("name", "debian-12 (minbase)", "path", tree.toString(), "description", "built"));

        String imageId = (String) out.get("ImageId");
        assertThat(imageId).matches("ami-[0-9a-f]{17}");
        assertThat(out).containsEntry("State", "pending").containsEntry("Region", "ap-northeast-1").containsEntry("SizeGiB", 8);
        ImageRecord image = store.read(TOKYO, tx -> tx.get(ImageRecord.TABLE, imageId)).orElseThrow();
        assertThat(image.name()).isEqualTo("debian-12 (minbase)");
        assertThat(image.description()).isEqualTo("built");
        assertThat(image.ownerId()).isEqualTo(KumoSettings.DEFAULT_ACCOUNT);
        assertThat(image.state()).isEqualTo(ImageRecord.PENDING);
        assertThat(image.family()).isEqualTo("debian");
        assertThat(image.creationDate()).isEqualTo("2026-12-07T01:02:03.456Z");
        assertThat(image.rootDevice().volumeSize()).isEqualTo(8);
        SnapshotRecord snapshot = store.read(TOKYO, tx -> tx.get(SnapshotRecord.TABLE, image.rootDevice().snapshotId())).orElseThrow();
        assertThat(snapshot.state()).isEqualTo(SnapshotRecord.PENDING);
        assertThat(snapshot.description()).isEqualTo("Imported by Kumo from " + tree + " for " + imageId);
        ImageBuildRecord build = store.read(TOKYO, tx -> tx.get(ImageBuildRecord.TABLE, imageId)).orElseThrow();
        assertThat(build.isImport()).isTrue();
        assertThat(build.importFrom()).isEqualTo(tree.toString());
        assertThat(build.instanceId()).isNull();
    }

    @Test
    void takesRegionArchitectureAndFamily() {
        Map<String, Object> out = command.run(Map.of("name", "ubuntu-arm", "path", tree.toString(), "region", "us-west-2",
                "architecture", "arm64", "family", "ubuntu"));
        StoreScope oregon = new StoreScope(KumoSettings.DEFAULT_ACCOUNT, "us-west-2");
        ImageRecord image = store.read(oregon, tx -> tx.get(ImageRecord.TABLE, (String) out.get("ImageId"))).orElseThrow();
        assertThat(image.architecture()).isEqualTo("arm64");
        assertThat(image.family()).isEqualTo("ubuntu");
    }

    @Test
    void refusesBadArgumentsWithTheirCodes() {
        assertThat(code(Map.of("path", tree.toString()))).isEqualTo("MissingParameter");
        assertThat(code(Map.of("name", "ab", "path", tree.toString()))).isEqualTo("InvalidAMIName.Malformed");
        assertThat(code(Map.of("name", "abc"))).isEqualTo("MissingParameter");
        assertThat(code(Map.of("name", "abc", "path", "relative/dir"))).isEqualTo("InvalidParameterValue");
        assertThat(code(Map.of("name", "abc", "path", tree.resolve("marker").toString()))).isEqualTo("InvalidParameterValue");
        assertThat(code(Map.of("name", "abc", "path", tree.toString(), "region", "mars-1"))).isEqualTo("InvalidParameterValue");
        assertThat(code(Map.of("name", "abc", "path", tree.toString(), "architecture", "sparc"))).isEqualTo("InvalidParameterValue");
        assertThat(code(Map.of("name", "abc", "path", tree.toString(), "family", "gentoo"))).isEqualTo("InvalidParameterValue");
        assertThat(code(Map.of("name", "abc", "path", tree.toString(), "colour", "red"))).isEqualTo("ValidationError");
        assertThat(count(ImageRecord.TABLE)).isZero();
    }

    @Test
    void aNameInUseInTheRegionIsADuplicate() {
        command.run(Map.of("name", "web", "path", tree.toString()));
        assertThat(code(Map.of("name", "web", "path", tree.toString()))).isEqualTo("InvalidAMIName.Duplicate");
        assertThat(count(ImageRecord.TABLE)).isOne();
        assertThat(count(SnapshotRecord.TABLE)).isOne();
    }

    @Test
    void whereNoSandboxRunsThereIsNothingToImportInto() {
        ImportImage withoutSandboxes = new ImportImage(store, Clock.fixed(T0, ZoneOffset.UTC), SETTINGS, false);
        assertThatThrownBy(() -> withoutSandboxes.run(Map.of("name", "web", "path", tree.toString())))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.code()).isEqualTo("UnsupportedOperation"))
                .hasMessageContaining("without sandboxes");
    }

    private int count(Table<?> table) {
        return store.read(TOKYO, tx -> tx.list(table).size());
    }

    private String code(Map<String, String> arguments) {
        try {
            command.run(new HashMap<>(arguments));
            return "none";
        } catch (AwsException e) {
            return e.code();
        }
    }
}
