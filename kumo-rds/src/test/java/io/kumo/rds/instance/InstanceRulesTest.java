package io.kumo.rds.instance;

import io.kumo.core.AwsException;
import io.kumo.rds.engine.Engine;
import io.kumo.rds.engine.EngineVersions;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InstanceRulesTest {
    private static final Engine MYSQL = EngineVersions.require("mysql");
    private static final Engine MARIADB = EngineVersions.require("mariadb");
    private static final Engine POSTGRES = EngineVersions.require("postgres");

    private static void refused(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(AwsException.class, e -> {
            assertThat(e.code()).isEqualTo("InvalidParameterValue");
            assertThat(e.status()).isEqualTo(400);
        });
    }

    @Test
    void masterUsernames() {
        assertThat(InstanceRules.masterUsername(MYSQL, "admin")).isEqualTo("admin");
        assertThat(InstanceRules.masterUsername(POSTGRES, "postgres")).isEqualTo("postgres");
        assertThat(InstanceRules.masterUsername(MYSQL, "a".repeat(32))).hasSize(32);
        for (String bad : List.of("rdsadmin", "RDSADMIN", "1admin", "ad-min", "")) {
            refused(() -> InstanceRules.masterUsername(MYSQL, bad));
        }
        refused(() -> InstanceRules.masterUsername(MARIADB, "a".repeat(17)));
        refused(() -> InstanceRules.masterUsername(POSTGRES, "pg_admin"));
        refused(() -> InstanceRules.masterUsername(MYSQL, null));
    }

    @Test
    void masterPasswords() {
        assertThat(InstanceRules.masterPassword(MYSQL, "Passw0rd!#$%")).isNotNull();
        assertThat(InstanceRules.masterPassword(POSTGRES, "p".repeat(128))).hasSize(128);
        for (String bad : List.of("short12", "with space", "with/slash", "with\"quote", "with@at", "p".repeat(42), "naïve-pass")) {
            refused(() -> InstanceRules.masterPassword(MYSQL, bad));
        }
        refused(() -> InstanceRules.masterPassword(POSTGRES, "p".repeat(129)));
    }

    @Test
    void databaseNames() {
        assertThat(InstanceRules.dbName(MYSQL, "wordpress")).isEqualTo("wordpress");
        assertThat(InstanceRules.dbName(MYSQL, null)).isNull();
        assertThat(InstanceRules.dbName(POSTGRES, "_app")).isEqualTo("_app");
        refused(() -> InstanceRules.dbName(MYSQL, "_app"));
        refused(() -> InstanceRules.dbName(MYSQL, "word-press"));
        refused(() -> InstanceRules.dbName(MYSQL, "mysql"));
        refused(() -> InstanceRules.dbName(POSTGRES, "a".repeat(64)));
    }

    @Test
    void portsAndBackupRetention() {
        assertThat(InstanceRules.port(MYSQL, null)).isEqualTo(3306);
        assertThat(InstanceRules.port(POSTGRES, null)).isEqualTo(5432);
        refused(() -> InstanceRules.port(MYSQL, 80));
        assertThat(InstanceRules.backupRetention(null, 1)).isEqualTo(1);
        assertThat(InstanceRules.backupRetention(35, 1)).isEqualTo(35);
        refused(() -> InstanceRules.backupRetention(36, 1));
        refused(() -> InstanceRules.backupRetention(-1, 1));
    }
}
