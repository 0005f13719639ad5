package io.kumo.ec2.runtime;

import io.kumo.core.service.Controller;
import io.kumo.core.store.Store;
import io.kumo.core.store.StoreScope;
import io.kumo.ec2.compute.image.ImageBuilds;
import io.kumo.ec2.compute.instance.InstanceState;
import io.kumo.ec2.compute.instance.RebootRequest;
import io.kumo.ec2.runtime.host.FabricNames;
import io.kumo.ec2.runtime.image.ImageLayers;
import io.kumo.ec2.runtime.host.InstanceNetwork;
import io.kumo.ec2.runtime.host.MetadataServers;
import io.kumo.ec2.runtime.imds.InstanceMetadata;
import io.kumo.ec2.runtime.dns.HostEntry;
import io.kumo.ec2.runtime.dns.HostedZones;
import io.kumo.ec2.runtime.dns.VpcNames;
import io.kumo.ec2.runtime.dns.VpcResolvers;
import io.kumo.ec2.runtime.host.PublicEndpoints;
import io.kumo.ec2.runtime.host.PublicPortScanner;
import io.kumo.ec2.runtime.host.Reclaimer;
import io.kumo.ec2.runtime.host.VpcNetwork;
import io.kumo.ec2.runtime.plan.FirewallPlans;
import io.kumo.ec2.runtime.plan.InstancePlan;
import io.kumo.ec2.runtime.plan.RuntimePlans;
import io.kumo.ec2.runtime.plan.VpcPlan;
import io.kumo.fabric.FabricException;
import io.kumo.fabric.firewall.NftRuleset;
import io.kumo.fabric.firewall.VpcFirewall;
import io.kumo.fabric.netns.NamespaceSockets;
import io.kumo.fabric.sandbox.Sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes instances really run: boots a sandbox for every pending or running instance, stops the
 * sandboxes of instances being stopped or terminated, and writes the states that follow
 * (running once the sandbox is up; stopped or terminated once it is gone). It also keeps each
 * VPC's router, firewall and public endpoints in step with the store. One platform thread does
 * all of it, woken by commits and every half second (to notice new listening ports).
 */
public final class InstanceRunner implements Controller, InstanceConsoles {
    private static final System.Logger LOG = System.getLogger("kumo.ec2.runner");
    private static final Set<String> WATCHED = Set.of("ec2.instances", "ec2.network-interfaces", "ec2.security-groups",
            "ec2.network-acls", "ec2.route-tables", "ec2.internet-gateways", "ec2.subnets", "ec2.vpcs", "ec2.image-builds", "ec2.images",
            "ec2.prefix-lists");
    private static final Duration TICK = Duration.ofMillis(500);
    private static final Duration STOP_GRACE = Duration.ofSeconds(3);
    private static final int WIRING_PARALLELISM = 8;

    private final Store store;
    private final Clock clock;
    private final InstanceHosting hosting;
    private final FabricNames names;
    private final VpcNetwork vpcs;
    private final InstanceNetwork networks;
    private final ManagedNodes nodes;
    private final NamespaceSockets sockets = new NamespaceSockets();
    private final PublicEndpoints publicEndpoints = new PublicEndpoints(sockets);
    private final PublicPortScanner publicPorts = new PublicPortScanner(publicEndpoints);
    private final MetadataServers metadata;
    private final VpcResolvers resolvers;
    private final io.kumo.ec2.runtime.dns.PublicInstanceNames publicNames = new io.kumo.ec2.runtime.dns.PublicInstanceNames();
    /** Each VPC's resolver address (base + 2), as the last pass read it, for opening its sockets. */
    private final Map<String, String> resolverAddresses = new ConcurrentHashMap<>();
    private final Map<String, Hosted> hosted = new ConcurrentHashMap<>();
    private final Map<String, String> appliedFirewalls = new HashMap<>();
    private final Set<String> builtVpcs = new HashSet<>();
    private final ReconcileLoop loop = new ReconcileLoop("ec2-instance-runner", TICK, this::reconcile, () -> this.lastPass);
    private volatile String lastPass = "";
    private final InstanceStates states;
    private final InstanceBoots boots;
    private final ImageLayers layers;
    /** Images being frozen, and the instances whose disks they read (not deleted meanwhile). */
    private final Set<String> freezingImages = ConcurrentHashMap.newKeySet();
    /** The images in use when unused layers were last dropped; null before the first pass. */
    private Set<String> imagesKept;
    private final Set<String> freezingInstances = ConcurrentHashMap.newKeySet();

