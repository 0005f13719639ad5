package io.kumo.ec2.compute.image;

import io.kumo.core.AwsException;
import io.kumo.core.Ids;
import io.kumo.core.KumoSettings;
import io.kumo.core.regions.Regions;
import io.kumo.core.service.AdminCommand;
import io.kumo.core.store.Store;
import io.kumo.core.store.StoreScope;
import io.kumo.ec2.support.Ec2Errors;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code ec2/import-image} ({@code ./kumo image import}): registers a root filesystem directory of
 * the host (such as images/build-debian.sh builds) as a private AMI of the account, with an EBS
 * snapshot of its size. The image is pending until the instance runner has copied the directory
 * in as the image's layer ({@link ImageBuildRecord#ofImport}); instances of it then run on that
 * layer. AWS imports disks from S3 (ImportImage); Kumo has no disk images, hence its own command.
 */
public final class ImportImage implements AdminCommand {
    private static final Set<String> ARGUMENTS = Set.of("name", "path", "description", "region", "architecture", "family");
    private static final List<String> FAMILIES = List.of("debian", "ubuntu", "amazon-linux");
    private static final List<String> ARCHITECTURES = List.of("x86_64", "arm64");
    private static final String ROOT_DEVICE = "/dev/xvda";

    private final Store store;
    private final Clock clock;
    private final KumoSettings settings;
    private final boolean sandboxes;

    /** @param sandboxes whether instances run in sandboxes, the only place an image's layer is used */
    public ImportImage(Store store, Clock clock, KumoSettings settings, boolean sandboxes) {
        this.store = store;
        this.clock = clock;
        this.settings = settings;
        this.sandboxes = sandboxes;
    }

    @Override
    public String name() {
        return "ec2/import-image";
    }

    @Override
    public Map<String, Object> run(Map<String, String> arguments) {
        for (String key : arguments.keySet()) {
            if (!ARGUMENTS.contains(key)) {
                throw AwsException.badRequest("ValidationError", "unknown argument " + key + "; the arguments are " + ARGUMENTS);
            }
        }
        if (!sandboxes) {
            throw AwsException.badRequest("UnsupportedOperation", "this Kumo runs instances without sandboxes (no isolation, "
                    + "or KUMO_INSTANCES=process|records), so instances could never run on an imported root filesystem");
        }
        String name = ImageNames.check(arguments.get("name"));
        Path tree = tree(arguments.get("path"));
        String region = region(arguments.get("region"));
        String architecture = oneOf("architecture", arguments.getOrDefault("architecture", hostArchitecture()), ARCHITECTURES);
        String family = oneOf("family", arguments.getOrDefault("family", "debian"), FAMILIES);
        String description = arguments.get("description");
        int size = Math.max(ImageCatalogue.ROOT_VOLUME_GIB, DirectorySize.gib(DirectorySize.bytes(tree)));
        String account = settings.accountId();
        Instant now = clock.instant();
        String imageId = Ids.ec2("ami");
        String snapshotId = Ids.ec2("snap");
        store.write(new StoreScope(account, region), tx -> {
            ImageNames.requireUnused(tx, name);
            tx.put(SnapshotRecord.TABLE, snapshotId, new SnapshotRecord(snapshotId, "vol-ffffffff", size,
                    "Imported by Kumo from " + tree + " for " + imageId, account, null, now, SnapshotRecord.PENDING, false));
            ImageRecord.BlockDevice root = new ImageRecord.BlockDevice(ROOT_DEVICE, snapshotId, size, "gp3", true, false);
            tx.put(ImageRecord.TABLE, imageId, new ImageRecord(imageId, name, description, account, null, account + "/" + name,
                    architecture, "Linux/UNIX", ROOT_DEVICE, List.of(root), false, ImageRecord.creationDate(now), ImageRecord.PENDING,
                    null, null, null, null, family));
            tx.put(ImageBuildRecord.TABLE, imageId, ImageBuildRecord.ofImport(imageId, snapshotId, now, tree.toString()));
            return null;
        });
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ImageId", imageId);
        out.put("SnapshotId", snapshotId);
        out.put("Name", name);
        out.put("Region", region);
        out.put("State", ImageRecord.PENDING);
        out.put("SizeGiB", size);
        return out;
    }

    private static Path tree(String value) {
        if (value == null || value.isBlank()) {
            throw Ec2Errors.missingParameter("path");
        }
        Path path;
        try {
            path = Path.of(value);
        } catch (InvalidPathException e) {
            throw Ec2Errors.invalidParameterValue("path '" + value + "' is not a valid path");
        }
        if (!path.isAbsolute()) {
            throw Ec2Errors.invalidParameterValue("path '" + value + "' must be absolute");
        }
        if (!Files.isDirectory(path)) {
            throw Ec2Errors.invalidParameterValue("path '" + value + "' is not a directory");
        }
        return path.normalize();
    }

    private String region(String value) {
        String region = value == null ? settings.defaultRegion() : value;
        if (Regions.find(region).isEmpty()) {
            throw Ec2Errors.invalidParameterValue("Invalid region: " + region);
        }
        return region;
    }

    private static String oneOf(String argument, String value, List<String> allowed) {
        if (!allowed.contains(value)) {
            throw Ec2Errors.invalidParameterValue("Invalid value '" + value + "' for " + argument + "; it is one of " + allowed);
        }
        return value;
    }

    private static String hostArchitecture() {
        String arch = System.getProperty("os.arch", "");
        return arch.equals("aarch64") || arch.equals("arm64") ? "arm64" : "x86_64";
    }
}
