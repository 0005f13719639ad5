package io.kumo.it.ec2.runtime;

import io.kumo.it.KumoHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.HttpTokensState;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceNetworkInterfaceSpecification;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;

import static io.kumo.it.ec2.runtime.Sandboxes.await;
import static io.kumo.it.ec2.runtime.Sandboxes.connectsFrom;
import static io.kumo.it.ec2.runtime.Sandboxes.get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Instances really run (SCENARIO sections 1 and 2): user data serves HTTP on the public IP,
 * security groups and routes hold on real packets, VPCs overlap, metadata answers, stop and start
 * keep the disk. Skipped where sandboxes are impossible; CI runs it as root.
 */
class InstancesRunTest {
    private static final Duration BOOT = Duration.ofSeconds(20);
    /** How long a rule or route change may take to hold: the next pass of the runner, which a burst of boots can delay. */
    private static final Duration CHANGE = Duration.ofSeconds(10);
    private static final KumoHarness KUMO = KumoHarness.shared();
    private static final Ec2Client EC2 = KUMO.ec2();
    private static final Consumer<WaiterOverrideConfiguration.Builder> FAST = w -> w
            .backoffStrategy(FixedDelayBackoffStrategy.create(Duration.ofMillis(100))).maxAttempts(200);
    private static final List<String> LAUNCHED = new ArrayList<>();
    private static String hostBefore;
    private static String image;
    private static Network net;

    record Network(String vpcId, String publicSubnet, String privateSubnet, String publicTable, String webSg, String dbSg, String otherSg) {
    }

    @BeforeAll
    static void network() {
        Sandboxes.requireIsolation();
        hostBefore = Sandboxes.hostState();
        image = EC2.describeImages(r -> r.owners("amazon").filters(f -> f.name("name").values("debian-12-amd64-*"))).images().getFirst().imageId();
        net = network("10.0.0.0/16");
    }