    /** A sandbox of ours and whether it is on its way down. */
    private static final class Hosted {
        final Sandbox sandbox;
        final InstancePlan plan;
        final long bootedAtNanos = System.nanoTime();
        volatile boolean stopping;

        Hosted(Sandbox sandbox, InstancePlan plan) {
            this.sandbox = sandbox;
            this.plan = plan;
        }
    }

    /** @param generated the names other services generate, which the VPCs' resolvers answer too */
    public InstanceRunner(Store store, Clock clock, InstanceHosting hosting, io.kumo.core.dns.GeneratedNames generated) {
        this(store, clock, hosting, generated, HostedZones.NONE);
    }

    /** @param zones Route 53's hosted zones, which the VPCs' resolvers answer: private ones of the VPC first */
    public InstanceRunner(Store store, Clock clock, InstanceHosting hosting, io.kumo.core.dns.GeneratedNames generated,
                          HostedZones zones) {
        this.store = store;
        this.clock = clock;
        this.hosting = hosting;
        this.names = FabricNames.forDataDir(hosting.ephemeral() || hosting.dataDir() == null
                ? "ephemeral#" + ProcessHandle.current().pid() + "#" + System.identityHashCode(this)
                : hosting.dataDir().toAbsolutePath().toString());
        this.vpcs = new VpcNetwork(names);
        this.networks = new InstanceNetwork(names, vpcs);
        this.nodes = new ManagedNodes(names, networks);
        Path instancesDir = instancesDir(hosting);
        this.layers = new ImageLayers(instancesDir.resolveSibling(instancesDir.getFileName() + "-images"));
        this.boots = new InstanceBoots(instancesDir, hosting.dataDir(), layers);
        this.metadata = new MetadataServers(sockets, vpcs, clock);
        this.states = new InstanceStates(store, clock);
        this.resolvers = new VpcResolvers(this::openResolverSockets, zones, generated);
        generated.add(publicNames);
    }

    static Path instancesDir(InstanceHosting hosting) {
        try {
            return hosting.ephemeral() || hosting.dataDir() == null ? Files.createTempDirectory("kumo-instances-")
                    : hosting.dataDir().resolve("instances");
        } catch (IOException e) {
            throw new FabricException("cannot make a directory for instance disks: " + e.getMessage(), e);
        }
    }

    @Override
    public String name() {
        return "ec2-instance-runner";
    }

    @Override
    public void start() {
        loop.start(store, WATCHED, () -> {
            int reclaimed = Reclaimer.reclaim(names);
            if (reclaimed > 0) {
                LOG.log(System.Logger.Level.INFO, "reclaimed " + reclaimed + " namespaces left by an earlier run");
            }
        });
    }

    @Override
    public void close() {
        loop.stop();
        publicPorts.close();
        publicEndpoints.close();
        metadata.close();
        resolvers.close();
        hosted.values().parallelStream().forEach(h -> h.sandbox.kill());
        hosted.clear();
        sockets.close();
        Reclaimer.reclaim(names);
        Reclaimer.release(names);
        if (hosting.ephemeral() || hosting.dataDir() == null) {
            boots.deleteAll();
            io.kumo.fabric.host.Command.of("rm", "-rf", "--one-file-system", layers.imagesDir().toString()).exec();
        }
    }

    private void wake() {
        loop.wake();
    }

