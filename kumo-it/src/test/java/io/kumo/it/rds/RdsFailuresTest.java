package io.kumo.it.rds;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.rds.model.DBInstance;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import static io.kumo.it.rds.DbSite.RDS;
import static io.kumo.it.rds.DbSite.await;
import static io.kumo.it.rds.DbSite.awaitAvailable;
import static io.kumo.it.rds.DbSite.describe;
import static io.kumo.it.rds.DbSite.events;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database server's death and Multi-AZ changes on running instances: a single-AZ primary killed
 * with SIGKILL is restarted with its data; a Multi-AZ primary killed while a client writes fails
 * over to the standby without losing an acknowledged write, and the endpoint follows; Multi-AZ
 * turned on for a serving single-AZ instance builds a standby, and turned off removes it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RdsFailuresTest {
    private static final String SOLO = "solo-1";
    private static final String PAIR = "pair-1";
    private static final String PW = "failures-pw1";
    private static DbSite site;
    private static String soloEndpoint;
    private static String pairEndpoint;

    @BeforeAll
    static void site() {
        DbSite.assumeServersCanRun();
        site = DbSite.make("10.71", "failures");
        for (String id : new String[]{SOLO, PAIR}) {
            site.track(id);
            RDS.createDBInstance(r -> r.dbInstanceIdentifier(id).engine("mysql").dbInstanceClass("db.t3.micro").allocatedStorage(20)
                    .masterUsername("admin").masterUserPassword(PW).dbName("app").dbSubnetGroupName(site.subnetGroup)
                    .vpcSecurityGroupIds(site.dbSg).multiAZ(id.equals(PAIR)).backupRetentionPeriod(0));
        }
        soloEndpoint = awaitAvailable(SOLO).endpoint().address();
        pairEndpoint = awaitAvailable(PAIR).endpoint().address();
        site.awaitWeb();
    }

    @AfterAll
    static void cleanUp() {
        if (site != null) {
            site.cleanUp();
        }
    }

    @Test
    @Order(1)
    void aSingleAzPrimaryThatDiesIsRestartedWithItsData() {
        assertThat(site.mysql(soloEndpoint, PW, "CREATE TABLE app.kept (id INT PRIMARY KEY); INSERT INTO app.kept VALUES (1), (2)"))
                .startsWith("0:");
        assertThat(site.killServerAt(site.resolve(soloEndpoint))).as("server processes killed").isPositive();
        await("the restart event", Duration.ofSeconds(60), () -> events(SOLO).contains("DB instance restarted"));
        await("the server answering again", Duration.ofSeconds(30), () -> site.mysql(soloEndpoint, PW, "SELECT 1").equals("0:1"));
        assertThat(site.mysql(soloEndpoint, PW, "SELECT COUNT(*) FROM app.kept")).isEqualTo("0:2");
        assertThat(describe(SOLO).dbInstanceStatus()).isEqualTo("available");
    }

    @Test
    @Order(2)
    void aMultiAzPrimaryThatDiesFailsOverWithoutLosingAnAcknowledgedWrite() {
        DBInstance before = describe(PAIR);
        String ipBefore = site.resolve(pairEndpoint);
        assertThat(site.mysql(pairEndpoint, PW, "CREATE TABLE app.w (id INT PRIMARY KEY)")).startsWith("0:");
        site.startWriter(pairEndpoint, PW, "app.w", 20, "/tmp/crash-writes.log");
        DbSite.sleep(3000);
        assertThat(site.killServerAt(ipBefore)).as("primary's processes killed").isPositive();
        await("the failover", Duration.ofSeconds(60), () -> before.secondaryAvailabilityZone().equals(describe(PAIR).availabilityZone()));
        DbSite.Writes writes = site.awaitWriter("/tmp/crash-writes.log", Duration.ofSeconds(60));
        assertThat(site.resolve(pairEndpoint)).as("the endpoint follows the new primary").isNotEqualTo(ipBefore);
        Set<Integer> lost = new HashSet<>(writes.acknowledged());
        lost.removeAll(site.storedIds(pairEndpoint, PW, "app.w"));
        System.out.printf("RDS primary killed: %d acknowledged writes, %d lost, downtime %d ms%n", writes.acknowledged().size(), lost.size(),
                writes.downtimeMillis());
        assertThat(writes.acknowledged().size()).isGreaterThan(20);
        assertThat(lost).as("acknowledged writes missing after the failover").isEmpty();
        assertThat(events(PAIR)).contains("Multi-AZ instance failover started", "Multi-AZ instance failover completed");
        DBInstance after = awaitAvailable(PAIR);
        assertThat(after.secondaryAvailabilityZone()).as("the old primary's zone now holds the standby").isEqualTo(before.availabilityZone());
        // the old primary's node is a standby again: a forced failover back must work and keep the data
        RDS.rebootDBInstance(r -> r.dbInstanceIdentifier(PAIR).forceFailover(true));
        awaitAvailable(PAIR);
        assertThat(describe(PAIR).availabilityZone()).isEqualTo(before.availabilityZone());
        assertThat(site.storedIds(pairEndpoint, PW, "app.w")).containsAll(writes.acknowledged());
    }

    @Test
    @Order(3)
    void multiAzCanBeTurnedOnForAServingInstanceAndOffAgain() {
        assertThat(describe(SOLO).secondaryAvailabilityZone()).isNull();
        assertThat(site.mysql(soloEndpoint, PW, "CREATE TABLE app.m (id INT PRIMARY KEY)")).startsWith("0:");
        site.startWriter(soloEndpoint, PW, "app.m", 10, "/tmp/modify-writes.log");
        RDS.modifyDBInstance(r -> r.dbInstanceIdentifier(SOLO).multiAZ(true).applyImmediately(true));
        DbSite.Writes writes = site.awaitWriter("/tmp/modify-writes.log", Duration.ofSeconds(40));
        DBInstance on = awaitAvailable(SOLO);
        assertThat(on.multiAZ()).isTrue();
        assertThat(on.secondaryAvailabilityZone()).isNotNull().isNotEqualTo(on.availabilityZone());
        assertThat(writes.failures()).as("the primary kept serving while the standby was built; failed writes: %s", writes.failed()).isZero();
        // the new standby is real: a forced failover promotes it, with every write
        String zone = on.availabilityZone();
        RDS.rebootDBInstance(r -> r.dbInstanceIdentifier(SOLO).forceFailover(true));
        DBInstance failedOver = awaitAvailable(SOLO);
        assertThat(failedOver.availabilityZone()).isEqualTo(on.secondaryAvailabilityZone()).isNotEqualTo(zone);
        assertThat(site.storedIds(soloEndpoint, PW, "app.m")).containsAll(writes.acknowledged());
        assertThat(site.mysql(soloEndpoint, PW, "SELECT COUNT(*) FROM app.kept")).isEqualTo("0:2");

        RDS.modifyDBInstance(r -> r.dbInstanceIdentifier(SOLO).multiAZ(false).applyImmediately(true));
        DBInstance off = awaitAvailable(SOLO);
        assertThat(off.multiAZ()).isFalse();
        assertThat(off.secondaryAvailabilityZone()).isNull();
        assertThat(site.mysql(soloEndpoint, PW, "INSERT INTO app.m VALUES (100000); SELECT COUNT(*) FROM app.kept")).isEqualTo("0:2");
    }
}
