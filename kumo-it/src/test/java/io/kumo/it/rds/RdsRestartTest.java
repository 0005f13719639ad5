package io.kumo.it.rds;

import io.kumo.fabric.host.Command;
import io.kumo.fabric.host.Isolation;
import io.kumo.it.KumoHarness;
import io.kumo.server.Kumo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.rds.RdsClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A Kumo stopped and started again over its data directory: the DB instance's server stops with
 * it, starts again with the next Kumo, and the rows written before are there. Reached from the
 * host (publicly accessible), so no EC2 instance has to survive the restart too.
 */
class RdsRestartTest {
    private static final String DB = "kept-1";
    private static final String PW = "restart-pw1";
    // not DbSite's: touching that class would start the shared Kumo too
    private static final Consumer<WaiterOverrideConfiguration.Builder> FAST = w -> w
            .backoffStrategy(FixedDelayBackoffStrategy.create(Duration.ofMillis(200))).maxAttempts(600);

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void rowsWrittenBeforeARestartAreThereAfterIt() throws Exception {
        Isolation isolation = Isolation.probe();
        assumeTrue(isolation.available(), "sandboxes cannot run here: " + isolation.reason());
        assumeTrue(Command.of("which", "mysql").exec().exitCode() == 0, "no mysql client on this machine");
        // servers run as nobody: the data directory's parents must let it through, or Kumo falls back to /var/tmp (left behind)
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
        Path data = dir.resolve("data");
        try (Kumo first = KumoHarness.startDedicated(false, data, false)) {
            RdsClient rds = rds(first);
            Ec2Client ec2 = ec2(first);
            String vpc = ec2.createVpc(r -> r.cidrBlock("10.73.0.0/16")).vpc().vpcId();
            String igw = ec2.createInternetGateway(r -> { }).internetGateway().internetGatewayId();
            ec2.attachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpc));
            String a = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.73.1.0/24").availabilityZone("ap-northeast-1a")).subnet().subnetId();
            String c = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.73.2.0/24").availabilityZone("ap-northeast-1c")).subnet().subnetId();
            String sg = ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName("db-sg").description("db")).groupId();
            ec2.authorizeSecurityGroupIngress(r -> r.groupId(sg).ipProtocol("tcp").fromPort(3306).toPort(3306).cidrIp("198.51.100.1/32"));
            rds.createDBSubnetGroup(r -> r.dbSubnetGroupName("kept").dbSubnetGroupDescription("kept").subnetIds(a, c));
            rds.createDBInstance(r -> r.dbInstanceIdentifier(DB).engine("mariadb").dbInstanceClass("db.t3.micro").allocatedStorage(20)
                    .masterUsername("admin").masterUserPassword(PW).dbName("app").dbSubnetGroupName("kept").vpcSecurityGroupIds(sg)
                    .publiclyAccessible(true).backupRetentionPeriod(0));
            rds.waiter().waitUntilDBInstanceAvailable(r -> r.dbInstanceIdentifier(DB), FAST);
            assertThat(mysqlFromHost(first, "CREATE TABLE app.t (id INT PRIMARY KEY); INSERT INTO app.t VALUES (7), (8)")).startsWith("0:");
        }
        try (Kumo second = KumoHarness.startDedicated(false, data, false)) {
            RdsClient rds = rds(second);
            assertThat(rds.describeDBInstances(r -> r.dbInstanceIdentifier(DB)).dbInstances().getFirst().dbInstanceStatus()).isEqualTo("available");
            String rows = "";
            for (int i = 0; i < 120 && !rows.startsWith("0:"); i++) {
                rows = mysqlFromHost(second, "SELECT GROUP_CONCAT(id ORDER BY id) FROM app.t");
                if (!rows.startsWith("0:")) {
                    Thread.sleep(500);
                }
            }
            assertThat(rows).as("the rows after the restart").isEqualTo("0:7,8");
            rds.deleteDBInstance(r -> r.dbInstanceIdentifier(DB).skipFinalSnapshot(true));
            rds.waiter().waitUntilDBInstanceDeleted(r -> r.dbInstanceIdentifier(DB), FAST);
        }
    }

    private static RdsClient rds(Kumo kumo) {
        return RdsClient.builder().endpointOverride(URI.create(kumo.endpoint())).region(KumoHarness.REGION)
                .credentialsProvider(KumoHarness.credentials()).build();
    }

    private static Ec2Client ec2(Kumo kumo) {
        return Ec2Client.builder().endpointOverride(URI.create(kumo.endpoint())).region(KumoHarness.REGION)
                .credentialsProvider(KumoHarness.credentials()).build();
    }

    /** "EXIT:OUTPUT" of the host's mysql client at the port this Kumo opened on 127.0.0.1 for the instance. */
    private static String mysqlFromHost(Kumo kumo, String sql) throws Exception {
        int port = -1;
        for (int i = 0; i < 100 && port < 0; i++) {
            String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(kumo.endpoint() + "/_kumo/commands/rds/host-endpoints"))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = Pattern.compile("/" + DB + "\"\\s*:\\s*\"127\\.0\\.0\\.1:(\\d+)\"").matcher(body);
            if (m.find()) {
                port = Integer.parseInt(m.group(1));
            } else {
                Thread.sleep(200);
            }
        }
        assertThat(port).as("a host port for " + DB).isPositive();
        Command.Result r = Command.of("mysql", "--connect-timeout=2", "-h", "127.0.0.1", "-P", Integer.toString(port), "-u", "admin", "-p" + PW,
                "-N", "-B", "-e", sql).timeout(Duration.ofSeconds(20)).exec();
        for (int i = 0; i < 20 && r.exitCode() != 0; i++) {
            // the firewall and the host's way in settle a moment after "available"
            Thread.sleep(500);
            r = Command.of("mysql", "--connect-timeout=2", "-h", "127.0.0.1", "-P", Integer.toString(port), "-u", "admin", "-p" + PW,
                    "-N", "-B", "-e", sql).timeout(Duration.ofSeconds(20)).exec();
        }
        String out = r.exitCode() == 0 ? r.stdout().strip() : r.stderr().strip();
        return r.exitCode() + ":" + out;
    }
}
