package io.kumo.ec2.compute.image;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Kumo's own public images. They carry the names of the images people look for on AWS (Amazon
 * Linux, Ubuntu, Debian, for x86_64 and arm64) so scripts that search by name find them, but
 * they are Kumo's: instances started from them run on the host's own system (see DESIGN.md), and
 * their descriptions say so.
 *
 * <p>They are owned by Kumo's publisher account {@value #PUBLISHER_ACCOUNT} ("KUMO" on a phone
 * keypad), with the owner alias "amazon" so that {@code --owners amazon} finds them. The Owners
 * parameter also accepts the account ids of the real publishers of these distributions
 * (Canonical, Debian), because scripts copied from AWS tutorials name them.
 *
 * <p>Ids are the first 17 hex digits of SHA-256 over name and region: the same in every Kumo
 * and across restarts, and different in each region, as AMI ids are on AWS.
 */
public final class ImageCatalogue {
    public static final String PUBLISHER_ACCOUNT = "586600000000";
    public static final String OWNER_ALIAS = "amazon";
    /** Real publishers' account ids that select the matching catalogue images in Owners. */
    public static final Map<String, String> PUBLISHER_ALIASES = Map.of(
            "137112412989", "amazon-linux",
            "099720109477", "ubuntu",
            "136693071363", "debian");

    private static final Map<String, List<Built>> BY_REGION = new ConcurrentHashMap<>();

    private ImageCatalogue() {
    }

    /** One catalogue image: what differs between them. */
    public record Entry(String family, String name, String description, String architecture, String rootDeviceName,
                        String volumeType, String creationDate, String bootMode) {
    }

    private static final List<Entry> ENTRIES = List.of(
            new Entry("amazon-linux", "al2023-ami-2023.6.20241111.0-kernel-6.1-x86_64",
                    "Kumo image named after Amazon Linux 2023 AMI 2023.6.20241111.0 x86_64 HVM kernel-6.1; runs on the Kumo host's own system",
                    "x86_64", "/dev/xvda", "gp3", "2024-11-11T21:29:43.000Z", "uefi-preferred"),
            new Entry("amazon-linux", "al2023-ami-2023.6.20241111.0-kernel-6.1-arm64",
                    "Kumo image named after Amazon Linux 2023 AMI 2023.6.20241111.0 arm64 HVM kernel-6.1; runs on the Kumo host's own system",
                    "arm64", "/dev/xvda", "gp3", "2024-11-11T21:29:46.000Z", "uefi"),
            new Entry("amazon-linux", "amzn2-ami-kernel-5.10-hvm-2.0.20241113.1-x86_64-gp2",
                    "Kumo image named after Amazon Linux 2 Kernel 5.10 AMI 2.0.20241113.1 x86_64 HVM gp2; runs on the Kumo host's own system",
                    "x86_64", "/dev/xvda", "gp2", "2024-11-13T19:02:27.000Z", null),
            new Entry("ubuntu", "ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-20241112",
                    "Kumo image named after Canonical, Ubuntu, 24.04, amd64 noble image; runs on the Kumo host's own system",
                    "x86_64", "/dev/sda1", "gp3", "2024-11-12T08:16:08.000Z", "uefi-preferred"),
            new Entry("ubuntu", "ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-arm64-server-20241112",
                    "Kumo image named after Canonical, Ubuntu, 24.04, arm64 noble image; runs on the Kumo host's own system",
                    "arm64", "/dev/sda1", "gp3", "2024-11-12T08:16:11.000Z", "uefi"),
            new Entry("ubuntu", "ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server-20241109",
                    "Kumo image named after Canonical, Ubuntu, 22.04 LTS, amd64 jammy image; runs on the Kumo host's own system",
                    "x86_64", "/dev/sda1", "gp2", "2024-11-09T04:01:56.000Z", "legacy-bios"),
            new Entry("debian", "debian-12-amd64-20241110-1928",
                    "Kumo image named after Debian 12 (20241110-1928) amd64; runs on the Kumo host's own system",
                    "x86_64", "/dev/xvda", "gp2", "2024-11-10T19:35:10.000Z", "uefi-preferred"),
            new Entry("debian", "debian-12-arm64-20241110-1928",
                    "Kumo image named after Debian 12 (20241110-1928) arm64; runs on the Kumo host's own system",
                    "arm64", "/dev/xvda", "gp2", "2024-11-10T19:35:12.000Z", "uefi"));

    public static final int ROOT_VOLUME_GIB = 8;

    /** The catalogue as seen from one region, ordered by image id. */
    public static List<Entry> entries() {
        return ENTRIES;
    }

    public static List<ImageRecord> images(String region) {
        return BY_REGION.computeIfAbsent(region, ImageCatalogue::build).stream().map(Built::image).toList();
    }

    public static List<SnapshotRecord> snapshots(String region) {
        return BY_REGION.computeIfAbsent(region, ImageCatalogue::build).stream().map(Built::snapshot).toList();
    }

    public static Optional<ImageRecord> image(String region, String imageId) {
        return images(region).stream().filter(i -> i.imageId().equals(imageId)).findFirst();
    }

    public static Optional<SnapshotRecord> snapshot(String region, String snapshotId) {
        return snapshots(region).stream().filter(s -> s.snapshotId().equals(snapshotId)).findFirst();
    }

    /** The catalogue family an image id belongs to, for the publisher aliases of Owners. */
    public static Optional<String> family(String region, String imageId) {
        return BY_REGION.computeIfAbsent(region, ImageCatalogue::build).stream()
                .filter(b -> b.image().imageId().equals(imageId)).map(b -> b.entry().family()).findFirst();
    }

    public static String imageId(String name, String region) {
        return "ami-" + hash("image|" + name + "|" + region);
    }

    public static String snapshotId(String name, String region) {
        return "snap-" + hash("snapshot|" + name + "|" + region);
    }

    private record Built(Entry entry, ImageRecord image, SnapshotRecord snapshot) {
    }

    private static List<Built> build(String region) {
        List<Built> out = new ArrayList<>();
        for (Entry e : ENTRIES) {
            String snapshotId = snapshotId(e.name(), region);
            ImageRecord image = new ImageRecord(imageId(e.name(), region), e.name(), e.description(), PUBLISHER_ACCOUNT, OWNER_ALIAS,
                    OWNER_ALIAS + "/" + e.name(), e.architecture(), "Linux/UNIX", e.rootDeviceName(),
                    List.of(new ImageRecord.BlockDevice(e.rootDeviceName(), snapshotId, ROOT_VOLUME_GIB, e.volumeType(), true, false)),
                    true, e.creationDate(), ImageRecord.AVAILABLE, e.bootMode(), null, null, null,
                    e.family());
            SnapshotRecord snapshot = new SnapshotRecord(snapshotId, "vol-ffffffff", ROOT_VOLUME_GIB,
                    "Kumo catalogue snapshot of " + e.name(), PUBLISHER_ACCOUNT, OWNER_ALIAS,
                    Instant.parse(e.creationDate()).minusSeconds(600), "completed", false);
            out.add(new Built(e, image, snapshot));
        }
        out.sort((a, b) -> a.image().imageId().compareTo(b.image().imageId()));
        return List.copyOf(out);
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 17);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
