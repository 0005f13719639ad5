package io.kumo.rds.parameter;

import io.kumo.core.AwsException;
import io.kumo.rds.engine.EngineVersions;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParameterCatalogueTest {
    private static final List<String> MYSQL_LIKE = List.of("max_connections", "character_set_server", "collation_server",
            "character_set_client", "character_set_database", "time_zone", "sql_mode", "slow_query_log", "long_query_time", "general_log",
            "max_allowed_packet", "wait_timeout", "interactive_timeout", "innodb_buffer_pool_size", "innodb_flush_log_at_trx_commit",
            "lower_case_table_names", "event_scheduler", "autocommit", "binlog_format", "log_bin_trust_function_creators",
            "max_connect_errors", "performance_schema", "table_open_cache", "tmp_table_size", "max_heap_table_size");
    private static final List<String> POSTGRES = List.of("max_connections", "shared_buffers", "work_mem", "maintenance_work_mem",
            "log_min_duration_statement", "log_statement", "timezone", "statement_timeout", "idle_in_transaction_session_timeout",
            "random_page_cost", "effective_cache_size", "default_transaction_isolation");

    private static ParameterCatalogue of(String family) {
        return ParameterCatalogue.forFamily(family).orElseThrow();
    }

    private static Set<String> names(String family) {
        return Set.copyOf(of(family).parameters().stream().map(CatalogueParameter::name).toList());
    }

    @Test
    void everyFamilyHasItsEngineParameters() {
        assertThat(names("mysql8.0")).containsAll(MYSQL_LIKE).contains("transaction_isolation").doesNotContain("tx_isolation");
        assertThat(names("mariadb10.11")).containsAll(MYSQL_LIKE).contains("tx_isolation").doesNotContain("transaction_isolation");
        assertThat(names("mariadb11.4")).containsAll(MYSQL_LIKE).contains("transaction_isolation");
        for (String family : List.of("postgres14", "postgres15", "postgres16", "postgres17")) {
            assertThat(names(family)).as(family).containsAll(POSTGRES);
        }
        assertThat(of("postgres14").find("rds.force_ssl").orElseThrow().defaultValue()).isEqualTo("0");
        assertThat(of("postgres16").find("rds.force_ssl").orElseThrow().defaultValue()).isEqualTo("1");
        assertThat(ParameterCatalogue.forFamily("mysql5.7")).isEmpty();
    }

    @Test
    void everyParameterIsWellFormedAndItsLiteralDefaultIsAllowed() {
        for (String family : EngineVersions.families()) {
            List<CatalogueParameter> all = of(family).parameters();
            assertThat(all.stream().map(CatalogueParameter::name).distinct().count()).as(family + " has no duplicates").isEqualTo(all.size());
            for (CatalogueParameter p : all) {
                assertThat(p.applyType()).as(p.name()).isIn("static", "dynamic");
                assertThat(p.dataType()).as(p.name()).isIn("boolean", "integer", "float", "real", "string", "list");
                assertThat(p.description()).as(p.name()).isNotBlank();
                if (p.defaultValue() != null && !p.defaultIsFormula() && p.modifiable()) {
                    assertThatCode(() -> ParameterValues.check(p, p.defaultValue())).as(family + " " + p.name()).doesNotThrowAnyException();
                }
            }
        }
    }

    @Test
    void valuesAreCheckedAgainstTypeAndAllowedValues() {
        ParameterCatalogue mysql = of("mysql8.0");
        CatalogueParameter maxConnections = mysql.find("max_connections").orElseThrow();
        ParameterValues.check(maxConnections, "200");
        ParameterValues.check(maxConnections, "{DBInstanceClassMemory/12582880}");
        for (String bad : List.of("0", "100001", "abc", "1.5")) {
            assertThatThrownBy(() -> ParameterValues.check(maxConnections, bad)).as(bad).isInstanceOf(AwsException.class);
        }
        ParameterValues.check(mysql.find("sql_mode").orElseThrow(), "STRICT_TRANS_TABLES,NO_ENGINE_SUBSTITUTION");
        assertThatThrownBy(() -> ParameterValues.check(mysql.find("sql_mode").orElseThrow(), "STRICT_TRANS_TABLES,NOPE"))
                .isInstanceOf(AwsException.class);
        ParameterValues.check(mysql.find("long_query_time").orElseThrow(), "0.5");
        ParameterValues.check(of("postgres16").find("log_min_duration_statement").orElseThrow(), "-1");
        ParameterValues.check(of("postgres16").find("default_transaction_isolation").orElseThrow(), "repeatable read");
    }

    @Test
    void effectiveParametersSplitDynamicFromStaticAndLeaveFormulasToTheRuntime() {
        DbParameterGroupRecord group = new DbParameterGroupRecord("wp", "mysql8.0", "wp", "arn", Map.of(
                "max_connections", new DbParameterGroupRecord.UserValue("200", "immediate", "dynamic"),
                "innodb_buffer_pool_size", new DbParameterGroupRecord.UserValue("134217728", "pending-reboot", "static")), 2, Instant.EPOCH);
        EffectiveParameters effective = EffectiveParameters.of(group, of("mysql8.0"));
        assertThat(effective.dynamic()).containsEntry("max_connections", "200").containsEntry("max_allowed_packet", "67108864")
                .doesNotContainKey("innodb_buffer_pool_size");
        assertThat(effective.statics()).containsEntry("innodb_buffer_pool_size", "134217728").doesNotContainKey("basedir");
        assertThat(effective.userSet()).containsExactlyInAnyOrder("max_connections", "innodb_buffer_pool_size");

        DbParameterGroupRecord defaults = new DbParameterGroupRecord("default.mysql8.0", "mysql8.0", "d", "arn", Map.of(), 0, Instant.EPOCH);
        assertThat(EffectiveParameters.of(defaults, of("mysql8.0")).dynamic()).doesNotContainKey("max_connections");
    }
}