    void reconcile() {
        PassTimer timer = new PassTimer();
        RuntimePlans plans = store.read(StoreScope.GLOBAL, RuntimePlans::read);
        timer.mark("read");
        Set<String> seen = new HashSet<>();
        List<InstancePlan> booted = new ArrayList<>();
        List<InstancePlan> halted = new ArrayList<>();
        List<InstancePlan> toBoot = new ArrayList<>();
        Set<String> vpcsInUse = new HashSet<>();
        for (InstancePlan p : plans.instances()) {
            seen.add(p.instanceId());
            InstanceState state = p.instance().state();
            Hosted h = hosted.get(p.instanceId());
            boolean wanted = state == InstanceState.PENDING || state == InstanceState.RUNNING;
            if (wanted) {
                vpcsInUse.add(p.vpcId());
                if (h == null) {
                    toBoot.add(p);
                } else if (!h.sandbox.alive() && !h.stopping) {
                    ended(h, p);
                } else if (state == InstanceState.PENDING && h.sandbox.initPid().isPresent()) {
                    booted.add(p);
                } else if (plans.reboots().containsKey(p.instanceId()) && !h.stopping) {
                    rebootInBackground(h, p);
                }
            } else if (h != null) {
                vpcsInUse.add(p.vpcId());
                stopInBackground(h);
            } else if (state == InstanceState.STOPPING || state == InstanceState.SHUTTING_DOWN) {
                halted.add(p);
            }
        }
        for (Hosted h : List.copyOf(hosted.values())) {
            if (!seen.contains(h.plan.instanceId())) {
                stopInBackground(h);
            }
        }
        // An instance's network, firewall and metadata are ready before its first process starts, as on EC2.
        timer.mark("classify");
        List<InstancePlan> wired = wireAll(toBoot, plans);
        timer.mark("wire " + toBoot.size());
        Set<String> interfaces = new HashSet<>(wireNodes(plans, vpcsInUse));
        hosted.values().forEach(h -> interfaces.add(h.plan.interfaceId()));
        wired.forEach(p -> interfaces.add(p.interfaceId()));
        applyFirewalls(plans, vpcsInUse, interfaces);
        nodes.publish();
        timer.mark("firewall");
        serveMetadata(plans, interfaces);
        serveNames(plans, vpcsInUse);
        timer.mark("metadata+names");
        inParallel(wired, p -> boot(p, plans.vpcs().get(p.vpcId())));
        if (!wired.isEmpty()) {
            wake(); // the next pass, right away, sees their inits and reports them running
        }
        timer.mark("boot");
        settle(booted, InstanceState.PENDING);
        settle(halted, null);
        buildImages(plans);
        dropUnusedImageLayers(plans);
        timer.mark("settle");
        publicPorts.candidates(publicCandidates(plans));
        timer.mark("public candidates");
        for (String vpcId : Set.copyOf(builtVpcs)) {
            if (!vpcsInUse.contains(vpcId) && hosted.values().stream().noneMatch(h -> h.plan.vpcId().equals(vpcId))) {
                metadata.forget(vpcId);
                resolvers.forget(vpcId);
                vpcs.remove(vpcId);
                sockets.forget(vpcs.router(vpcId));
                sockets.forget(vpcs.gateway(vpcId));
                builtVpcs.remove(vpcId);
                appliedFirewalls.remove(vpcId);
            }
        }
            timer.mark("cleanup");
        lastPass = timer.toString();
    }

    /**
     * Makes the VPCs, then the instances' network namespaces, several at a time: each takes a few
     * runs of ip, and a burst of launches must not wait for them one by one. Returns the instances
     * whose network is ready; the others are stopped with the host's reason.
     */
    private List<InstancePlan> wireAll(List<InstancePlan> toBoot, RuntimePlans plans) {
        List<InstancePlan> ready = new java.util.concurrent.CopyOnWriteArrayList<>();
        Set<String> failedVpcs = new HashSet<>();
        for (String vpcId : toBoot.stream().map(InstancePlan::vpcId).distinct().toList()) {
            try {
                vpcs.ensure(plans.vpcs().get(vpcId));
                builtVpcs.add(vpcId);
            } catch (RuntimeException e) {
                failedVpcs.add(vpcId);
                toBoot.stream().filter(p -> p.vpcId().equals(vpcId)).forEach(p -> bootFailed(p, e));
            }
        }
        inParallel(toBoot.stream().filter(p -> !failedVpcs.contains(p.vpcId())).toList(), p -> {
            try {
                networks.ensure(p);
                ready.add(p);
            } catch (RuntimeException e) {
                bootFailed(p, e);
            }
        });
        return List.copyOf(ready);
    }

