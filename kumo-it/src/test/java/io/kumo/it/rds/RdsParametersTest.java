package io.kumo.it.rds;

import io.kumo.fabric.host.Command;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.Parameter;

import java.time.Duration;
import java.util.List;

import static io.kumo.it.rds.DbSite.RDS;
import static io.kumo.it.rds.DbSite.await;
import static io.kumo.it.rds.DbSite.awaitAvailable;
import static io.kumo.it.rds.DbSite.describe;
import static io.kumo.it.rds.DbSite.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Parameter groups on running servers beyond the plain cases of {@link RdsServersTest}: a dynamic
 * value the group drops goes back to its default at once; a reboot with failover leaves both
 * servers of a Multi-AZ instance on the group's new static values; a server that cannot start
 * with the group's values shows incompatible-parameters until the group is fixed and the instance
 * rebooted.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RdsParametersTest {
    private static final String SOLO = "params-solo";
    private static final String PAIR = "params-pair";
    private static final String PG = "params-pg";
    private static final String MYSQL_GROUP = "params-mysql";
    private static final String PAIR_GROUP = "params-pair";
    private static final String PG_GROUP = "params-pg";
    private static final String PW = "params-pw1";
    private static DbSite site;
    private static String soloEndpoint;
    private static String pairEndpoint;

    @BeforeAll
    static void site() {
        DbSite.assumeServersCanRun();
        site = DbSite.make("10.74", "parameters");
        RDS.createDBParameterGroup(r -> r.dbParameterGroupName(MYSQL_GROUP).dbParameterGroupFamily("mysql8.0").description("solo"));
        RDS.createDBParameterGroup(r -> r.dbParameterGroupName(PAIR_GROUP).dbParameterGroupFamily("mysql8.0").description("pair"));
        RDS.createDBParameterGroup(r -> r.dbParameterGroupName(PG_GROUP).dbParameterGroupFamily("postgres17").description("pg"));
        for (String id : new String[]{SOLO, PAIR}) {
            site.track(id);
            RDS.createDBInstance(r -> r.dbInstanceIdentifier(id).engine("mysql").engineVersion("8.0").dbInstanceClass("db.t3.micro").allocatedStorage(20)
                    .masterUsername("admin").masterUserPassword(PW).dbName("app").dbSubnetGroupName(site.subnetGroup)
                    .dbParameterGroupName(id.equals(PAIR) ? PAIR_GROUP : MYSQL_GROUP)
                    .vpcSecurityGroupIds(site.dbSg).multiAZ(id.equals(PAIR)).backupRetentionPeriod(0));
        }
        site.track(PG);
        RDS.createDBInstance(r -> r.dbInstanceIdentifier(PG).engine("postgres").dbInstanceClass("db.t3.micro").allocatedStorage(20)
                .masterUsername("pgadmin").masterUserPassword(PW).dbName("shop").dbSubnetGroupName(site.subnetGroup)
                .dbParameterGroupName(PG_GROUP).vpcSecurityGroupIds(site.dbSg).backupRetentionPeriod(0));
        soloEndpoint = awaitAvailable(SOLO).endpoint().address();
        pairEndpoint = awaitAvailable(PAIR).endpoint().address();
        awaitAvailable(PG);
        site.awaitWeb();
    }

    @AfterAll
    static void cleanUp() {
        if (site != null) {
            site.cleanUp();
            for (String group : List.of(MYSQL_GROUP, PAIR_GROUP, PG_GROUP)) {
                RDS.deleteDBParameterGroup(r -> r.dbParameterGroupName(group));
            }
        }
    }

    @Test
    @Order(1)
    void aDynamicValueTheGroupDropsIsBackToItsDefaultAtOnce() {
        RDS.modifyDBParameterGroup(r -> r.dbParameterGroupName(MYSQL_GROUP).parameters(
                Parameter.builder().parameterName("max_connections").parameterValue("77").applyMethod("immediate").build()));
        await("max_connections 77", Duration.ofSeconds(20), () -> site.mysql(soloEndpoint, PW, "SELECT @@max_connections").equals("0:77"));
        RDS.resetDBParameterGroup(r -> r.dbParameterGroupName(MYSQL_GROUP).parameters(
                Parameter.builder().parameterName("max_connections").applyMethod("immediate").build()));
        await("max_connections back to Kumo's default", Duration.ofSeconds(20),
                () -> site.mysql(soloEndpoint, PW, "SELECT @@max_connections").equals("0:100"));
        await("in-sync", Duration.ofSeconds(10), () -> applyStatus(SOLO).equals("in-sync"));
    }

    @Test
    @Order(2)
    void aRebootWithFailoverLeavesBothServersOnTheNewStaticValues() {
        RDS.modifyDBParameterGroup(r -> r.dbParameterGroupName(PAIR_GROUP).parameters(
                Parameter.builder().parameterName("innodb_log_file_size").parameterValue("33554432").applyMethod("pending-reboot").build()));
        await("pending-reboot", Duration.ofSeconds(20), () -> applyStatus(PAIR).equals("pending-reboot"));
        DBInstance before = describe(PAIR);
        RDS.rebootDBInstance(r -> r.dbInstanceIdentifier(PAIR).forceFailover(true));
        DBInstance after = awaitAvailable(PAIR);
        assertThat(after.availabilityZone()).as("failed over").isEqualTo(before.secondaryAvailabilityZone());
        assertThat(applyStatus(PAIR)).isEqualTo("in-sync");
        assertThat(site.mysql(pairEndpoint, PW, "SELECT @@innodb_log_file_size")).as("the promoted standby").isEqualTo("0:33554432");
        RDS.rebootDBInstance(r -> r.dbInstanceIdentifier(PAIR).forceFailover(true));
        awaitAvailable(PAIR);
        assertThat(site.mysql(pairEndpoint, PW, "SELECT @@innodb_log_file_size")).as("the old primary, promoted back").isEqualTo("0:33554432");
    }

    @Test
    @Order(3)
    void aServerThatCannotStartWithTheGroupsValuesIsIncompatibleUntilTheGroupIsFixed() {
        // 100,000,000 pages of 8 kB: more shared memory than the machine has, so postgres refuses to start
        RDS.modifyDBParameterGroup(r -> r.dbParameterGroupName(PG_GROUP).parameters(
                Parameter.builder().parameterName("shared_buffers").parameterValue("100000000").applyMethod("pending-reboot").build()));
        await("pending-reboot", Duration.ofSeconds(20), () -> applyStatus(PG).equals("pending-reboot"));
        RDS.rebootDBInstance(r -> r.dbInstanceIdentifier(PG));
        await("incompatible-parameters", Duration.ofSeconds(120), () -> describe(PG).dbInstanceStatus().equals("incompatible-parameters"));
        assertThat(events(PG)).anyMatch(m -> m.contains("incompatible-parameters"));

        RDS.resetDBParameterGroup(r -> r.dbParameterGroupName(PG_GROUP).resetAllParameters(true));
        RDS.rebootDBInstance(r -> r.dbInstanceIdentifier(PG));
        DBInstance back = awaitAvailable(PG);
        assertThat(back.dbInstanceStatus()).isEqualTo("available");
        assumeTrue(Command.of("which", "psql").exec().exitCode() == 0, "no psql on this machine (apt-get install postgresql-client)");
        String psql = "PGPASSWORD='" + PW + "' PGCONNECT_TIMEOUT=3 psql -h " + back.endpoint().address() + " -U pgadmin -d shop -At -c ";
        assertThat(site.web.run(psql + "'SHOW shared_buffers' 2>&1").output().strip()).isEqualTo("16MB");
    }

    private static String applyStatus(String id) {
        return describe(id).dbParameterGroups().getFirst().parameterApplyStatus();
    }
}
