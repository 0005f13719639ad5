package io.kumo.it.rds;

import io.kumo.fabric.host.Command;
import io.kumo.fabric.host.Isolation;
import io.kumo.fabric.netns.NetworkNamespace;
import io.kumo.it.KumoHarness;
import software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * One test class's site on the shared Kumo: a VPC with private subnets in two zones, web-sg,
 * db-sg admitting MySQL's and PostgreSQL's ports from web-sg only, a web instance that runs the
 * clients (see {@link InsideInstance}), and a DB subnet group. Knows how to find a DB server's
 * processes, to kill them as a crash would, and removes everything it made.
 */
final class DbSite {
    static final KumoHarness KUMO = KumoHarness.shared();
    static final RdsClient RDS = KUMO.configure(RdsClient.builder(), KumoHarness.REGION).build();
    static final Ec2Client EC2 = KUMO.ec2();
    static final Consumer<WaiterOverrideConfiguration.Builder> FAST = w -> w
            .backoffStrategy(FixedDelayBackoffStrategy.create(Duration.ofMillis(200))).maxAttempts(600);

    final String vpc;
    final String dbSg;
    final String subnetGroup;
    final InsideInstance web;
    private final String webInstanceId;
    private final List<String> dbInstances = new ArrayList<>();

    private DbSite(String vpc, String dbSg, String subnetGroup, InsideInstance web, String webInstanceId) {
        this.vpc = vpc;
        this.dbSg = dbSg;
        this.subnetGroup = subnetGroup;
        this.web = web;
        this.webInstanceId = webInstanceId;
    }

    /** Skips the class where sandboxes or the mysql client are missing. */
    static void assumeServersCanRun() {
        Isolation isolation = Isolation.probe();
        assumeTrue(isolation.available(), "sandboxes cannot run here: " + isolation.reason());
        assumeTrue(Command.of("which", "mysql").exec().exitCode() == 0, "no mysql client on this machine (apt-get install mariadb-client)");
    }

    /** The network and the web instance, in a VPC of {@code cidr16} (such as "10.71"), so classes never share addresses. */
    static DbSite make(String cidr16, String name) {
        String vpc = EC2.createVpc(r -> r.cidrBlock(cidr16 + ".0.0/16")).vpc().vpcId();
        String a = EC2.createSubnet(r -> r.vpcId(vpc).cidrBlock(cidr16 + ".1.0/24").availabilityZone("ap-northeast-1a")).subnet().subnetId();
        String c = EC2.createSubnet(r -> r.vpcId(vpc).cidrBlock(cidr16 + ".2.0/24").availabilityZone("ap-northeast-1c")).subnet().subnetId();
        String webSg = EC2.createSecurityGroup(r -> r.vpcId(vpc).groupName("web-sg").description("web")).groupId();
        String dbSg = EC2.createSecurityGroup(r -> r.vpcId(vpc).groupName("db-sg").description("db")).groupId();
        for (int port : new int[]{3306, 5432}) {
            EC2.authorizeSecurityGroupIngress(r -> r.groupId(dbSg).ipPermissions(IpPermission.builder().ipProtocol("tcp").fromPort(port)
                    .toPort(port).userIdGroupPairs(UserIdGroupPair.builder().groupId(webSg).build()).build()));
        }
        String image = EC2.describeImages(r -> r.owners("amazon").filters(f -> f.name("name").values("debian-12-amd64-*")))
                .images().getFirst().imageId();
        var i = EC2.runInstances(r -> r.imageId(image).instanceType("t3.micro").minCount(1).maxCount(1).subnetId(a).securityGroupIds(webSg)
                .userData(Base64.getEncoder().encodeToString(InsideInstance.USER_DATA.getBytes(StandardCharsets.UTF_8)))).instances().getFirst();
        String group = name + "-subnets";
        RDS.createDBSubnetGroup(r -> r.dbSubnetGroupName(group).dbSubnetGroupDescription("private").subnetIds(a, c));
        return new DbSite(vpc, dbSg, group, new InsideInstance(i.instanceId(), i.privateIpAddress()), i.instanceId());
    }

    /** Remembers a DB instance so {@link #cleanUp} deletes it. */
    void track(String dbInstance) {
        dbInstances.add(dbInstance);
    }

    void awaitWeb() {
        EC2.waiter().waitUntilInstanceRunning(r -> r.instanceIds(webInstanceId), FAST);
        web.awaitReady(Duration.ofSeconds(60));
    }

    void cleanUp() {
        for (String id : dbInstances) {
            try {
                RDS.deleteDBInstance(r -> r.dbInstanceIdentifier(id).skipFinalSnapshot(true));
            } catch (RuntimeException e) {
                // never created, or already gone
            }
        }
        for (String id : dbInstances) {
            RDS.waiter().waitUntilDBInstanceDeleted(r -> r.dbInstanceIdentifier(id), FAST);
        }
        RDS.deleteDBSubnetGroup(r -> r.dbSubnetGroupName(subnetGroup));
        EC2.terminateInstances(r -> r.instanceIds(webInstanceId));
    }

    static DBInstance describe(String id) {
        return RDS.describeDBInstances(r -> r.dbInstanceIdentifier(id)).dbInstances().getFirst();
    }

    static DBInstance awaitAvailable(String id) {
        return RDS.waiter().waitUntilDBInstanceAvailable(r -> r.dbInstanceIdentifier(id), FAST).matched().response().orElseThrow()
                .dbInstances().getFirst();
    }

