package io.kumo.it.rds;

import io.kumo.it.KumoHarness;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.ApplyMethod;
import software.amazon.awssdk.services.rds.model.CreateDbInstanceRequest;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.Parameter;
import software.amazon.awssdk.services.rds.model.RdsException;
import software.amazon.awssdk.services.rds.model.SourceType;
import software.amazon.awssdk.services.rds.model.Tag;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The RDS API through the SDK: groups, engine versions, instances as they are before the runtime
 * makes them available, errors with AWS's codes and statuses, pages, events, tags, waiters.
 */
class RdsApiTest {
    private static final KumoHarness KUMO = KumoHarness.shared();
    private static final RdsClient RDS = KUMO.configure(RdsClient.builder(), KumoHarness.REGION).build();
    private static final Ec2Client EC2 = KUMO.ec2();
    private static Network net;

    record Network(String vpcId, String subnetA, String subnetC, String dbSg, String otherVpcSubnet, String otherSg) {
    }

    @BeforeAll
    static void network() {
        String vpc = EC2.createVpc(r -> r.cidrBlock("10.60.0.0/16")).vpc().vpcId();
        String a = subnet(vpc, "10.60.1.0/24", "ap-northeast-1a");
        String c = subnet(vpc, "10.60.2.0/24", "ap-northeast-1c");
        String sg = EC2.createSecurityGroup(r -> r.vpcId(vpc).groupName("db-sg").description("db")).groupId();
        String other = EC2.createVpc(r -> r.cidrBlock("10.61.0.0/16")).vpc().vpcId();
        String otherSubnet = subnet(other, "10.61.1.0/24", "ap-northeast-1c");
        String otherSg = EC2.createSecurityGroup(r -> r.vpcId(other).groupName("other-sg").description("other")).groupId();
        net = new Network(vpc, a, c, sg, otherSubnet, otherSg);
    }

