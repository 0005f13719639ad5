package io.kumo.it.rds;

import io.kumo.fabric.host.Command;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DbSnapshotNotFoundException;

import java.time.Duration;

import static io.kumo.it.rds.DbSite.FAST;
import static io.kumo.it.rds.DbSite.RDS;
import static io.kumo.it.rds.DbSite.awaitAvailable;
import static io.kumo.it.rds.DbSite.describe;
import static io.kumo.it.rds.DbSite.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Data that outlives its server: a manual snapshot restored into a new instance holds the rows
 * written before it (and not those after); DeleteDBInstance's final snapshot holds the data of
 * the deleted instance; Stop and Start keep the data; and a postgres instance answers psql from
 * the web instance through its endpoint.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RdsSnapshotsTest {
    private static final String SOURCE = "source-1";
    private static final String RESTORED = "restored-1";
    private static final String FROM_FINAL = "from-final-1";
    private static final String PG = "pg-1";
    private static final String PW = "snapshots-pw1";
    private static DbSite site;
    private static String sourceEndpoint;

    @BeforeAll
    static void site() {
        DbSite.assumeServersCanRun();
        site = DbSite.make("10.72", "snapshots");
        site.track(SOURCE);
        site.track(PG);
        RDS.createDBInstance(r -> r.dbInstanceIdentifier(SOURCE).engine("mysql").dbInstanceClass("db.t3.micro").allocatedStorage(20)
                .masterUsername("admin").masterUserPassword(PW).dbName("app").dbSubnetGroupName(site.subnetGroup)
                .vpcSecurityGroupIds(site.dbSg).backupRetentionPeriod(0));
        RDS.createDBInstance(r -> r.dbInstanceIdentifier(PG).engine("postgres").engineVersion("16").dbInstanceClass("db.t3.micro")
                .allocatedStorage(20).masterUsername("pgadmin").masterUserPassword(PW).dbName("shop").dbSubnetGroupName(site.subnetGroup)
                .vpcSecurityGroupIds(site.dbSg).backupRetentionPeriod(0));
        sourceEndpoint = awaitAvailable(SOURCE).endpoint().address();
        site.awaitWeb();
    }

    @AfterAll
    static void cleanUp() {
        if (site == null) {
            return;
        }
        site.cleanUp();
        for (String snapshot : new String[]{"before-more", "source-final", "restored-final"}) {
            try {
                RDS.deleteDBSnapshot(r -> r.dbSnapshotIdentifier(snapshot));
            } catch (DbSnapshotNotFoundException e) {
                // not made
            }
        }
    }

    @Test
    @Order(1)
    void aRestoredSnapshotHoldsTheDataOfItsMoment() {
        assertThat(site.mysql(sourceEndpoint, PW, "CREATE TABLE app.t (id INT PRIMARY KEY); INSERT INTO app.t VALUES (1), (2), (3)"))
                .startsWith("0:");
        RDS.createDBSnapshot(r -> r.dbInstanceIdentifier(SOURCE).dbSnapshotIdentifier("before-more"));
        RDS.waiter().waitUntilDBSnapshotAvailable(r -> r.dbSnapshotIdentifier("before-more"), FAST);
        awaitAvailable(SOURCE);
        assertThat(site.mysql(sourceEndpoint, PW, "INSERT INTO app.t VALUES (4)")).startsWith("0:");

        site.track(RESTORED);
        RDS.restoreDBInstanceFromDBSnapshot(r -> r.dbInstanceIdentifier(RESTORED).dbSnapshotIdentifier("before-more")
                .dbSubnetGroupName(site.subnetGroup).vpcSecurityGroupIds(site.dbSg));
        DBInstance restored = awaitAvailable(RESTORED);
        String endpoint = restored.endpoint().address();
        assertThat(endpoint).startsWith(RESTORED + ".");
        assertThat(site.mysql(endpoint, PW, "SELECT GROUP_CONCAT(id ORDER BY id) FROM app.t")).isEqualTo("0:1,2,3");
        assertThat(site.mysql(sourceEndpoint, PW, "SELECT COUNT(*) FROM app.t")).as("the source keeps its own data").isEqualTo("0:4");
        assertThat(site.mysql(endpoint, PW, "INSERT INTO app.t VALUES (10); SELECT COUNT(*) FROM app.t")).isEqualTo("0:4");
    }

    @Test
    @Order(2)
    void stopAndStartKeepTheData() {
        RDS.stopDBInstance(r -> r.dbInstanceIdentifier(RESTORED));
        DbSite.await("stopped", Duration.ofSeconds(60), () -> describe(RESTORED).dbInstanceStatus().equals("stopped"));
        String endpoint = describe(RESTORED).endpoint().address();
        assertThat(site.mysql(endpoint, PW, "SELECT 1")).as("a stopped instance does not answer").doesNotStartWith("0:");
        RDS.startDBInstance(r -> r.dbInstanceIdentifier(RESTORED));
        awaitAvailable(RESTORED);
        assertThat(site.mysql(endpoint, PW, "SELECT GROUP_CONCAT(id ORDER BY id) FROM app.t")).isEqualTo("0:1,2,3,10");
        assertThat(events(RESTORED)).contains("DB instance stopped", "DB instance started");
    }

    @Test
    @Order(3)
    void aFinalSnapshotKeepsTheDeletedInstancesData() {
        RDS.deleteDBInstance(r -> r.dbInstanceIdentifier(RESTORED).finalDBSnapshotIdentifier("restored-final"));
        RDS.waiter().waitUntilDBInstanceDeleted(r -> r.dbInstanceIdentifier(RESTORED), FAST);
        var snapshot = RDS.describeDBSnapshots(r -> r.dbSnapshotIdentifier("restored-final")).dbSnapshots().getFirst();
        assertThat(snapshot.status()).isEqualTo("available");
        assertThat(snapshot.dbInstanceIdentifier()).isEqualTo(RESTORED);

        site.track(FROM_FINAL);
        RDS.restoreDBInstanceFromDBSnapshot(r -> r.dbInstanceIdentifier(FROM_FINAL).dbSnapshotIdentifier("restored-final")
                .dbSubnetGroupName(site.subnetGroup).vpcSecurityGroupIds(site.dbSg));
        String endpoint = awaitAvailable(FROM_FINAL).endpoint().address();
        assertThat(site.mysql(endpoint, PW, "SELECT GROUP_CONCAT(id ORDER BY id) FROM app.t")).isEqualTo("0:1,2,3,10");
    }

    @Test
    @Order(4)
    void aPostgresInstanceAnswersPsqlThroughItsEndpoint() {
        assumeTrue(Command.of("which", "psql").exec().exitCode() == 0, "no psql on this machine (apt-get install postgresql-client)");
        DBInstance pg = awaitAvailable(PG);
        assertThat(pg.endpoint().port()).isEqualTo(5432);
        String psql = "PGPASSWORD='" + PW + "' PGCONNECT_TIMEOUT=3 psql -h " + pg.endpoint().address() + " -U pgadmin -d shop -At -c ";
        InsideInstance.Result version = site.web.run(psql + "'SELECT version()' 2>&1");
        assertThat(version.output()).startsWith("PostgreSQL 17");
        InsideInstance.Result session = site.web.run(psql + "'CREATE TABLE items (id int PRIMARY KEY, name text); "
                + "INSERT INTO items VALUES (1, $$pen$$); SELECT name FROM items' 2>&1");
        assertThat(session.output().strip()).endsWith("pen");
        InsideInstance.Result wrong = site.web.run("PGPASSWORD=wrong-pw-1 PGCONNECT_TIMEOUT=3 psql -h " + pg.endpoint().address()
                + " -U pgadmin -d shop -At -c 'SELECT 1' 2>&1");
        assertThat(wrong.exit()).isNotZero();
        assertThat(wrong.output()).contains("password authentication failed");
    }
}