    static List<String> events(String id) {
        return RDS.describeEvents(r -> r.sourceIdentifier(id).sourceType("db-instance")).events().stream().map(e -> e.message()).toList();
    }

    /** "EXIT:OUTPUT" of the mysql client run in the web instance. */
    String mysql(String host, String password, String sql) {
        return mysql(web, host, password, sql);
    }

    /** "EXIT:OUTPUT" of the mysql client, as admin, run in {@code from}. */
    static String mysql(InsideInstance from, String host, String password, String sql) {
        InsideInstance.Result r = from.run("mysql --connect-timeout=3 -h " + host + " -u admin -p'" + password + "' -N -B -e \"" + sql + "\" 2>&1");
        return r.exit() + ":" + r.output().strip();
    }

    /** The address the endpoint name resolves to inside the VPC, as the web instance sees it. */
    String resolve(String endpoint) {
        return web.run("getent ahostsv4 " + endpoint + " | head -1 | cut -d' ' -f1").output().strip();
    }

    /**
     * Kills (SIGKILL) the database server answering at {@code ip}, as a crash would: every mysqld,
     * mariadbd or postgres process in the network namespace of the DB's interface with that
     * address. Only processes this test's Kumo started live there. Returns how many it killed.
     */
    int killServerAt(String ip) {
        NetworkInterface eni = EC2.describeNetworkInterfaces(r -> r.filters(f -> f.name("vpc-id").values(vpc))).networkInterfaces().stream()
                .filter(n -> ip.equals(n.privateIpAddress())).findFirst().orElseThrow(() -> new AssertionError("no interface has " + ip));
        NetworkNamespace ns = NetworkNamespace.all().stream().filter(n -> n.name().startsWith("kumo-") && n.name().endsWith("-" + eni.networkInterfaceId()))
                .findFirst().orElseThrow(() -> new AssertionError("no namespace for " + eni.networkInterfaceId()));
        int killed = 0;
        for (long pid : ns.pids()) {
            if (Set.of("mysqld", "mariadbd", "postgres").contains(comm(pid))) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                killed++;
            }
        }
        return killed;
    }

    private static String comm(long pid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "comm")).strip();
        } catch (java.io.IOException e) {
            return "";
        }
    }

    /**
     * Starts a client in the web instance writing ids 1, 2, … for {@code seconds}, logging "ok|fail ID MILLIS" to {@code log}.
     * Each write is a new connection with a 3 s connect timeout: on a loaded 2-core CI machine a 1 s timeout failed
     * writes the server would have taken (name lookup, TCP and the TLS handshake the MariaDB client insists on).
     */
    void startWriter(String endpoint, String password, String table, int seconds, String log) {
        startWriter(web, endpoint, password, table, seconds, log);
    }

    static void startWriter(InsideInstance web, String endpoint, String password, String table, int seconds, String log) {
        web.run("(i=0; end=$((SECONDS+" + seconds + ")); while [ $SECONDS -lt $end ]; do i=$((i+1)); "
                + "if err=$(mysql --connect-timeout=3 -h " + endpoint + " -u admin -p'" + password + "' -e \"INSERT INTO " + table + " VALUES ($i)\" 2>&1); "
                + "then echo \"ok $i $(date +%s%3N)\"; else echo \"fail $i $(date +%s%3N) $(echo $err | tr '\\n' ' ')\"; sleep 0.05; fi; done; echo done) > "
                + log + " 2>&1 &");
    }

    /** What the writer saw: acknowledged ids and the downtime from the first failed write to the next acknowledged one. */
    record Writes(Set<Integer> acknowledged, long downtimeMillis, int failures, List<String> failed) {
    }

    Writes awaitWriter(String log, Duration limit) {
        return awaitWriter(web, log, limit);
    }

    static Writes awaitWriter(InsideInstance web, String log, Duration limit) {
        long end = System.nanoTime() + limit.toNanos();
        String text;
        do {
            sleep(500);
            text = web.run("cat " + log).output();
        } while (!text.contains("done") && System.nanoTime() < end);
        assertThat(text).as("the writer finished").contains("done");
        Set<Integer> acked = new HashSet<>();
        long firstFail = -1;
        long recovered = -1;
        int failures = 0;
        List<String> failed = new ArrayList<>();
        for (String line : text.split("\n")) {
            String[] f = line.split(" ");
            if (f.length < 3) {
                continue;
            }
            if (f[0].equals("ok")) {
                acked.add(Integer.parseInt(f[1]));
                if (firstFail >= 0 && recovered < 0) {
                    recovered = Long.parseLong(f[2]);
                }
            } else {
                failures++;
                failed.add(line);
                if (firstFail < 0) {
                    firstFail = Long.parseLong(f[2]);
                }
            }
        }
        return new Writes(acked, firstFail < 0 ? 0 : recovered - firstFail, failures, failed);
    }

    /** The ids stored in {@code table}, read through the endpoint. */
    Set<Integer> storedIds(String endpoint, String password, String table) {
        return storedIds(web, endpoint, password, table);
    }

    static Set<Integer> storedIds(InsideInstance web, String endpoint, String password, String table) {
        String rows = mysql(web, endpoint, password, "SELECT id FROM " + table);
        assertThat(rows).startsWith("0:");
        Set<Integer> stored = new HashSet<>();
        for (String id : rows.substring(2).strip().split("\n")) {
            if (!id.isBlank()) {
                stored.add(Integer.parseInt(id.strip()));
            }
        }
        return stored;
    }

    static void await(String what, Duration limit, BooleanSupplier condition) {
        long end = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("still waiting for " + what).isLessThan(end);
            sleep(250);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
