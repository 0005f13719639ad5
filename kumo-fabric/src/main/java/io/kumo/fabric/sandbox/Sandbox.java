package io.kumo.fabric.sandbox;

import io.kumo.fabric.FabricException;
import io.kumo.fabric.host.HostTools;
import io.kumo.fabric.host.ProcessEnd;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * A running sandbox: a process tree in its own PID, mount, UTS and IPC namespaces, inside the
 * instance's network namespace, on an overlay root. Its console (everything its init and user data
 * print) is appended to the console log.
 */
public final class Sandbox {
    private final SandboxSpec spec;
    private final Process unshare;
    private volatile Long initPid;

    private Sandbox(SandboxSpec spec, Process unshare) {
        this.spec = spec;
        this.unshare = unshare;
    }

    public static Sandbox boot(SandboxSpec spec) {
        try {
            writeBootFiles(spec);
            List<String> argv = new ArrayList<>();
            // If Kumo dies without stopping its instances (kill -9), they die with it; a restart boots them again.
            HostTools.find("setpriv").ifPresent(setpriv -> argv.addAll(List.of(setpriv, "--pdeathsig", "KILL")));
            argv.addAll(List.of(HostTools.require("nsenter"), "--net=" + spec.netns().path(), "--",
                    HostTools.require("unshare"), "--mount", "--uts", "--ipc", "--pid", "--fork", "--kill-child",
                    "--propagation", "private", "/bin/sh", spec.dir().resolve("kumo/boot.sh").toString()));
            ProcessBuilder pb = new ProcessBuilder(argv)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(spec.consoleLog().toFile()))
                    .redirectErrorStream(true);
            Map<String, String> env = pb.environment();
            env.clear();
            env.put("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
            env.put("KUMO_DIR", spec.dir().toString());
            env.put("KUMO_HOSTNAME", spec.hostname());
            env.put("KUMO_LAYERS", String.join(":", spec.layers().stream().map(Path::toString).toList()));
            env.put("KUMO_HIDE", String.join(":", spec.hide()));
            return new Sandbox(spec, pb.start());
        } catch (IOException e) {
            throw new FabricException("cannot boot sandbox " + spec.name() + ": " + e.getMessage(), e);
        }
    }

    private static void writeBootFiles(SandboxSpec spec) throws IOException {
        Path kumo = spec.dir().resolve("kumo");
        Files.createDirectories(kumo.resolve("bin"));
        Files.createDirectories(spec.upper());
        copyResource("boot.sh", kumo.resolve("boot.sh"));
        copyResource("init.sh", kumo.resolve("init"));
        copyResource("systemctl.sh", kumo.resolve("bin/systemctl"));
        setExecutable(kumo.resolve("bin/systemctl"));
        StringBuilder env = new StringBuilder();
        for (var e : new TreeMap<>(spec.env()).entrySet()) {
            env.append(e.getKey()).append('=').append(shellQuote(e.getValue())).append('\n');
        }
        Files.writeString(kumo.resolve("instance.env"), env);
        Path userData = kumo.resolve("user-data");
        if (spec.userData() != null) {
            Files.writeString(userData, spec.userData());
            setExecutable(userData);
        } else {
            Files.deleteIfExists(userData);
        }
        Files.write(kumo.resolve("notes"), spec.notes(), StandardCharsets.UTF_8);
    }

    private static void copyResource(String name, Path to) throws IOException {
        try (InputStream in = Sandbox.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("resource " + name + " is missing from the build");
            }
            Files.write(to, in.readAllBytes());
        }
    }

    private static void setExecutable(Path file) throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
    }

    static String shellQuote(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }

    public SandboxSpec spec() {
        return spec;
    }

    public boolean alive() {
        return unshare.isAlive();
    }

    public long pid() {
        return unshare.pid();
    }

    /** The host PID of the sandbox's init (its PID 1), once it has been forked. */
    public Optional<Long> initPid() {
        Long known = initPid;
        if (known == null) {
            known = firstChild(unshare.pid());
            initPid = known;
        }
        return Optional.ofNullable(known);
    }

    /**
     * The kernel's own list of a process's children: one small file, where ProcessHandle.children()
     * reads the status of every process on the machine.
     */
    private Long firstChild(long pid) {
        try {
            String children = Files.readString(Path.of("/proc", Long.toString(pid), "task", Long.toString(pid), "children")).strip();
            return children.isEmpty() ? null : Long.valueOf(children.split("\\s+")[0]);
        } catch (IOException | NumberFormatException e) {
            return unshare.toHandle().children().findFirst().map(ProcessHandle::pid).orElse(null);
        }
    }

    public java.util.concurrent.CompletableFuture<Process> onExit() {
        return unshare.onExit();
    }

    /**
     * Stops it: its init is asked to stop services and processes; whatever is left after
     * {@code grace} is killed with the whole PID namespace.
     */
    public void stop(Duration grace) {
        initPid().flatMap(ProcessHandle::of).ifPresent(ProcessHandle::destroy);
        try {
            if (!unshare.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            kill();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Kills it at once: the PID namespace dies with its first process. Returns once every process
     * of it has ended (up to 5 s), so that its namespace and disk can go right after.
     */
    public void kill() {
        Optional<Long> init = initPid();
        Optional<Long> initStart = init.flatMap(ProcessEnd::startTicks);
        unshare.destroyForcibly();
        init.flatMap(ProcessHandle::of).ifPresent(ProcessHandle::destroyForcibly);
        try {
            unshare.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (init.isPresent() && initStart.isPresent()) {
            ProcessEnd.await(init.get(), initStart.get(), Duration.ofSeconds(5));
        }
    }

    /**
     * TCP ports on which something listens inside on an address other than loopback (IPv4, or
     * IPv6 wildcards that take IPv4 too), read from the init's view of its network namespace.
     */
    public List<Integer> listeningTcpPorts() {
        Optional<Long> init = initPid();
        if (init.isEmpty()) {
            return List.of();
        }
        List<Integer> ports = new ArrayList<>();
        Path net = Path.of("/proc", init.get().toString(), "net");
        collectListeners(net.resolve("tcp"), ports);
        collectListeners(net.resolve("tcp6"), ports);
        return ports;
    }

    private static void collectListeners(Path table, List<Integer> ports) {
        try {
            for (String line : Files.readAllLines(table)) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 3 && f[3].equals("0A")) {
                    String address = f[1].substring(0, f[1].indexOf(':'));
                    int port = Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1), 16);
                    if (!isLoopback(address) && !ports.contains(port)) {
                        ports.add(port);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // the sandbox is going away; it listens on nothing
        }
    }

    private static boolean isLoopback(String hexAddress) {
        return hexAddress.length() == 8 ? hexAddress.endsWith("7F") : hexAddress.equals("00000000000000000000000001000000");
    }
}