    static Network network(String cidr) {
        String vpc = EC2.createVpc(r -> r.cidrBlock(cidr)).vpc().vpcId();
        String pub = EC2.createSubnet(r -> r.vpcId(vpc).cidrBlock(cidr.replace("0.0/16", "0.0/24")).availabilityZone("ap-northeast-1a")).subnet().subnetId();
        String priv = EC2.createSubnet(r -> r.vpcId(vpc).cidrBlock(cidr.replace("0.0/16", "2.0/24")).availabilityZone("ap-northeast-1a")).subnet().subnetId();
        EC2.modifySubnetAttribute(r -> r.subnetId(pub).mapPublicIpOnLaunch(v -> v.value(true)));
        String igw = EC2.createInternetGateway(r -> { }).internetGateway().internetGatewayId();
        EC2.attachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpc));
        String table = EC2.createRouteTable(r -> r.vpcId(vpc)).routeTable().routeTableId();
        EC2.createRoute(r -> r.routeTableId(table).destinationCidrBlock("0.0.0.0/0").gatewayId(igw));
        EC2.associateRouteTable(r -> r.routeTableId(table).subnetId(pub));
        String web = group(vpc, "web-sg");
        String db = group(vpc, "db-sg");
        String other = group(vpc, "other-sg");
        allow(web, 80, "0.0.0.0/0");
        EC2.authorizeSecurityGroupIngress(r -> r.groupId(db).ipPermissions(IpPermission.builder().ipProtocol("tcp").fromPort(3306).toPort(3306)
                .userIdGroupPairs(UserIdGroupPair.builder().groupId(web).build()).build()));
        return new Network(vpc, pub, priv, table, web, db, other);
    }

    private static String group(String vpc, String name) {
        return EC2.createSecurityGroup(r -> r.vpcId(vpc).groupName(name).description(name)).groupId();
    }

    private static void allow(String group, int port, String cidr) {
        EC2.authorizeSecurityGroupIngress(r -> r.groupId(group).ipPermissions(permission(port, cidr)));
    }

    private static IpPermission permission(int port, String cidr) {
        return IpPermission.builder().ipProtocol("tcp").fromPort(port).toPort(port).ipRanges(IpRange.builder().cidrIp(cidr).build()).build();
    }

    /** User data that serves {@code text} over HTTP on {@code port} with the host image's python3. */
    static String server(int port, String text) {
        return "#!/bin/bash\nmkdir -p /srv/www && echo \"" + text + "\" > /srv/www/index.html\n"
                + "cd /srv/www && nohup /usr/bin/python3 -m http.server " + port + " >/var/log/web.log 2>&1 &\necho serving\n";
    }

    static Instance run(String subnet, String group, String userData, Consumer<RunInstancesRequest.Builder> extra) {
        return run(userData, r -> {
            r.subnetId(subnet).securityGroupIds(group);
            extra.accept(r);
        });
    }

    static Instance run(String userData, Consumer<RunInstancesRequest.Builder> placement) {
        Instance i = EC2.runInstances(r -> {
            r.imageId(image).instanceType("t3.micro").minCount(1).maxCount(1)
                    .userData(Base64.getEncoder().encodeToString(userData.getBytes(StandardCharsets.UTF_8)));
            placement.accept(r);
        }).instances().getFirst();
        LAUNCHED.add(i.instanceId());
        EC2.waiter().waitUntilInstanceRunning(r -> r.instanceIds(i.instanceId()), FAST);
        return describe(i.instanceId());
    }

    static Instance describe(String id) {
        return EC2.describeInstances(r -> r.instanceIds(id)).reservations().getFirst().instances().getFirst();
    }

    static String console(String id) {
        String b64 = EC2.getConsoleOutput(r -> r.instanceId(id)).output();
        return b64 == null ? "" : new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8);
    }

    @Test
    void userDataServesTheSiteOnThePublicIpAndARevokedRuleClosesIt() {
        Instance web = run(net.publicSubnet(), net.webSg(), server(80, "hello from $(hostname)"), r -> { });
        assertThat(web.publicIpAddress()).startsWith("127.1");
        String page = await(() -> get(web.publicIpAddress(), 80, "/"), BOOT, "the site on " + web.publicIpAddress());
        assertThat(page).isEqualTo("200 hello from ip-" + web.privateIpAddress().replace('.', '-'));
        assertThat(console(web.instanceId())).contains("[kumo] running user data as root", "serving");

        EC2.revokeSecurityGroupIngress(r -> r.groupId(net.webSg()).ipPermissions(permission(80, "0.0.0.0/0")));
        try {
            await(() -> Sandboxes.closed(web.publicIpAddress(), 80),
                    CHANGE, "the site closed once the HTTP rule is revoked");
        } finally {
            allow(net.webSg(), 80, "0.0.0.0/0");
        }
        await(() -> get(web.publicIpAddress(), 80, "/"), CHANGE, "the site once the rule is back");
    }

    @Test
    void aRuleNamingAPrefixListFollowsTheListsEntries() {
        var list = EC2.createManagedPrefixList(r -> r.prefixListName("office").addressFamily("IPv4").maxEntries(5)
                .entries(e -> e.cidr("203.0.113.0/24"), e -> e.cidr("198.51.100.1/32"))).prefixList();
        String sg = group(net.vpcId(), "office-sg");
        EC2.authorizeSecurityGroupIngress(r -> r.groupId(sg).ipPermissions(IpPermission.builder().ipProtocol("tcp").fromPort(8081).toPort(8081)
                .prefixListIds(p -> p.prefixListId(list.prefixListId())).build()));
        Instance web = run(net.publicSubnet(), sg, server(8081, "office only"), r -> { });
        assertThat(await(() -> get(web.publicIpAddress(), 8081, "/"), BOOT, "the site through the prefix list")).isEqualTo("200 office only");

        EC2.modifyManagedPrefixList(r -> r.prefixListId(list.prefixListId()).currentVersion(list.version())
                .removeEntries(e -> e.cidr("198.51.100.1/32")));
        await(() -> Sandboxes.closed(web.publicIpAddress(), 8081),
                CHANGE, "the port closed once the host's entry left the list");
    }

    @Test
    void databasePortOpensOnlyToMembersOfTheWebGroup() {
        Instance db = run(net.privateSubnet(), net.dbSg(), server(3306, "db"), r -> { });
        Instance web = run(net.publicSubnet(), net.webSg(), "#!/bin/sh\ntrue\n", r -> { });
        Instance other = run(net.publicSubnet(), net.otherSg(), "#!/bin/sh\ntrue\n", r -> { });
        await(() -> connectsFrom(web.instanceId(), db.privateIpAddress(), 3306) ? java.util.Optional.of("up") : java.util.Optional.empty(),
                BOOT, "db:3306 from web");
        assertThat(connectsFrom(other.instanceId(), db.privateIpAddress(), 3306)).as("from outside web-sg").isFalse();
        assertThat(db.publicIpAddress()).isNull();

        EC2.modifyInstanceAttribute(r -> r.instanceId(other.instanceId()).groups(net.otherSg(), net.webSg()));
        await(() -> connectsFrom(other.instanceId(), db.privateIpAddress(), 3306) ? java.util.Optional.of("up") : java.util.Optional.empty(),
                CHANGE, "db:3306 once other joins web-sg");
    }

    @Test
    void aSubnetWithoutARouteToTheGatewayIsNotReachableFromTheHost() {
        Instance hidden = run(server(80, "hidden"),
                r -> r.networkInterfaces(InstanceNetworkInterfaceSpecification.builder()
                        .deviceIndex(0).subnetId(net.privateSubnet()).groups(net.webSg()).associatePublicIpAddress(true).build()));
        assertThat(hidden.publicIpAddress()).isNotNull();
        Sandboxes.sleep(1500);
        assertThat(get(hidden.publicIpAddress(), 80, "/")).as("no route to the internet gateway").isEmpty();

        String association = EC2.associateRouteTable(r -> r.routeTableId(net.publicTable()).subnetId(net.privateSubnet())).associationId();
        try {
            assertThat(await(() -> get(hidden.publicIpAddress(), 80, "/"), CHANGE, "the site once routed")).isEqualTo("200 hidden");
        } finally {
            EC2.disassociateRouteTable(r -> r.associationId(association));
        }
    }

    @Test
    void twoVpcsWithTheSameAddressesBothWork() {
        Network second = network("10.0.0.0/16");
        Instance a = run(net.publicSubnet(), net.webSg(), server(80, "first vpc"), r -> r.privateIpAddress("10.0.0.200"));
        Instance b = run(second.publicSubnet(), second.webSg(), server(80, "second vpc"), r -> r.privateIpAddress("10.0.0.200"));
        assertThat(await(() -> get(a.publicIpAddress(), 80, "/"), BOOT, "first")).isEqualTo("200 first vpc");
        assertThat(await(() -> get(b.publicIpAddress(), 80, "/"), BOOT, "second")).isEqualTo("200 second vpc");
    }

    @Test
    void metadataAnswersVersionOneAndTwoHonoursRequiredTokensAndTheResolverKnowsInstances() {
        String script = "#!/bin/bash\nM=http://169.254.169.254/latest\ncurl() { command curl --max-time 4 \"$@\"; }\n"
                + "echo \"v1=$(curl -s -o /dev/null -w '%{http_code}' $M/meta-data/instance-id) id=$(curl -s $M/meta-data/instance-id)\"\n"
                + "T=$(curl -s -X PUT $M/api/token -H 'X-aws-ec2-metadata-token-ttl-seconds: 60')\n"
                + "echo \"v2 ip=$(curl -s -H \"X-aws-ec2-metadata-token: $T\" $M/meta-data/local-ipv4)\"\n"
                + "echo \"az=$(curl -s -H \"X-aws-ec2-metadata-token: $T\" $M/meta-data/placement/availability-zone)\"\n";
        Instance open = run(net.publicSubnet(), net.webSg(), script, r -> { });
        String peer = "ip-" + open.privateIpAddress().replace('.', '-') + ".ap-northeast-1.compute.internal";
        Instance strict = run(net.publicSubnet(), net.webSg(), script
                        + "echo \"dns=$(getent hosts " + peer + " | cut -d' ' -f1) outside=$(getent hosts example.com || echo refused)\"\n",
                r -> r.metadataOptions(m -> m.httpTokens(HttpTokensState.REQUIRED)));
        String openConsole = await(() -> java.util.Optional.of(console(open.instanceId())).filter(c -> c.contains("az=")), BOOT,
                () -> "metadata output; console so far:\n" + console(open.instanceId()) + Sandboxes.networkReport(net.vpcId(), open.instanceId()));
        assertThat(openConsole).contains("v1=200 id=" + open.instanceId(), "v2 ip=" + open.privateIpAddress(), "az=ap-northeast-1a");
        String strictConsole = await(() -> java.util.Optional.of(console(strict.instanceId())).filter(c -> c.contains("dns=")), BOOT,
                () -> "metadata and DNS output; console so far:\n" + console(strict.instanceId())
                        + Sandboxes.networkReport(net.vpcId(), strict.instanceId()));
        assertThat(strictConsole).contains("v1=401", "v2 ip=" + strict.privateIpAddress());
        assertThat(strictConsole).as("the VPC resolver at base + 2").contains("dns=" + open.privateIpAddress() + " outside=refused");
    }

    @Test
    void stopKeepsTheDiskStartAndRebootBootEnabledServicesAndThePublicIpChangesUnlessElastic() {
        String userData = "#!/bin/bash\ncat > /etc/init.d/web <<'EOF'\n#!/bin/sh\ncase \"$1\" in\n"
                + "  start) mkdir -p /srv/www; echo \"boot $(cat /var/lib/boots 2>/dev/null)\" > /srv/www/index.html;"
                + " cd /srv/www && nohup /usr/bin/python3 -m http.server 80 >/dev/null 2>&1 & ;;\n"
                + "  stop) pkill -f 'http.server 80' ;;\n  status) pgrep -f 'http.server 80' >/dev/null ;;\nesac\nEOF\n"
                + "chmod +x /etc/init.d/web\necho first > /var/lib/boots\nsystemctl enable --now web\n";
        Instance web = run(net.publicSubnet(), net.webSg(), userData, r -> { });
        assertThat(await(() -> get(web.publicIpAddress(), 80, "/"), BOOT, "first boot")).isEqualTo("200 boot first");

        EC2.stopInstances(r -> r.instanceIds(web.instanceId()));
        EC2.waiter().waitUntilInstanceStopped(r -> r.instanceIds(web.instanceId()), FAST);
        assertThat(Sandboxes.hasNamespace(web.instanceId())).isFalse();
        EC2.startInstances(r -> r.instanceIds(web.instanceId()));
        EC2.waiter().waitUntilInstanceRunning(r -> r.instanceIds(web.instanceId()), FAST);
        Instance again = describe(web.instanceId());
        assertThat(again.publicIpAddress()).isNotNull().isNotEqualTo(web.publicIpAddress());
        assertThat(await(() -> get(again.publicIpAddress(), 80, "/"), BOOT, "second boot")).isEqualTo("200 boot first");
        assertThat(console(web.instanceId())).contains("starting enabled service web", "does not run again");

        String allocation = EC2.allocateAddress(r -> r.domain("vpc")).allocationId();
        EC2.associateAddress(r -> r.allocationId(allocation).instanceId(web.instanceId()));
        String elastic = describe(web.instanceId()).publicIpAddress();
        EC2.stopInstances(r -> r.instanceIds(web.instanceId()));
        EC2.waiter().waitUntilInstanceStopped(r -> r.instanceIds(web.instanceId()), FAST);
        EC2.startInstances(r -> r.instanceIds(web.instanceId()));
        EC2.waiter().waitUntilInstanceRunning(r -> r.instanceIds(web.instanceId()), FAST);
        assertThat(describe(web.instanceId()).publicIpAddress()).isEqualTo(elastic);
        assertThat(await(() -> get(elastic, 80, "/"), BOOT, "the Elastic IP")).isEqualTo("200 boot first");

        EC2.rebootInstances(r -> r.instanceIds(web.instanceId()));
        await(() -> java.util.Optional.of(console(web.instanceId())).filter(c -> c.split("starting enabled service web", -1).length == 4),
                BOOT, "the reboot");
        assertThat(console(web.instanceId())).contains("[kumo] rebooting");
        assertThat(describe(web.instanceId()).state().nameAsString()).isEqualTo("running");
        assertThat(await(() -> get(elastic, 80, "/"), BOOT, "the site after the reboot")).isEqualTo("200 boot first");
    }

    @Test
    void anImageOfAnInstanceCarriesItsFilesAndEnabledServices() {
        String userData = "#!/bin/bash\ncat > /etc/init.d/web <<'EOF'\n#!/bin/sh\ncase \"$1\" in\n"
                + "  start) cd /srv/site && nohup /usr/bin/python3 -m http.server 80 >/dev/null 2>&1 & ;;\n"
                + "  stop) pkill -f 'http.server 80' ;;\nesac\nEOF\n"
                + "chmod +x /etc/init.d/web\nmkdir -p /srv/site && echo baked > /srv/site/index.html\nsystemctl enable --now web\n";
        Instance source = run(net.publicSubnet(), net.webSg(), userData, r -> { });
        await(() -> get(source.publicIpAddress(), 80, "/"), BOOT, "the source's site");
        String imageId = EC2.createImage(r -> r.instanceId(source.instanceId()).name("baked-" + source.instanceId()).noReboot(true)).imageId();
        EC2.waiter().waitUntilImageAvailable(r -> r.imageIds(imageId), FAST);
        var image = EC2.describeImages(r -> r.imageIds(imageId)).images().getFirst();
        String snapshotId = image.blockDeviceMappings().getFirst().ebs().snapshotId();
        var snapshot = EC2.describeSnapshots(r -> r.snapshotIds(snapshotId)).snapshots().getFirst();
        assertThat(snapshot.volumeSize()).isPositive();
        assertThat(snapshot.description()).contains(source.instanceId(), imageId);

        Instance copy = run(net.publicSubnet(), net.webSg(), "#!/bin/sh\necho copy-user-data-ran\n", r -> r.imageId(imageId));
        assertThat(await(() -> get(copy.publicIpAddress(), 80, "/"), BOOT, "the copy's site")).isEqualTo("200 baked");
        String console = await(() -> java.util.Optional.of(console(copy.instanceId())).filter(c -> c.contains("copy-user-data-ran")), BOOT, "copy console");
        assertThat(console).contains("starting enabled service web").doesNotContain("does not run again");

        EC2.deregisterImage(r -> r.imageId(imageId));
        EC2.deleteSnapshot(r -> r.snapshotId(snapshotId));
        assertThat(EC2.describeImages(r -> r.owners("self")).images()).extracting(i -> i.imageId()).doesNotContain(imageId);
    }

    @Test
    void anImportedRootFilesystemBecomesAnImageWhoseInstancesRunOnIt() throws Exception {
        java.nio.file.Path tree = java.nio.file.Files.createTempDirectory("kumo-import");
        try {
            java.nio.file.Files.createDirectories(tree.resolve("srv/imported"));
            java.nio.file.Files.writeString(tree.resolve("srv/imported/index.html"), "from the imported tree\n");
            java.nio.file.Files.createDirectories(tree.resolve("etc"));
            java.nio.file.Files.writeString(tree.resolve("etc/motd"), "imported motd\n");
            String name = "imported-" + java.util.UUID.randomUUID();
            var out = new java.io.ByteArrayOutputStream();
            var err = new java.io.ByteArrayOutputStream();
            int code = new io.kumo.server.ImageCommand(new java.io.PrintStream(out, true), new java.io.PrintStream(err, true), java.util.Map.of())
                    .run(List.of("import", "--name", name, "--description", "a tree", "--endpoint", KUMO.endpoint().toString(), tree.toString()));
            assertThat(code).as(err.toString()).isZero();
            String imageId = out.toString().strip();
            var imported = EC2.describeImages(r -> r.imageIds(imageId)).images().getFirst();
            assertThat(imported.stateAsString()).isEqualTo("available");
            assertThat(imported.name()).isEqualTo(name);
            assertThat(imported.ownerId()).isEqualTo(EC2.describeImages(r -> r.owners("self")).images().getFirst().ownerId());
            String snapshotId = imported.blockDeviceMappings().getFirst().ebs().snapshotId();
            var snapshot = EC2.describeSnapshots(r -> r.snapshotIds(snapshotId)).snapshots().getFirst();
            assertThat(snapshot.stateAsString()).isEqualTo("completed");
            assertThat(snapshot.description()).contains("Imported by Kumo from " + tree, imageId);

            Instance i = run(net.publicSubnet(), net.webSg(),
                    "#!/bin/bash\ncat /etc/motd\ncd /srv/imported && nohup /usr/bin/python3 -m http.server 80 >/dev/null 2>&1 &\n",
                    r -> r.imageId(imageId));
            assertThat(await(() -> get(i.publicIpAddress(), 80, "/"), BOOT, "the imported site")).isEqualTo("200 from the imported tree");
            assertThat(await(() -> java.util.Optional.of(console(i.instanceId())).filter(c -> c.contains("imported motd")), BOOT, "console"))
                    .contains("image " + imageId);

            err.reset();
            int again = new io.kumo.server.ImageCommand(new java.io.PrintStream(out, true), new java.io.PrintStream(err, true), java.util.Map.of())
                    .run(List.of("import", "--name", name, "--endpoint", KUMO.endpoint().toString(), tree.toString()));
            assertThat(again).isEqualTo(1);
            assertThat(err.toString()).contains("InvalidAMIName.Duplicate", imageId);
            java.nio.file.Path layer = imageLayer(imageId).orElseThrow();
            assertThat(layer.resolve("layer/srv/imported/index.html")).hasContent("from the imported tree");
            EC2.deregisterImage(r -> r.imageId(imageId));
            EC2.deleteSnapshot(r -> r.snapshotId(snapshotId));
            assertThat(layer).as("an instance of the image may still boot").exists();
            EC2.terminateInstances(r -> r.instanceIds(i.instanceId()));
            EC2.waiter().waitUntilInstanceTerminated(r -> r.instanceIds(i.instanceId()), FAST);
            await(() -> java.nio.file.Files.exists(layer) ? java.util.Optional.empty() : java.util.Optional.of("gone"), BOOT,
                    "the unused layer " + layer + " deleted");
        } finally {
            io.kumo.fabric.host.Command.of("rm", "-rf", tree.toString()).exec();
        }
    }

    /** Where this (ephemeral) Kumo keeps the image's layer: under its temporary instances directory. */
    private static java.util.Optional<java.nio.file.Path> imageLayer(String imageId) throws java.io.IOException {
        try (var dirs = java.nio.file.Files.newDirectoryStream(java.nio.file.Path.of(System.getProperty("java.io.tmpdir")),
                "kumo-instances-*-images")) {
            for (java.nio.file.Path dir : dirs) {
                if (java.nio.file.Files.isDirectory(dir.resolve(imageId))) {
                    return java.util.Optional.of(dir.resolve(imageId));
                }
            }
        }
        return java.util.Optional.empty();
    }

    @Test
    void sshLogsInWithTheKeyPairWhereTheImageHasSshd() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isExecutable(java.nio.file.Path.of("/usr/sbin/sshd")),
                "the host's system (the default image) has no sshd");
        String keyName = "ssh-" + java.util.UUID.randomUUID();
        java.nio.file.Path key = java.nio.file.Files.createTempFile("kumo-key", ".pem");
        try {
            java.nio.file.Files.writeString(key, EC2.createKeyPair(r -> r.keyName(keyName)).keyMaterial());
            java.nio.file.Files.setPosixFilePermissions(key, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            String sshSg = group(net.vpcId(), "ssh-sg");
            allow(sshSg, 22, "198.51.100.1/32");
            Instance i = run(net.publicSubnet(), sshSg, "#!/bin/sh\ntrue\n", r -> r.keyName(keyName));
            String[] last = {""};
            String hostname;
            try {
                hostname = await(() -> {
                var r = io.kumo.fabric.host.Command.of("ssh", "-i", key.toString(), "-o", "StrictHostKeyChecking=no",
                        "-o", "UserKnownHostsFile=/dev/null", "-o", "BatchMode=yes", "-o", "ConnectTimeout=3",
                        "admin@" + i.publicIpAddress(), "hostname").timeout(Duration.ofSeconds(10)).exec();
                last[0] = r.stderr() + "\nconsole:\n" + console(i.instanceId());
                return r.exitCode() == 0 ? java.util.Optional.of(r.stdout().strip()) : java.util.Optional.empty();
                }, BOOT, "ssh admin@" + i.publicIpAddress());
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "; last attempt: " + last[0], e);
            }
            assertThat(hostname).isEqualTo("ip-" + i.privateIpAddress().replace('.', '-'));
        } finally {
            java.nio.file.Files.deleteIfExists(key);
        }
    }

    @AfterAll
    static void terminateAndCheckTheHostIsUntouched() {
        if (LAUNCHED.isEmpty()) {
            return;
        }
        EC2.terminateInstances(r -> r.instanceIds(LAUNCHED));
        EC2.waiter().waitUntilInstanceTerminated(r -> r.instanceIds(LAUNCHED), FAST);
        for (String id : LAUNCHED) {
            assertThat(Sandboxes.hasNamespace(id)).as("namespace of " + id).isFalse();
        }
        assertThat(Sandboxes.hostState()).as("the host's links, addresses, routes and firewall").isEqualTo(hostBefore);
    }
}
