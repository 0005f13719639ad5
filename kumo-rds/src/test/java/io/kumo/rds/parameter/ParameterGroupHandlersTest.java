package io.kumo.rds.parameter;

import io.kumo.rds.RdsFixture;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.rds.model.ApplyMethod;
import software.amazon.awssdk.services.rds.model.CreateDbParameterGroupRequest;
import software.amazon.awssdk.services.rds.model.DeleteDbParameterGroupRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbParametersRequest;
import software.amazon.awssdk.services.rds.model.DescribeEngineDefaultParametersRequest;
import software.amazon.awssdk.services.rds.model.ModifyDbParameterGroupRequest;
import software.amazon.awssdk.services.rds.model.Parameter;
import software.amazon.awssdk.services.rds.model.ResetDbParameterGroupRequest;

import java.util.stream.IntStream;

import static io.kumo.rds.RdsFixture.fails;
import static org.assertj.core.api.Assertions.assertThat;

class ParameterGroupHandlersTest {
    private final RdsFixture kumo = new RdsFixture();

    private void create(String name, String family) {
        new CreateDBParameterGroup().handle(kumo.ctx(), CreateDbParameterGroupRequest.builder().dbParameterGroupName(name)
                .dbParameterGroupFamily(family).description("d").build());
    }

    private void modify(String name, String parameter, String value, ApplyMethod method) {
        new ModifyDBParameterGroup().handle(kumo.ctx(), ModifyDbParameterGroupRequest.builder().dbParameterGroupName(name)
                .parameters(Parameter.builder().parameterName(parameter).parameterValue(value).applyMethod(method).build()).build());
    }

    @Test
    void modifyRecordsUserValuesWithTheirApplyTypeAndRevision() {
        create("WP-Params", "mysql8.0");
        modify("wp-params", "max_connections", "200", ApplyMethod.IMMEDIATE);
        modify("wp-params", "innodb_buffer_pool_size", "134217728", ApplyMethod.PENDING_REBOOT);
        DbParameterGroupRecord group = kumo.read(tx -> ParameterGroups.require(tx, "wp-params"));
        assertThat(group.revision()).isEqualTo(2);
        assertThat(group.values().get("innodb_buffer_pool_size")).isEqualTo(
                new DbParameterGroupRecord.UserValue("134217728", "pending-reboot", "static"));

        var user = new DescribeDBParameters().handle(kumo.ctx(), DescribeDbParametersRequest.builder().dbParameterGroupName("wp-params")
                .source("user").build()).parameters();
        assertThat(user).extracting(Parameter::parameterName).containsExactly("innodb_buffer_pool_size", "max_connections");
        assertThat(user).allSatisfy(p -> assertThat(p.source()).isEqualTo("user"));

        new ResetDBParameterGroup().handle(kumo.ctx(), ResetDbParameterGroupRequest.builder().dbParameterGroupName("wp-params")
                .resetAllParameters(true).build());
        assertThat(kumo.read(tx -> ParameterGroups.require(tx, "wp-params")).values()).isEmpty();
    }

    @Test
    void rdsRefusesWhatItRefuses() {
        create("wp", "postgres16");
        fails(() -> create("wp", "postgres16"), "DBParameterGroupAlreadyExists");
        fails(() -> create("other", "mysql5.7"), "InvalidParameterValue");
        fails(() -> modify("wp", "shared_buffers", "1024", ApplyMethod.IMMEDIATE), "InvalidParameterCombination");
        fails(() -> modify("wp", "no_such_parameter", "1", ApplyMethod.IMMEDIATE), "InvalidParameterValue");
        fails(() -> modify("wp", "data_directory", "/tmp", ApplyMethod.PENDING_REBOOT), "InvalidParameterValue");
        fails(() -> modify("wp", "log_statement", "everything", ApplyMethod.IMMEDIATE), "InvalidParameterValue");
        fails(() -> modify("default.postgres16", "work_mem", "8192", ApplyMethod.IMMEDIATE), "InvalidParameterValue");
        fails(() -> modify("nope", "work_mem", "8192", ApplyMethod.IMMEDIATE), "DBParameterGroupNotFound");
        fails(() -> new DeleteDBParameterGroup().handle(kumo.ctx(), DeleteDbParameterGroupRequest.builder()
                .dbParameterGroupName("default.postgres16").build()), "InvalidDBParameterGroupState");
        var tooMany = IntStream.range(0, 21).mapToObj(i -> Parameter.builder().parameterName("work_mem").parameterValue("64")
                .applyMethod(ApplyMethod.IMMEDIATE).build()).toList();
        fails(() -> new ModifyDBParameterGroup().handle(kumo.ctx(), ModifyDbParameterGroupRequest.builder().dbParameterGroupName("wp")
                .parameters(tooMany).build()), "InvalidParameterValue");
        assertThat(kumo.read(tx -> ParameterGroups.require(tx, "wp")).values()).as("nothing half-done").isEmpty();
    }

    @Test
    void engineDefaultsArePagedAndTheDefaultGroupsExist() {
        var first = new DescribeEngineDefaultParameters().handle(kumo.ctx(), DescribeEngineDefaultParametersRequest.builder()
                .dbParameterGroupFamily("mysql8.0").maxRecords(20).build()).engineDefaults();
        assertThat(first.parameters()).hasSize(20);
        assertThat(first.marker()).isNotNull();
        assertThat(first.dbParameterGroupFamily()).isEqualTo("mysql8.0");
        var all = new DescribeDBParameters().handle(kumo.ctx(), DescribeDbParametersRequest.builder()
                .dbParameterGroupName("default.mysql8.0").build()).parameters();
        assertThat(all).extracting(Parameter::source).containsOnly("engine-default", "system");
    }
}
