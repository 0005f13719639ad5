package io.kumo.fabric.firewall;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The seed VPC ({@link SeedVpc}) built for real out of network namespaces, for tests that send
 * packets through a rendered ruleset.
 *
 * <pre>
 *   igw ns: 198.51.100.1 (the host as the internet sees it), 100.64.0.2/30 on eth0
 *      | veth eth0 - igw0
 *   router ns: igw0 100.64.0.1/30, b-pub 10.0.1.1/24, b-priv 10.0.2.1/24, lo 10.0.0.2 and 169.254.169.254
 *      | b-pub: web 10.0.1.10, other 10.0.1.20     | b-priv: db 10.0.2.10
 * </pre>
 *
 * Every interface is created directly inside the lab's namespaces, nothing in the host's own
 * namespace, and traffic never leaves them. Every command and every wait is bounded.
 */
final class PacketLab implements AutoCloseable {

    enum Outcome { OK, TIMEOUT, REFUSED, NOECHO, ERROR }

    static final String PYTHON = "/usr/bin/python3";
    static final String INTERNET_HOST = "198.51.100.1";
    /** An address of the private subnet that the namespace of "other" (public subnet) can also send from. */
    static final String SPOOFED_ADDRESS = "10.0.2.77";

    /** Echo servers on the given ports; they exit when their stdin closes, so a dead JVM leaves none. */
    private static final String ECHO_SERVER = """
            import socket, sys, threading
            def handle(c):
                with c:
                    while True:
                        data = c.recv(4096)
                        if not data:
                            return
                        c.sendall(data)
            def serve(s):
                while True:
                    c, _ = s.accept()
                    threading.Thread(target=handle, args=(c,), daemon=True).start()
            for port in sys.argv[1:]:
                s = socket.socket()
                s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                s.bind(('0.0.0.0', int(port)))
                s.listen(64)
                threading.Thread(target=serve, args=(s,), daemon=True).start()
            print('READY', flush=True)
            sys.stdin.read()
            """;

    /** One connection attempt: connect, send a line, expect it back. */
    private static final String PROBE = """
            import socket, sys
            s = socket.socket()
            s.settimeout(float(sys.argv[3]))
            try:
                if len(sys.argv) > 4:
                    s.bind((sys.argv[4], 0))
                s.connect((sys.argv[1], int(sys.argv[2])))
            except socket.timeout:
                print('TIMEOUT'); sys.exit()
            except ConnectionRefusedError:
                print('REFUSED'); sys.exit()
            except OSError as e:
                print('ERROR', e); sys.exit()
            s.settimeout(3)
            try:
                s.sendall(b'ping\\n')
                print('OK' if s.recv(16) == b'ping\\n' else 'NOECHO')
            except OSError:
                print('NOECHO')
            """;

    /** A long-lived connection: each stdin line is sent and its echo printed. */
    private static final String CONVERSATION = """
            import socket, sys
            s = socket.socket()
            s.settimeout(2)
            try:
                s.connect((sys.argv[1], int(sys.argv[2])))
            except OSError as e:
                print('FAILED', e, flush=True); sys.exit()
            print('CONNECTED', flush=True)
            for line in sys.stdin:
                try:
                    s.sendall(line.encode())
                    print('ECHO ' + s.recv(4096).decode().strip(), flush=True)
                except socket.timeout:
                    print('TIMEOUT', flush=True)
            """;

    final String router;
    final String igw;
    final String web;
    final String other;
    final String db;
    private final List<String> namespaces;
    private final List<Process> processes = new ArrayList<>();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    private PacketLab(String prefix) {
        router = prefix + "-r";
        igw = prefix + "-igw";
        web = prefix + "-web";
        other = prefix + "-oth";
        db = prefix + "-db";
        namespaces = List.of(web, other, db, igw, router);
    }

    /** Why the lab cannot run here, if it cannot. */
    static Optional<String> missingPrerequisite() {
        try {
            if (!Files.readString(Path.of("/proc/self/status")).lines().anyMatch(line -> line.matches("Uid:\\s+0\\s.*"))) {
                return Optional.of("needs root");
            }
        } catch (IOException e) {
            return Optional.of("no /proc: " + e.getMessage());
        }
        for (String tool : List.of("nft", "ip")) {
            if (Stream.of("/usr/sbin/", "/sbin/", "/usr/bin/").noneMatch(dir -> Files.isExecutable(Path.of(dir + tool)))) {
                return Optional.of("needs " + tool);
            }
        }
        return Files.isExecutable(Path.of(PYTHON)) ? Optional.empty() : Optional.of("needs " + PYTHON);
    }

