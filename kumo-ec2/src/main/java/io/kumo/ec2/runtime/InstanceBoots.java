package io.kumo.ec2.runtime;

import io.kumo.ec2.compute.HostNames;
import io.kumo.ec2.runtime.image.ImageLayers;
import io.kumo.ec2.runtime.plan.InstancePlan;
import io.kumo.ec2.runtime.plan.VpcPlan;
import io.kumo.ec2.runtime.userdata.BootPlan;
import io.kumo.ec2.runtime.userdata.UserDataPlan;
import io.kumo.fabric.host.Command;
import io.kumo.fabric.netns.NetworkNamespace;
import io.kumo.fabric.sandbox.SandboxSpec;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Each instance's directory (its writable layer, which is its root volume, and its console log)
 * and the sandbox spec it boots with: identity, user data and the host paths it must not see.
 */
final class InstanceBoots {
    /** Host paths never visible inside an instance, besides Kumo's own directories. */
    private static final List<String> HOST_SECRETS = List.of("/root", "/home", "/tmp", "/var/tmp", "/run/netns", "/run/kumo");

    private final Path instancesDir;
    private final Path dataDir;
    private final ImageLayers images;

    InstanceBoots(Path instancesDir, Path dataDir, ImageLayers images) {
        this.instancesDir = instancesDir;
        this.dataDir = dataDir;
        this.images = images;
    }

    Path dir(String instanceId) {
        return instancesDir.resolve(instanceId);
    }

    SandboxSpec spec(InstancePlan p, VpcPlan vpc, NetworkNamespace ns) {
        BootPlan plan = bootPlan(p);
        Map<String, String> env = environment(p, vpc);
        seedFromImage(p.instanceId(), p.instance().launch().imageId());
        List<String> hide = new ArrayList<>(HOST_SECRETS);
        if (dataDir != null) {
            hide.add(dataDir.toAbsolutePath().toString());
        }
        hide.add(instancesDir.toAbsolutePath().toString());
        hide.add(images.imagesDir().toAbsolutePath().toString());
        hide.addAll(sshHostKeys());
        return new SandboxSpec(p.instanceId(), ns, dir(p.instanceId()), p.hostname(), List.of(), hide, env,
                plan.script(), plan.consoleNotes());
    }

    static BootPlan bootPlan(InstancePlan p) {
        byte[] userData = p.instance().settings().userData() == null ? null
                : Base64.getMimeDecoder().decode(p.instance().settings().userData());
        return UserDataPlan.of(userData, p.defaultUser());
    }

    /** The instance's identity as its init reads it (KUMO_* variables). */
    static Map<String, String> environment(InstancePlan p, VpcPlan vpc) {
        Map<String, String> env = new HashMap<>();
        env.put("KUMO_INSTANCE_ID", p.instanceId());
        env.put("KUMO_INSTANCE_TYPE", p.instance().settings().instanceType());
        env.put("KUMO_IMAGE_ID", p.instance().launch().imageId());
        env.put("KUMO_HOSTNAME", p.hostname());
        env.put("KUMO_PRIVATE_IP", p.privateIp());
        String fqdn = HostNames.privateDnsName(p.region(), p.privateIp());
        env.put("KUMO_DOMAIN", fqdn.substring(fqdn.indexOf('.') + 1));
        env.put("KUMO_RESOLVER", vpc.resolver());
        env.put("KUMO_DEFAULT_USER", p.defaultUser());
        if (p.sshPublicKey() != null) {
            env.put("KUMO_SSH_KEY", p.sshPublicKey().strip());
            env.put("KUMO_KEY_NAME", p.keyName());
        }
        return env;
    }

    /**
     * An instance of an image made by CreateImage starts with a copy of the image's layers as its
     * own disk. Copying rather than stacking them keeps a single lower layer (the host's root): the
     * kernel refuses overlay layers that lie inside another layer's tree, and images are kept on the
     * host's root filesystem.
     */
    private void seedFromImage(String instanceId, String imageId) {
        Path upper = dir(instanceId).resolve("upper");
        if (Files.exists(upper)) {
            return;
        }
        List<Path> stack = images.layersOf(imageId);
        if (stack.isEmpty()) {
            return;
        }
        Path seeding = dir(instanceId).resolve("upper.seeding");
        Command.of("rm", "-rf", "--one-file-system", seeding.toString()).exec();
        Command.of("mkdir", "-p", seeding.toString()).run();
        for (Path layer : stack.reversed()) {
            Command.of("cp", "-a", "--reflink=auto", "--remove-destination", layer + "/.", seeding.toString())
                    .timeout(java.time.Duration.ofMinutes(5)).run();
        }
        Command.of("mv", "-T", seeding.toString(), upper.toString()).run();
    }

    /** The host's own SSH host keys: an instance makes its own. */
    private static List<String> sshHostKeys() {
        try (var files = Files.list(Path.of("/etc/ssh"))) {
            return files.map(Path::toString).filter(f -> f.contains("ssh_host_") && f.endsWith("_key")).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    void appendConsole(String instanceId, String line) {
        try {
            Files.createDirectories(dir(instanceId));
            Files.writeString(dir(instanceId).resolve("console.log"), line + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // the console is best effort; the instance's state says what happened
        }
    }

    Optional<String> consoleTail(String instanceId, int maxBytes) {
        Path log = dir(instanceId).resolve("console.log");
        if (!Files.exists(log)) {
            return Optional.empty();
        }
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long start = Math.max(0, file.length() - maxBytes);
            byte[] bytes = new byte[(int) (file.length() - start)];
            file.seek(start);
            file.readFully(bytes);
            return Optional.of(new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * A terminated instance's disk goes with it, unless its root volume is kept
     * (DeleteOnTermination false): then its layer becomes that volume's data, under
     * {@code volumes/<volume-id>} beside the instances.
     */
    void terminated(io.kumo.core.store.Tx tx, io.kumo.ec2.compute.instance.InstanceRecord r) {
        String root = r.launch().rootDeviceName();
        java.util.Optional<io.kumo.ec2.compute.volume.VolumeRecord> kept = tx.list(io.kumo.ec2.compute.volume.VolumeRecord.TABLE).stream()
                .filter(v -> v.attachedTo(r.instanceId()) && v.attachment().device().equals(root) && !v.attachment().deleteOnTermination())
                .findFirst();
        Path upper = dir(r.instanceId()).resolve("upper");
        if (kept.isPresent() && Files.isDirectory(upper)) {
            Path data = instancesDir.resolveSibling(instancesDir.getFileName() + "-volumes").resolve(kept.get().volumeId());
            Command.of("mkdir", "-p", data.getParent().toString()).run();
            Command.of("mv", "-T", upper.toString(), data.toString()).run();
        }
        delete(r.instanceId());
    }

    /**
     * Deletes a terminated instance's disk but keeps its console, which stays readable while the
     * instance is listed. Overlay's work directory holds entries only root may remove, so rm does it.
     */
    void delete(String instanceId) {
        List<String> argv = new ArrayList<>(List.of("rm", "-rf", "--one-file-system"));
        for (String part : List.of("upper", "work", "root", "lower", "kumo", "prepared")) {
            argv.add(dir(instanceId).resolve(part).toString());
        }
        Command.of(argv).exec();
    }

    void deleteAll() {
        Command.of("rm", "-rf", "--one-file-system", instancesDir.toString()).exec();
    }
}