    /** The namespaces of services' nodes (their VPCs are built first and count as in use); returns their interfaces. */
    private Set<String> wireNodes(RuntimePlans plans, Set<String> vpcsInUse) {
        for (String vpcId : plans.nodes().stream().map(n -> n.vpcId()).distinct().toList()) {
            vpcsInUse.add(vpcId);
            if (!builtVpcs.contains(vpcId)) {
                try {
                    vpcs.ensure(plans.vpcs().get(vpcId));
                    builtVpcs.add(vpcId);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "the network of " + vpcId + " could not be made for its nodes", e);
                }
            }
        }
        return nodes.wire(plans.nodes(), builtVpcs);
    }

    /** Where services' nodes live, for the services that made them. */
    public io.kumo.core.network.InterfaceNamespaces nodeNamespaces() {
        return nodes;
    }

    /** Runs {@code work} for each instance, a few at a time, and returns when all are done. */
    private static void inParallel(List<InstancePlan> plans, java.util.function.Consumer<InstancePlan> work) {
        if (plans.size() <= 1) {
            plans.forEach(work);
            return;
        }
        java.util.concurrent.Semaphore slots = new java.util.concurrent.Semaphore(WIRING_PARALLELISM);
        try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (InstancePlan p : plans) {
                threads.submit(() -> {
                    slots.acquireUninterruptibly();
                    try {
                        work.accept(p);
                    } finally {
                        slots.release();
                    }
                });
            }
        }
    }

    private void boot(InstancePlan p, VpcPlan vpc) {
        try {
            hosted.put(p.instanceId(), new Hosted(Sandbox.boot(boots.spec(p, vpc, networks.namespace(p.instanceId()))), p));
        } catch (RuntimeException e) {
            bootFailed(p, e);
        }
    }

    private void bootFailed(InstancePlan p, RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "instance " + p.instanceId() + " could not boot", e);
        boots.appendConsole(p.instanceId(), "[kumo] the sandbox could not be started: " + e.getMessage());
        networks.remove(p.instanceId());
        failed(p, e.getMessage());
    }

    /** The sandbox went away by itself: its init failed at boot, or something inside ended it. */
    private void ended(Hosted h, InstancePlan p) {
        hosted.remove(p.instanceId());
        networks.remove(p.instanceId());
        boots.appendConsole(p.instanceId(), "[kumo] the instance's init exited; the instance is stopped");
        failed(p, "the instance's init exited");
    }

    private void failed(InstancePlan p, String why) {
        states.failed(p, why);
    }

    /**
     * CreateImage: copies the instance's disk (its writable layer) into the new image's layer, off
     * this thread. With a reboot (NoReboot false on a running instance) the sandbox is stopped for
     * the copy and booted again after it, while the instance stays running, as on AWS.
     */
    private void buildImages(RuntimePlans plans) {
        for (RuntimePlans.ImageBuild b : plans.builds()) {
            String imageId = b.build().imageId();
            if (b.build().isImport()) {
                importImage(b);
                continue;
            }
            String instanceId = b.build().instanceId();
            Hosted h = hosted.get(instanceId);
            if (freezingImages.contains(imageId) || (h != null && h.stopping)) {
                continue;
            }
            Path upper = boots.dir(instanceId).resolve("upper");
            if (!Files.isDirectory(upper)) {
                store.write(b.scope(), tx -> ImageBuilds.fail(tx, imageId, "the instance's disk no longer exists"));
                continue;
            }
            freezingImages.add(imageId);
            freezingInstances.add(instanceId);
            boolean reboot = b.build().reboot() && h != null;
            if (reboot) {
                h.stopping = true;
            }
            freezeInBackground(b, upper, () -> {
                if (reboot) {
                    boots.appendConsole(instanceId, "[kumo] rebooting for CreateImage " + imageId);
                    h.sandbox.stop(STOP_GRACE);
                }
            }, () -> {
                if (reboot) {
                    hosted.remove(instanceId);
                }
                freezingInstances.remove(instanceId);
            });
        }
    }

    /**
     * Deletes the layers of images nobody can use any more (deregistered, and no instance of
     * theirs left), once the set of images in use changes. Never while a layer is being frozen:
     * this pass's view of the store may predate the build that layer belongs to.
     */
    private void dropUnusedImageLayers(RuntimePlans plans) {
        if (plans.imagesInUse().equals(imagesKept) || !freezingImages.isEmpty()) {
            return;
        }
        try {
            Set<String> dropped = layers.retainOnly(plans.imagesInUse());
            if (!dropped.isEmpty()) {
                LOG.log(System.Logger.Level.INFO, "deleted the layers of images no longer in use: " + dropped);
            }
            imagesKept = plans.imagesInUse();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot delete unused image layers", e);
        }
    }

    /** An image import: copies the host's directory in as the image's layer. */
    private void importImage(RuntimePlans.ImageBuild b) {
        if (freezingImages.add(b.build().imageId())) {
            freezeInBackground(b, Path.of(b.build().importFrom()), () -> { }, () -> { });
        }
    }

    /**
     * Off this thread: {@code before}, the copy of {@code source} into the image's layer, the end
     * of the build (a layer nobody wants any more, because the image was deregistered meanwhile,
     * goes again), then {@code after}, whatever happened.
     */
    private void freezeInBackground(RuntimePlans.ImageBuild b, Path source, Runnable before, Runnable after) {
        String imageId = b.build().imageId();
        Thread.ofVirtual().name("image-" + imageId).start(() -> {
            try {
                before.run();
                layers.freeze(source, List.of(), imageId);
                if (!store.write(b.scope(), tx -> ImageBuilds.complete(tx, imageId))) {
                    layers.delete(imageId);
                }
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "image " + imageId + " could not be made", e);
                store.write(b.scope(), tx -> ImageBuilds.fail(tx, imageId, String.valueOf(e.getMessage())));
            } finally {
                after.run();
                freezingImages.remove(imageId);
                wake();
            }
        });
    }

    /** Stops the sandbox and forgets it; the next pass finds the instance running without one and boots it. */
    private void rebootInBackground(Hosted h, InstancePlan p) {
        store.write(scope(p), tx -> {
            tx.delete(RebootRequest.TABLE, p.instanceId());
            return null;
        });
        h.stopping = true;
        boots.appendConsole(p.instanceId(), "[kumo] rebooting");
        Thread.ofVirtual().name("reboot-" + p.instanceId()).start(() -> {
            try {
                h.sandbox.stop(STOP_GRACE);
            } finally {
                hosted.remove(p.instanceId());
                wake();
            }
        });
    }

    private void stopInBackground(Hosted h) {
        if (h.stopping) {
            return;
        }
        h.stopping = true;
        Thread.ofVirtual().name("stop-" + h.plan.instanceId()).start(() -> {
            try {
                h.sandbox.stop(STOP_GRACE);
                networks.remove(h.plan.instanceId());
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "stopping " + h.plan.instanceId() + " failed", e);
            } finally {
                hosted.remove(h.plan.instanceId());
                wake();
            }
        });
    }

    private void settle(List<InstancePlan> plans, InstanceState onlyFrom) {
        states.settle(plans, onlyFrom, freezingInstances::contains, boots::terminated);
    }

    private static StoreScope scope(InstancePlan p) {
        return InstanceStates.scope(p);
    }

    private void applyFirewalls(RuntimePlans plans, Set<String> vpcsInUse, Set<String> live) {
        Map<String, VpcPlan> inUse = new HashMap<>();
        vpcsInUse.stream().filter(plans.vpcs()::containsKey).filter(builtVpcs::contains).forEach(id -> inUse.put(id, plans.vpcs().get(id)));
        Map<String, VpcFirewall> firewalls = store.read(StoreScope.GLOBAL, tx -> FirewallPlans.read(tx, inUse, live));
        for (Map.Entry<String, VpcFirewall> e : firewalls.entrySet()) {
            String rules = NftRuleset.render(e.getValue());
            if (!rules.equals(appliedFirewalls.get(e.getKey()))) {
                try {
                    vpcs.router(e.getKey()).nft(rules);
                    appliedFirewalls.put(e.getKey(), rules);
                } catch (FabricException ex) {
                    LOG.log(System.Logger.Level.WARNING, "firewall of " + e.getKey() + " not applied", ex);
                }
            }
        }
    }

    private Map<String, PublicPortScanner.Candidate> publicCandidates(RuntimePlans plans) {
        Map<String, PublicPortScanner.Candidate> out = new HashMap<>();
        for (InstancePlan p : plans.instances()) {
            Hosted h = hosted.get(p.instanceId());
            if (h != null && !h.stopping && p.publicIp() != null && p.subnet().routesToInternet()) {
                PublicPorts ports = PublicPorts.of(p.groupIds(), plans.groups(), plans.ruleSources());
                out.put(p.instanceId(), new PublicPortScanner.Candidate(p.publicIp(), vpcs.gateway(p.vpcId()), p.privateIp(),
                        ports.ports(), ports.wide(), h.sandbox, h.bootedAtNanos));
            }
        }
        return out;
    }

    private void serveMetadata(RuntimePlans plans, Set<String> liveInterfaces) {
        Map<String, Map<String, InstanceMetadata>> byVpc = new HashMap<>();
        for (InstancePlan p : plans.instances()) {
            if (liveInterfaces.contains(p.interfaceId())) {
                byVpc.computeIfAbsent(p.vpcId(), k -> new HashMap<>()).put(p.privateIp(), MetadataOf.instance(p, plans.vpcs().get(p.vpcId())));
            }
        }
        byVpc.forEach(metadata::serve);
    }

    /**
     * The resolver at each VPC's base + 2 learns the names of every instance of the VPC's region; the public names of
     * all instances go to the generated names, which the host listener answers too.
     */
    private void serveNames(RuntimePlans plans, Set<String> vpcsInUse) {
        Map<String, String> publicDnsNames = new HashMap<>();
        // DescribeInstances gives a public DNS name only in VPCs with DNS hostnames on: only those names resolve
        plans.instances().stream().filter(p -> p.publicIp() != null && plans.vpcs().containsKey(p.vpcId())
                && plans.vpcs().get(p.vpcId()).dnsHostnames()).forEach(p ->
                publicDnsNames.put(io.kumo.ec2.compute.HostNames.publicDnsName(p.region(), p.publicIp()), p.publicIp()));
        publicNames.update(publicDnsNames);
        for (String vpcId : vpcsInUse) {
            VpcPlan vpc = plans.vpcs().get(vpcId);
            if (vpc == null || !builtVpcs.contains(vpcId)) {
                continue;
            }
            resolverAddresses.put(vpcId, vpc.resolver());
            List<HostEntry> hosts = plans.instances().stream().filter(p -> p.region().equals(vpc.region()))
                    .map(p -> new HostEntry(p.privateIp(), p.publicIp(), p.vpcId())).toList();
            resolvers.update(vpcId, new VpcNames(vpcId, vpc.region(), vpc.dnsSupport(), vpc.dnsHostnames(), hosts));
        }
    }

    private VpcResolvers.Sockets openResolverSockets(String vpcId) throws java.net.UnknownHostException {
        java.net.InetSocketAddress at = new java.net.InetSocketAddress(java.net.InetAddress.getByName(resolverAddress(vpcId)), 53);
        java.nio.channels.DatagramChannel udp = sockets.datagram(vpcs.router(vpcId), at);
        try {
            return new VpcResolvers.Sockets(udp, sockets.listen(vpcs.router(vpcId), at));
        } catch (RuntimeException e) {
            try {
                udp.close();
            } catch (IOException ignored) {
                // closing a socket that never served
            }
            throw e;
        }
    }

    private String resolverAddress(String vpcId) {
        return resolverAddresses.get(vpcId);
    }

    @Override
    public Optional<String> tail(String instanceId, int maxBytes) {
        return boots.consoleTail(instanceId, maxBytes);
    }

    /** For the admin endpoint and tests: what listens publicly now. */
    public Set<String> publicListeners() {
        return publicEndpoints.openAddresses();
    }
}
