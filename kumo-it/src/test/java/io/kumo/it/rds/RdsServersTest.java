package io.kumo.it.rds;

import io.kumo.fabric.host.Command;
import io.kumo.fabric.host.Isolation;
import io.kumo.it.KumoHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.Parameter;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * SCENARIO section 3 on real servers: a MySQL DB instance in two private subnets behind db-sg
 * (3306 from web-sg only), the seeds' session with the mysql client from inside a web instance,
 * refusals from outside web-sg and from the host, a password change, a static parameter pending
 * a reboot, public accessibility from the host; and a Multi-AZ instance failing over while a
 * client writes, losing no acknowledged write.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RdsServersTest {
    private static final KumoHarness KUMO = KumoHarness.shared();
    private static final RdsClient RDS = KUMO.configure(RdsClient.builder(), KumoHarness.REGION).build();
    private static final Ec2Client EC2 = KUMO.ec2();
    private static final Consumer<WaiterOverrideConfiguration.Builder> FAST = w -> w
            .backoffStrategy(FixedDelayBackoffStrategy.create(Duration.ofMillis(200))).maxAttempts(600);
    private static final String DB = "database-1";
    private static final String MULTI = "database-2";
    private static String password = "wordpress-pw1";
    private static final List<String> INSTANCES = new ArrayList<>();
    private static String vpc;
    private static String dbSg;
    private static InsideInstance web;
    private static InsideInstance outsider;
    private static String endpoint;
    private static String multiEndpoint;
    private static long createMillis;

    @BeforeAll
    static void site() {
        Isolation isolation = Isolation.probe();
        assumeTrue(isolation.available(), "sandboxes cannot run here: " + isolation.reason());
        assumeTrue(Command.of("which", "mysql").exec().exitCode() == 0, "no mysql client on this machine (apt-get install mariadb-client)");
        vpc = EC2.createVpc(r -> r.cidrBlock("10.70.0.0/16")).vpc().vpcId();
        String igw = EC2.createInternetGateway(r -> { }).internetGateway().internetGatewayId();
        EC2.attachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpc));
        String a = subnet("10.70.1.0/24", "ap-northeast-1a");
        String c = subnet("10.70.2.0/24", "ap-northeast-1c");
        String webSg = EC2.createSecurityGroup(r -> r.vpcId(vpc).groupName("web-sg").description("web")).groupId();
        String otherSg = EC2.createSecurityGroup(r -> r.vpcId(vpc).groupName("other-sg").description("other")).groupId();
        dbSg = EC2.createSecurityGroup(r -> r.vpcId(vpc).groupName("db-sg").description("db")).groupId();
        EC2.authorizeSecurityGroupIngress(r -> r.groupId(dbSg).ipPermissions(IpPermission.builder().ipProtocol("tcp").fromPort(3306).toPort(3306)
                .userIdGroupPairs(UserIdGroupPair.builder().groupId(webSg).build()).build()));
        String image = EC2.describeImages(r -> r.owners("amazon").filters(f -> f.name("name").values("debian-12-amd64-*")))
                .images().getFirst().imageId();
        web = launch(image, a, webSg);
        outsider = launch(image, c, otherSg);

        RDS.createDBSubnetGroup(r -> r.dbSubnetGroupName("db-subnet").dbSubnetGroupDescription("private").subnetIds(a, c));
        RDS.createDBParameterGroup(r -> r.dbParameterGroupName("wp-params").dbParameterGroupFamily("mysql8.0").description("wp"));
        long start = System.nanoTime();
        RDS.createDBInstance(r -> r.dbInstanceIdentifier(DB).engine("mysql").engineVersion("8.0").dbInstanceClass("db.t3.micro")
                .allocatedStorage(20).masterUsername("admin").masterUserPassword(password).dbName("wordpress")
                .dbSubnetGroupName("db-subnet").vpcSecurityGroupIds(dbSg).dbParameterGroupName("wp-params").publiclyAccessible(true)
                .backupRetentionPeriod(1));
        RDS.createDBInstance(r -> r.dbInstanceIdentifier(MULTI).engine("mysql").dbInstanceClass("db.t3.micro").allocatedStorage(20)
                .masterUsername("admin").masterUserPassword("multi-az-pw1").dbName("app").dbSubnetGroupName("db-subnet")
                .vpcSecurityGroupIds(dbSg).multiAZ(true).backupRetentionPeriod(0));
        DBInstance db = RDS.waiter().waitUntilDBInstanceAvailable(r -> r.dbInstanceIdentifier(DB), FAST).matched().response().orElseThrow()
                .dbInstances().getFirst();
        createMillis = (System.nanoTime() - start) / 1_000_000;
        endpoint = db.endpoint().address();
        DBInstance multi = RDS.waiter().waitUntilDBInstanceAvailable(r -> r.dbInstanceIdentifier(MULTI), FAST).matched().response()
                .orElseThrow().dbInstances().getFirst();
        multiEndpoint = multi.endpoint().address();
        System.out.printf("RDS: create -> available %d ms (single-AZ, with the first start of the engine's binaries possibly included)%n", createMillis);
        web.awaitReady(Duration.ofSeconds(60));
        outsider.awaitReady(Duration.ofSeconds(60));
    }

    private static String subnet(String cidr, String zone) {
        return EC2.createSubnet(r -> r.vpcId(vpc).cidrBlock(cidr).availabilityZone(zone)).subnet().subnetId();
    }

    private static InsideInstance launch(String image, String subnet, String group) {
        var i = EC2.runInstances(r -> r.imageId(image).instanceType("t3.micro").minCount(1).maxCount(1).subnetId(subnet).securityGroupIds(group)
                .userData(Base64.getEncoder().encodeToString(InsideInstance.USER_DATA.getBytes(StandardCharsets.UTF_8)))).instances().getFirst();
        INSTANCES.add(i.instanceId());
        EC2.waiter().waitUntilInstanceRunning(r -> r.instanceIds(i.instanceId()), FAST);
        return new InsideInstance(i.instanceId(), i.privateIpAddress());
    }

    @AfterAll
    static void cleanUp() {
        if (vpc == null) {
            return;
        }
        for (String id : List.of(DB, MULTI)) {
            try {
                RDS.deleteDBInstance(r -> r.dbInstanceIdentifier(id).skipFinalSnapshot(true));
            } catch (RuntimeException e) {
                // already gone
            }
        }
        for (String id : List.of(DB, MULTI)) {
            RDS.waiter().waitUntilDBInstanceDeleted(r -> r.dbInstanceIdentifier(id), FAST);
        }
        RDS.deleteDBSubnetGroup(r -> r.dbSubnetGroupName("db-subnet"));
        RDS.deleteDBParameterGroup(r -> r.dbParameterGroupName("wp-params"));
        if (!INSTANCES.isEmpty()) {
            EC2.terminateInstances(r -> r.instanceIds(INSTANCES));
        }
    }

    private static String mysql(InsideInstance from, String host, String pw, String sql) {
        return DbSite.mysql(from, host, pw, sql);
    }

    @Test
    @Order(1)
    void theSeedsSessionWorksFromTheWebServer() {
        DBInstance db = describe(DB);
        assertThat(endpoint).matches("database-1\\.[a-z0-9]{12}\\.ap-northeast-1\\.rds\\.amazonaws\\.com");
        assertThat(db.endpoint().port()).isEqualTo(3306);
        assertThat(db.instanceCreateTime()).isNotNull();
        assertThat(db.availabilityZone()).isIn("ap-northeast-1a", "ap-northeast-1c");
        String resolved = web.run("getent ahostsv4 " + endpoint + " | head -1").output();
        assertThat(resolved).as("the endpoint resolves inside the VPC").startsWith("10.70.");
        assertThat(mysql(web, endpoint, password, "SELECT 1")).isEqualTo("0:1");
        String session = mysql(web, endpoint, password,
                "CREATE DATABASE wordpress_db DEFAULT CHARACTER SET utf8 COLLATE utf8_general_ci; "
                        + "CREATE USER 'wordpress_user'@'%' IDENTIFIED BY 'wp-user-pw1'; "
                        + "GRANT ALL ON wordpress_db.* TO 'wordpress_user'@'%'; FLUSH PRIVILEGES; "
                        + "SELECT user, host FROM mysql.user ORDER BY user");
        assertThat(session).startsWith("0:").contains("admin\t%").contains("wordpress_user\t%");
        InsideInstance.Result asUser = web.run("mysql --connect-timeout=3 -h " + endpoint
                + " -u wordpress_user -p'wp-user-pw1' wordpress_db -N -B -e 'CREATE TABLE t (id INT); SHOW TABLES' 2>&1");
        assertThat(asUser.output().strip()).isEqualTo("t");
        assertThat(mysql(web, endpoint, password, "SHOW DATABASES")).contains("wordpress\n").contains("wordpress_db");
    }

    @Test
    @Order(2)
    void theSecurityGroupsKeepOthersOut() {
        String fromOutsider = mysql(outsider, endpoint, password, "SELECT 1");
        assertThat(fromOutsider).as("an instance outside web-sg").doesNotStartWith("0:").contains("2002");
        String ip = web.run("getent ahostsv4 " + endpoint + " | head -1 | cut -d' ' -f1").output().strip();
        Command.Result fromHost = Command.of("mysql", "--connect-timeout=2", "-h", ip, "-u", "admin", "-p" + password, "-e", "SELECT 1")
                .timeout(Duration.ofSeconds(10)).exec();
        assertThat(fromHost.exitCode()).as("the host, at the private address").isNotZero();
        int port = hostPort(DB);
        Command.Result publicButClosed = Command.of("mysql", "--connect-timeout=2", "-h", "127.0.0.1", "-P", String.valueOf(port), "-u", "admin",
                "-p" + password, "-e", "SELECT 1").timeout(Duration.ofSeconds(10)).exec();
        assertThat(publicButClosed.exitCode()).as("the host's way in, while db-sg admits only web-sg").isNotZero();
    }

    @Test
    @Order(3)
    void publiclyAccessibleAnswersTheHostOnceTheGroupAdmitsIt() {
        EC2.authorizeSecurityGroupIngress(r -> r.groupId(dbSg).ipProtocol("tcp").fromPort(3306).toPort(3306).cidrIp("198.51.100.1/32"));
        int port = hostPort(DB);
        String out = null;
        for (int i = 0; i < 30; i++) {
            Command.Result r = Command.of("mysql", "--connect-timeout=2", "-h", "127.0.0.1", "-P", String.valueOf(port), "-u", "admin",
                    "-p" + password, "-N", "-B", "-e", "SELECT @@version").timeout(Duration.ofSeconds(10)).exec();
            if (r.exitCode() == 0) {
                out = r.stdout().strip();
                break;
            }
            sleep(300);
        }
        assertThat(out).as("mysql from the host at 127.0.0.1:" + port).startsWith("11.4.5-MariaDB");
        EC2.revokeSecurityGroupIngress(r -> r.groupId(dbSg).ipProtocol("tcp").fromPort(3306).toPort(3306).cidrIp("198.51.100.1/32"));
    }

    @Test
    @Order(4)
    void aNewMasterPasswordWorksAndTheOldOneNoLonger() {
        String old = password;
        password = "changed-pw-22";
        RDS.modifyDBInstance(r -> r.dbInstanceIdentifier(DB).masterUserPassword(password).applyImmediately(true));
        RDS.waiter().waitUntilDBInstanceAvailable(r -> r.dbInstanceIdentifier(DB), FAST);
        assertThat(describe(DB).pendingModifiedValues().masterUserPassword()).isNull();
        assertThat(mysql(web, endpoint, password, "SELECT 1")).isEqualTo("0:1");
        assertThat(mysql(web, endpoint, old, "SELECT 1")).contains("1045");
    }

    @Test
    @Order(5)
    void parametersApplyDynamicallyOrAfterAReboot() {
        RDS.modifyDBParameterGroup(r -> r.dbParameterGroupName("wp-params").parameters(
                Parameter.builder().parameterName("max_connections").parameterValue("123").applyMethod("immediate").build(),
                Parameter.builder().parameterName("innodb_log_file_size").parameterValue("33554432").applyMethod("pending-reboot").build()));
        String status = awaitApplyStatus("pending-reboot");
        assertThat(status).isEqualTo("pending-reboot");
        assertThat(mysql(web, endpoint, password, "SELECT @@max_connections")).isEqualTo("0:123");
        assertThat(mysql(web, endpoint, password, "SELECT @@innodb_log_file_size")).isNotEqualTo("0:33554432");
        RDS.rebootDBInstance(r -> r.dbInstanceIdentifier(DB));
        RDS.waiter().waitUntilDBInstanceAvailable(r -> r.dbInstanceIdentifier(DB), FAST);
        assertThat(describe(DB).dbParameterGroups().getFirst().parameterApplyStatus()).isEqualTo("in-sync");
        assertThat(mysql(web, endpoint, password, "SELECT @@innodb_log_file_size, @@max_connections")).isEqualTo("0:33554432\t123");
        assertThat(mysql(web, endpoint, password, "SELECT COUNT(*) FROM mysql.user WHERE user = 'wordpress_user'")).isEqualTo("0:1");
    }

    @Test
    @Order(6)
    void aForcedFailoverLosesNoAcknowledgedWrite() {
        DBInstance before = describe(MULTI);
        assertThat(before.multiAZ()).isTrue();
        assertThat(before.secondaryAvailabilityZone()).isNotNull().isNotEqualTo(before.availabilityZone());
        String ipBefore = web.run("getent ahostsv4 " + multiEndpoint + " | head -1 | cut -d' ' -f1").output().strip();
        assertThat(mysql(web, multiEndpoint, "multi-az-pw1", "CREATE TABLE app.w (id INT PRIMARY KEY)")).startsWith("0:");
        DbSite.startWriter(web, multiEndpoint, "multi-az-pw1", "app.w", 25, "/tmp/writes.log");
        sleep(4000);
        RDS.rebootDBInstance(r -> r.dbInstanceIdentifier(MULTI).forceFailover(true));
        RDS.waiter().waitUntilDBInstanceAvailable(r -> r.dbInstanceIdentifier(MULTI), FAST);
        DBInstance after = describe(MULTI);
        assertThat(after.availabilityZone()).isEqualTo(before.secondaryAvailabilityZone());
        assertThat(after.secondaryAvailabilityZone()).isEqualTo(before.availabilityZone());
        String ipAfter = web.run("getent ahostsv4 " + multiEndpoint + " | head -1 | cut -d' ' -f1").output().strip();
        assertThat(ipAfter).as("the endpoint follows the new primary").isNotEqualTo(ipBefore);
        DbSite.Writes writes = DbSite.awaitWriter(web, "/tmp/writes.log", Duration.ofSeconds(60));
        Set<Integer> acked = writes.acknowledged();
        Set<Integer> lost = new HashSet<>(acked);
        lost.removeAll(DbSite.storedIds(web, multiEndpoint, "multi-az-pw1", "app.w"));
        System.out.printf("RDS failover: %d acknowledged writes, %d lost, downtime %d ms%n", acked.size(), lost.size(),
                writes.downtimeMillis());
        assertThat(acked.size()).isGreaterThan(20);
        assertThat(lost).as("acknowledged writes missing after the failover").isEmpty();
        var events = RDS.describeEvents(r -> r.sourceIdentifier(MULTI).sourceType("db-instance")).events().stream()
                .map(e -> e.message()).toList();
        assertThat(events).contains("Multi-AZ instance failover started", "Multi-AZ instance failover completed");
    }

    private static String awaitApplyStatus(String wanted) {
        String status = null;
        for (int i = 0; i < 100; i++) {
            status = describe(DB).dbParameterGroups().getFirst().parameterApplyStatus();
            if (status.equals(wanted)) {
                break;
            }
            sleep(200);
        }
        return status;
    }

    private static DBInstance describe(String id) {
        return RDS.describeDBInstances(r -> r.dbInstanceIdentifier(id)).dbInstances().getFirst();
    }

    private static int hostPort(String id) {
        for (int i = 0; i < 50; i++) {
            String body = command("rds/host-endpoints");
            Matcher m = Pattern.compile("/" + id + "\"\\s*:\\s*\"127\\.0\\.0\\.1:(\\d+)\"").matcher(body);
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            sleep(200);
        }
        throw new AssertionError("no host endpoint for " + id + ": " + command("rds/host-endpoints"));
    }

    private static String command(String name) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(KUMO.endpoint() + "/_kumo/commands/" + name))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