    static PacketLab create() {
        var lab = new PacketLab("kumotest-fw-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()));
        try {
            lab.build();
            return lab;
        } catch (RuntimeException | Error e) {
            lab.close();
            throw e;
        }
    }

    private void build() {
        for (String ns : namespaces) {
            run("ip", "netns", "add", ns);
            run("ip", "-n", ns, "link", "set", "lo", "up");
        }
        sysctl(router, "net.ipv4.ip_forward=1");
        sysctl(router, "net.bridge.bridge-nf-call-iptables=1");
        bridge("b-pub", "10.0.1.1/24");
        bridge("b-priv", "10.0.2.1/24");
        run("ip", "-n", router, "addr", "add", "10.0.0.2/32", "dev", "lo");
        run("ip", "-n", router, "addr", "add", "169.254.169.254/32", "dev", "lo");

        run("ip", "link", "add", "eth0", "netns", igw, "type", "veth", "peer", "name", "igw0", "netns", router);
        run("ip", "-n", router, "addr", "add", "100.64.0.1/30", "dev", "igw0");
        run("ip", "-n", router, "link", "set", "igw0", "up");
        run("ip", "-n", router, "route", "add", "default", "via", "100.64.0.2", "dev", "igw0");
        run("ip", "-n", igw, "addr", "add", "100.64.0.2/30", "dev", "eth0");
        run("ip", "-n", igw, "addr", "add", INTERNET_HOST + "/32", "dev", "lo");
        run("ip", "-n", igw, "link", "set", "eth0", "up");
        run("ip", "-n", igw, "route", "add", "10.0.0.0/16", "via", "100.64.0.1", "src", INTERNET_HOST);

        instance(web, "p-web", "b-pub", SeedVpc.WEB + "/24", "10.0.1.1");
        instance(other, "p-oth", "b-pub", SeedVpc.OTHER + "/24", "10.0.1.1");
        instance(db, "p-db", "b-priv", SeedVpc.DB + "/24", "10.0.2.1");
        run("ip", "-n", other, "addr", "add", SPOOFED_ADDRESS + "/32", "dev", "eth0");

        startEchoServer(web, 80, 8080);
        startEchoServer(other, 9000);
        startEchoServer(db, 3306, 3307, 5432);
        startEchoServer(router, 53, 80, 8081);
        startEchoServer(igw, 7000);
    }

    /** Names of the lab's interfaces that are visible in the host's own namespace (should be none). */
    List<String> labInterfacesInHostNamespace() {
        String links = run("ip", "-o", "link", "show");
        return Stream.of("igw0", "b-pub", "b-priv", "p-web", "p-oth", "p-db")
                .filter(name -> links.contains(" " + name + ":") || links.contains(" " + name + "@"))
                .toList();
    }

    private void bridge(String name, String gateway) {
        run("ip", "-n", router, "link", "add", name, "type", "bridge");
        run("ip", "-n", router, "addr", "add", gateway, "dev", name);
        run("ip", "-n", router, "link", "set", name, "up");
    }

    private void instance(String ns, String port, String bridge, String address, String gateway) {
        run("ip", "link", "add", "eth0", "netns", ns, "type", "veth", "peer", "name", port, "netns", router);
        run("ip", "-n", router, "link", "set", port, "master", bridge);
        run("ip", "-n", router, "link", "set", port, "up");
        run("ip", "-n", ns, "addr", "add", address, "dev", "eth0");
        run("ip", "-n", ns, "link", "set", "eth0", "up");
        run("ip", "-n", ns, "route", "add", "default", "via", gateway);
    }

    private void sysctl(String ns, String setting) {
        run("ip", "netns", "exec", ns, "sysctl", "-qw", setting);
    }

    /** Loads a ruleset into the router namespace, the way Kumo will. */
    void load(VpcFirewall firewall) {
        runWithInput(NftRuleset.render(firewall), "ip", "netns", "exec", router, "nft", "-f", "-");
    }

    /** Checks a script with {@code nft -c}: parsed and validated by the kernel, not committed. */
    void check(String script) {
        runWithInput(script, "ip", "netns", "exec", router, "nft", "-c", "-f", "-");
    }

    /** The packet counter of the first rule of a chain of the loaded table that contains {@code fragment}. */
    long packetsCounted(String table, String chain, String fragment) {
        return nft("list", "chain", "inet", table, chain).lines()
                .filter(line -> line.contains(fragment))
                .findFirst()
                .map(line -> line.replaceAll(".* counter packets (\\d+) .*", "$1"))
                .map(Long::parseLong)
                .orElseThrow(() -> new IllegalStateException("no rule with " + fragment + " in " + chain));
    }

    String nft(String... arguments) {
        var command = new ArrayList<>(List.of("ip", "netns", "exec", router, "nft"));
        command.addAll(List.of(arguments));
        return run(command.toArray(String[]::new));
    }

    /** Connection attempts, run at once; the result keeps the order of the probes. */
    Map<Probe, Outcome> probe(List<Probe> probes) {
        var pending = new LinkedHashMap<Probe, Future<Outcome>>();
        probes.forEach(probe -> pending.put(probe, executor.submit(() -> attempt(probe))));
        var outcomes = new LinkedHashMap<Probe, Outcome>();
        pending.forEach((probe, future) -> {
            try {
                outcomes.put(probe, future.get(10, TimeUnit.SECONDS));
            } catch (Exception e) {
                outcomes.put(probe, Outcome.ERROR);
            }
        });
        return outcomes;
    }

    private Outcome attempt(Probe probe) {
        var command = new ArrayList<>(List.of("ip", "netns", "exec", probe.fromNamespace(), PYTHON, "-c", PROBE,
                probe.host(), Integer.toString(probe.port()), "1.5"));
        probe.source().ifPresent(command::add);
        String output = run(command.toArray(String[]::new)).strip();
        return Stream.of(Outcome.values()).filter(outcome -> output.startsWith(outcome.name())).findFirst().orElse(Outcome.ERROR);
    }

    Conversation converse(String fromNamespace, String host, int port) {
        Process process = start("ip", "netns", "exec", fromNamespace, PYTHON, "-c", CONVERSATION, host, Integer.toString(port));
        var conversation = new Conversation(process);
        String greeting = conversation.nextLine();
        if (!"CONNECTED".equals(greeting)) {
            throw new IllegalStateException("could not connect to " + host + ":" + port + ": " + greeting);
        }
        return conversation;
    }

    /** A TCP connection kept open across ruleset reloads. */
    final class Conversation implements AutoCloseable {
        private final Process process;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

        private Conversation(Process process) {
            this.process = process;
            executor.submit(() -> {
                try (var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    reader.lines().forEach(lines::add);
                }
                return null;
            });
        }

        /** Sends a word and returns what came back: "ECHO word", "TIMEOUT", or "GONE". */
        String exchange(String word) {
            try {
                OutputStream in = process.getOutputStream();
                in.write((word + "\n").getBytes(StandardCharsets.UTF_8));
                in.flush();
            } catch (IOException e) {
                return "GONE";
            }
            return nextLine();
        }

        private String nextLine() {
            try {
                String line = lines.poll(5, TimeUnit.SECONDS);
                return line == null ? "GONE" : line;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "GONE";
            }
        }

        @Override
        public void close() {
            stop(process);
        }
    }

    /** A connection attempt from a namespace, optionally from one of its addresses other than the primary. */
    record Probe(String fromNamespace, Optional<String> source, String host, int port, String label) {
        @Override
        public String toString() {
            return label + " (" + host + ":" + port + ")";
        }
    }

    private void startEchoServer(String ns, int... ports) {
        var command = new ArrayList<>(List.of("ip", "netns", "exec", ns, PYTHON, "-c", ECHO_SERVER));
        for (int port : ports) {
            command.add(Integer.toString(port));
        }
        Process server = start(command.toArray(String[]::new));
        Future<String> ready = executor.submit(() -> new BufferedReader(
                new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8)).readLine());
        try {
            String line = ready.get(5, TimeUnit.SECONDS);
            if (!"READY".equals(line)) {
                throw new IllegalStateException("echo server in " + ns + " did not start: " + line);
            }
        } catch (Exception e) {
            ready.cancel(true);
            throw new IllegalStateException("echo server in " + ns + " did not start", e);
        }
    }

    private Process start(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            synchronized (processes) {
                processes.add(process);
            }
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String run(String... command) {
        return runWithInput(null, command);
    }

    private static String runWithInput(String input, String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (OutputStream in = process.getOutputStream()) {
                if (input != null) {
                    in.write(input.getBytes(StandardCharsets.UTF_8));
                }
            }
            // output is small (a line or an nft listing), so reading before waiting cannot stall
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + String.join(" ", command));
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (" + process.exitValue() + "): " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void stop(Process process) {
        process.destroyForcibly();
        try {
            process.waitFor(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops everything the lab started and deletes its namespaces; safe to call on a half-built lab. */
    @Override
    public void close() {
        synchronized (processes) {
            processes.forEach(PacketLab::stop);
        }
        for (String ns : namespaces) {
            try {
                // a namespace only goes away once nothing runs in it; these pids are all ours
                run("ip", "netns", "pids", ns).lines().map(String::strip).filter(pid -> pid.matches("\\d+"))
                        .forEach(pid -> ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly));
                run("ip", "netns", "del", ns);
            } catch (RuntimeException ignored) {
                // not created, or already gone
            }
        }
        executor.shutdownNow();
    }
}