    private static String subnet(String vpc, String cidr, String zone) {
        return EC2.createSubnet(r -> r.vpcId(vpc).cidrBlock(cidr).availabilityZone(zone)).subnet().subnetId();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The error's code, after checking its HTTP status. */
    private static String code(Runnable call, int status) {
        try {
            call.run();
            return "none";
        } catch (RdsException e) {
            assertThat(e.statusCode()).as(e.getMessage()).isEqualTo(status);
            return e.awsErrorDetails().errorCode();
        }
    }

    private static String subnetGroup() {
        String name = unique("db-subnets");
        RDS.createDBSubnetGroup(r -> r.dbSubnetGroupName(name).dbSubnetGroupDescription("db").subnetIds(net.subnetA(), net.subnetC()));
        return name;
    }

    private static DBInstance create(String id, String group, Consumer<CreateDbInstanceRequest.Builder> extra) {
        return RDS.createDBInstance(r -> {
            r.dbInstanceIdentifier(id).engine("mysql").engineVersion("8.0.42").dbInstanceClass("db.t3.micro").allocatedStorage(20)
                    .masterUsername("admin").masterUserPassword("Passw0rd123").dbName("wordpress").dbSubnetGroupName(group)
                    .vpcSecurityGroupIds(net.dbSg()).publiclyAccessible(false);
            extra.accept(r);
        }).dbInstance();
    }

    @Test
    void subnetGroupsCoverTwoZonesOfOneVpcAndCannotBeDeletedInUse() {
        assertThat(code(() -> RDS.createDBSubnetGroup(r -> r.dbSubnetGroupName(unique("one")).dbSubnetGroupDescription("d")
                .subnetIds(net.subnetA())), 400)).isEqualTo("DBSubnetGroupDoesNotCoverEnoughAZs");
        assertThat(code(() -> RDS.createDBSubnetGroup(r -> r.dbSubnetGroupName(unique("two-vpcs")).dbSubnetGroupDescription("d")
                .subnetIds(net.subnetA(), net.otherVpcSubnet())), 400)).isEqualTo("InvalidParameterValue");
        assertThat(code(() -> RDS.createDBSubnetGroup(r -> r.dbSubnetGroupName(unique("ghost")).dbSubnetGroupDescription("d")
                .subnetIds(net.subnetA(), "subnet-0123456789abcdef0")), 400)).isEqualTo("InvalidSubnet");
        String name = unique("My-Subnets");
        var group = RDS.createDBSubnetGroup(r -> r.dbSubnetGroupName(name).dbSubnetGroupDescription("db")
                .subnetIds(net.subnetA(), net.subnetC())).dbSubnetGroup();
        assertThat(group.dbSubnetGroupName()).isEqualTo(name.toLowerCase());
        assertThat(group.vpcId()).isEqualTo(net.vpcId());
        assertThat(group.subnetGroupStatus()).isEqualTo("Complete");
        assertThat(group.subnets()).extracting(s -> s.subnetAvailabilityZone().name()).containsExactly("ap-northeast-1a", "ap-northeast-1c");
        assertThat(group.dbSubnetGroupArn()).matches("arn:aws:rds:ap-northeast-1:\\d{12}:subgrp:" + name.toLowerCase());
        assertThat(code(() -> RDS.createDBSubnetGroup(r -> r.dbSubnetGroupName(name).dbSubnetGroupDescription("d")
                .subnetIds(net.subnetA(), net.subnetC())), 400)).isEqualTo("DBSubnetGroupAlreadyExists");
        assertThat(RDS.modifyDBSubnetGroup(r -> r.dbSubnetGroupName(name).dbSubnetGroupDescription("new")
                .subnetIds(net.subnetA(), net.subnetC())).dbSubnetGroup().dbSubnetGroupDescription()).isEqualTo("new");

        String id = unique("uses-group");
        create(id, name, r -> { });
        assertThat(code(() -> RDS.deleteDBSubnetGroup(r -> r.dbSubnetGroupName(name)), 400)).isEqualTo("InvalidDBSubnetGroupStateFault");
        assertThat(code(() -> RDS.describeDBSubnetGroups(r -> r.dbSubnetGroupName("no-such-group")), 404)).isEqualTo("DBSubnetGroupNotFoundFault");
        String unused = subnetGroup();
        RDS.deleteDBSubnetGroup(r -> r.dbSubnetGroupName(unused));
        assertThat(code(() -> RDS.describeDBSubnetGroups(r -> r.dbSubnetGroupName(unused)), 404)).isEqualTo("DBSubnetGroupNotFoundFault");
    }

    @Test
    void parameterGroupsModifyResetAndDescribeParameters() {
        String name = unique("wp-params");
        RDS.createDBParameterGroup(r -> r.dbParameterGroupName(name).dbParameterGroupFamily("mysql8.0").description("wp"));
        assertThat(code(() -> RDS.createDBParameterGroup(r -> r.dbParameterGroupName(name).dbParameterGroupFamily("mysql8.0")
                .description("wp")), 400)).isEqualTo("DBParameterGroupAlreadyExists");
        RDS.modifyDBParameterGroup(r -> r.dbParameterGroupName(name).parameters(
                Parameter.builder().parameterName("max_connections").parameterValue("200").applyMethod(ApplyMethod.IMMEDIATE).build(),
                Parameter.builder().parameterName("character_set_server").parameterValue("utf8mb4").applyMethod(ApplyMethod.IMMEDIATE).build(),
                Parameter.builder().parameterName("lower_case_table_names").parameterValue("1").applyMethod(ApplyMethod.PENDING_REBOOT).build()));
        assertThat(code(() -> RDS.modifyDBParameterGroup(r -> r.dbParameterGroupName(name).parameters(Parameter.builder()
                .parameterName("innodb_buffer_pool_size").parameterValue("134217728").applyMethod(ApplyMethod.IMMEDIATE).build())), 400))
                .isEqualTo("InvalidParameterCombination");
        assertThat(code(() -> RDS.modifyDBParameterGroup(r -> r.dbParameterGroupName("default.mysql8.0").parameters(Parameter.builder()
                .parameterName("max_connections").parameterValue("10").applyMethod(ApplyMethod.IMMEDIATE).build())), 400))
                .isEqualTo("InvalidParameterValue");

        var user = RDS.describeDBParameters(r -> r.dbParameterGroupName(name).source("user")).parameters();
        assertThat(user).extracting(Parameter::parameterName).containsExactly("character_set_server", "lower_case_table_names", "max_connections");
        Parameter lower = user.get(1);
        assertThat(lower.applyType()).isEqualTo("static");
        assertThat(lower.applyMethod()).isEqualTo(ApplyMethod.PENDING_REBOOT);
        assertThat(lower.isModifiable()).isTrue();

        // every page through the SDK's paginator: all parameters, each once
        var all = RDS.describeDBParametersPaginator(r -> r.dbParameterGroupName(name).maxRecords(20)).parameters().stream().toList();
        assertThat(all.size()).isGreaterThan(40);
        assertThat(all.stream().map(Parameter::parameterName).distinct().count()).isEqualTo(all.size());

        RDS.resetDBParameterGroup(r -> r.dbParameterGroupName(name).parameters(Parameter.builder().parameterName("max_connections")
                .applyMethod(ApplyMethod.IMMEDIATE).build()));
        assertThat(RDS.describeDBParameters(r -> r.dbParameterGroupName(name).source("user")).parameters()).hasSize(2);

        var defaults = RDS.describeEngineDefaultParameters(r -> r.dbParameterGroupFamily("postgres16").maxRecords(100)).engineDefaults();
        assertThat(defaults.parameters()).extracting(Parameter::parameterName).contains("shared_buffers", "work_mem", "timezone");
        assertThat(RDS.describeDBParameterGroups(r -> r.dbParameterGroupName("default.mariadb11.4")).dbParameterGroups().getFirst()
                .dbParameterGroupFamily()).isEqualTo("mariadb11.4");
        assertThat(code(() -> RDS.describeDBParameterGroups(r -> r.dbParameterGroupName("nope")), 404)).isEqualTo("DBParameterGroupNotFound");
        assertThat(code(() -> RDS.deleteDBParameterGroup(r -> r.dbParameterGroupName("default.mysql8.0")), 400))
                .isEqualTo("InvalidDBParameterGroupState");
        RDS.deleteDBParameterGroup(r -> r.dbParameterGroupName(name));
        assertThat(code(() -> RDS.deleteDBParameterGroup(r -> r.dbParameterGroupName(name)), 404)).isEqualTo("DBParameterGroupNotFound");
    }

    @Test
    void optionGroupsAndEngineVersions() {
        String name = unique("wp-options");
        var og = RDS.createOptionGroup(r -> r.optionGroupName(name).engineName("mysql").majorEngineVersion("8.0")
                .optionGroupDescription("wp")).optionGroup();
        assertThat(og.optionGroupArn()).endsWith(":og:" + name);
        assertThat(code(() -> RDS.createOptionGroup(r -> r.optionGroupName(name).engineName("mysql").majorEngineVersion("8.0")
                .optionGroupDescription("wp")), 400)).isEqualTo("OptionGroupAlreadyExistsFault");
        assertThat(RDS.describeOptionGroups(r -> r.engineName("mysql").majorEngineVersion("8.0")).optionGroupsList())
                .extracting(g -> g.optionGroupName()).contains("default:mysql-8-0", name);
        assertThat(code(() -> RDS.deleteOptionGroup(r -> r.optionGroupName("default:mysql-8-0")), 400)).isEqualTo("InvalidOptionGroupStateFault");
        RDS.deleteOptionGroup(r -> r.optionGroupName(name));
        assertThat(code(() -> RDS.describeOptionGroups(r -> r.optionGroupName(name)), 404)).isEqualTo("OptionGroupNotFoundFault");

        var versions = RDS.describeDBEngineVersions(r -> r.engine("mysql")).dbEngineVersions();
        assertThat(versions).extracting(v -> v.engineVersion()).contains("8.0.39", "8.0.40", "8.0.41", "8.0.42", "8.4.6");
        assertThat(versions.stream().filter(v -> v.engineVersion().equals("8.0.42")).findFirst().orElseThrow().dbParameterGroupFamily())
                .isEqualTo("mysql8.0");
        assertThat(RDS.describeDBEngineVersions(r -> r.engine("postgres").defaultOnly(true)).dbEngineVersions())
                .extracting(v -> v.engineVersion()).containsExactly("17.6");
        assertThat(RDS.describeOrderableDBInstanceOptions(r -> r.engine("mysql").engineVersion("8.0.42").dbInstanceClass("db.t3.micro"))
                .orderableDBInstanceOptions()).isNotEmpty().allSatisfy(o -> assertThat(o.multiAZCapable()).isTrue());
    }

    @Test
    void aNewInstanceIsCreatingWithTheFieldsRdsShowsThen() {
        String group = subnetGroup();
        String id = unique("WP-DB");
        DBInstance db = create(id, group, r -> r.tags(Tag.builder().key("env").value("test").build()));
        assertThat(db.dbInstanceIdentifier()).isEqualTo(id.toLowerCase());
        assertThat(db.dbInstanceStatus()).isEqualTo("creating");
        assertThat(db.engine()).isEqualTo("mysql");
        assertThat(db.engineVersion()).isEqualTo("8.0.42");
        assertThat(db.dbInstanceClass()).isEqualTo("db.t3.micro");
        assertThat(db.masterUsername()).isEqualTo("admin");
        assertThat(db.dbName()).isEqualTo("wordpress");
        assertThat(db.allocatedStorage()).isEqualTo(20);
        assertThat(db.storageType()).isEqualTo("gp2");
        assertThat(db.multiAZ()).isFalse();
        assertThat(db.publiclyAccessible()).isFalse();
        assertThat(db.backupRetentionPeriod()).isEqualTo(1);
        assertThat(db.vpcSecurityGroups()).extracting(g -> g.vpcSecurityGroupId() + "/" + g.status()).containsExactly(net.dbSg() + "/active");
        assertThat(db.dbParameterGroups()).extracting(p -> p.dbParameterGroupName() + "/" + p.parameterApplyStatus())
                .containsExactly("default.mysql8.0/in-sync");
        assertThat(db.optionGroupMemberships().getFirst().optionGroupName()).isEqualTo("default:mysql-8-0");
        assertThat(db.dbSubnetGroup().dbSubnetGroupName()).isEqualTo(group);
        assertThat(db.pendingModifiedValues().masterUserPassword()).isEqualTo("****");
        assertThat(db.dbiResourceId()).matches("db-[A-Z2-7]{26}");
        assertThat(db.dbInstanceArn()).matches("arn:aws:rds:ap-northeast-1:\\d{12}:db:" + id.toLowerCase());
        assertThat(db.licenseModel()).isEqualTo("general-public-license");
        assertThat(db.endpoint()).as("no endpoint until the runtime has one").isNull();
        assertThat(db.instanceCreateTime()).isNull();
        assertThat(db.tagList()).extracting(Tag::key).containsExactly("env");

        DBInstance described = RDS.describeDBInstances(r -> r.dbInstanceIdentifier(id)).dbInstances().getFirst();
        assertThat(described.dbInstanceStatus()).isEqualTo("creating");
        assertThat(described.dbiResourceId()).isEqualTo(db.dbiResourceId());
        assertThat(RDS.describeDBInstances(r -> r.filters(f -> f.name("db-instance-id").values(db.dbInstanceArn()))).dbInstances())
                .hasSize(1);
        assertThat(RDS.describeDBInstances(r -> r.filters(f -> f.name("engine").values("postgres"))).dbInstances())
                .noneMatch(i -> i.dbInstanceIdentifier().equals(db.dbInstanceIdentifier()));

        assertThat(RDS.describeEvents(r -> r.sourceType(SourceType.DB_INSTANCE).sourceIdentifier(db.dbInstanceIdentifier())).events())
                .extracting(e -> e.message() + "/" + e.eventCategories()).containsExactly("DB instance created/[creation]");
        RDS.addTagsToResource(r -> r.resourceName(db.dbInstanceArn()).tags(Tag.builder().key("team").value("web").build()));
        RDS.removeTagsFromResource(r -> r.resourceName(db.dbInstanceArn()).tagKeys("env"));
        assertThat(RDS.listTagsForResource(r -> r.resourceName(db.dbInstanceArn())).tagList()).extracting(Tag::key).containsExactly("team");

        assertThat(code(() -> create(id, group, r -> { }), 400)).isEqualTo("DBInstanceAlreadyExists");
        assertThat(code(() -> RDS.rebootDBInstance(r -> r.dbInstanceIdentifier(id)), 400)).isEqualTo("InvalidDBInstanceState");
        assertThat(code(() -> RDS.modifyDBInstance(r -> r.dbInstanceIdentifier(id).multiAZ(true)), 400)).isEqualTo("InvalidDBInstanceState");
        assertThat(code(() -> RDS.createDBSnapshot(r -> r.dbInstanceIdentifier(id).dbSnapshotIdentifier(unique("snap"))), 400))
                .isEqualTo("InvalidDBInstanceState");
        assertThat(code(() -> RDS.deleteDBInstance(r -> r.dbInstanceIdentifier(id)), 400)).isEqualTo("InvalidParameterCombination");
        assertThat(code(() -> RDS.deleteDBSnapshot(r -> r.dbSnapshotIdentifier("nope")), 404)).isEqualTo("DBSnapshotNotFound");
        assertThat(RDS.deleteDBInstance(r -> r.dbInstanceIdentifier(id).skipFinalSnapshot(true)).dbInstance().dbInstanceStatus())
                .isEqualTo("deleting");
    }

    @Test
    void badInputGetsRdsCodes() {
        String group = subnetGroup();
        assertThat(code(() -> create(unique("a"), group, r -> r.masterUserPassword("short")), 400)).isEqualTo("InvalidParameterValue");
        assertThat(code(() -> create(unique("a"), group, r -> r.engineVersion("8.0.1")), 400)).isEqualTo("InvalidParameterCombination");
        assertThat(code(() -> create(unique("a"), group, r -> r.engine("sqlserver-ee")), 400)).isEqualTo("InvalidParameterValue");
        assertThat(code(() -> create(unique("a"), group, r -> r.dbInstanceClass("db.z1.tiny")), 400)).isEqualTo("InvalidParameterCombination");
        assertThat(code(() -> create(unique("a"), group, r -> r.allocatedStorage(5)), 400)).isEqualTo("InvalidParameterValue");
        assertThat(code(() -> create(unique("a"), group, r -> r.masterUsername("rdsadmin")), 400)).isEqualTo("InvalidParameterValue");
        assertThat(code(() -> create("1-bad", group, r -> { }), 400)).isEqualTo("InvalidParameterValue");
        assertThat(code(() -> create(unique("a"), group, r -> r.multiAZ(true).availabilityZone("ap-northeast-1a")), 400))
                .isEqualTo("InvalidParameterCombination");
        assertThat(code(() -> create(unique("a"), group, r -> r.vpcSecurityGroupIds(net.otherSg())), 400))
                .isEqualTo("InvalidParameterCombination");
        assertThat(code(() -> create(unique("a"), group, r -> r.publiclyAccessible(true)), 400)).as("the VPC has no internet gateway")
                .isEqualTo("InvalidVPCNetworkStateFault");
        assertThat(code(() -> create(unique("a"), group, r -> r.backupRetentionPeriod(36)), 400)).isEqualTo("InvalidParameterValue");
        assertThat(code(() -> create(unique("a"), "no-such-group", r -> { }), 404)).isEqualTo("DBSubnetGroupNotFoundFault");
        assertThat(code(() -> create(unique("a"), group, r -> r.dbParameterGroupName("default.postgres16")), 400))
                .isEqualTo("InvalidParameterCombination");
        assertThat(code(() -> RDS.describeDBInstances(r -> r.maxRecords(5)), 400)).isEqualTo("InvalidParameterValue");
        assertThat(code(() -> RDS.describeDBInstances(r -> r.filters(f -> f.name("color").values("red"))), 400))
                .isEqualTo("InvalidParameterValue");
    }

    @Test
    void aPostgresInstanceTakesItsEnginesDefaults() {
        String group = subnetGroup();
        DBInstance db = RDS.createDBInstance(r -> r.dbInstanceIdentifier(unique("pg")).engine("postgres").engineVersion("16")
                .dbInstanceClass("db.t4g.micro").allocatedStorage(20).masterUsername("postgres").masterUserPassword("p".repeat(100))
                .dbSubnetGroupName(group)).dbInstance();
        assertThat(db.engineVersion()).isEqualTo("16.9");
        assertThat(db.dbParameterGroups().getFirst().dbParameterGroupName()).isEqualTo("default.postgres16");
        assertThat(db.licenseModel()).isEqualTo("postgresql-license");
        assertThat(db.vpcSecurityGroups()).as("the VPC's default group").hasSize(1);
        assertThat(db.dbName()).isNull();
    }

    @Test
    void theDeletedWaiterSucceedsOnDbInstanceNotFound() {
        assertThat(code(() -> RDS.describeDBInstances(r -> r.dbInstanceIdentifier("never-was")), 404)).isEqualTo("DBInstanceNotFound");
        var outcome = RDS.waiter().waitUntilDBInstanceDeleted(r -> r.dbInstanceIdentifier("never-was"),
                (Consumer<WaiterOverrideConfiguration.Builder>) w -> w.maxAttempts(2)
                        .backoffStrategy(FixedDelayBackoffStrategy.create(Duration.ofMillis(50))));
        assertThat(outcome.matched().exception()).isPresent();
    }
}
