package io.kumo.rds.engine;

import io.kumo.core.AwsException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EngineVersionsTest {

    @Test
    void theNewestVersionIsTheDefaultAndAMajorVersionMeansItsNewestMinor() {
        Engine mysql = EngineVersions.require("mysql");
        assertThat(EngineVersions.version(mysql, null).version()).isEqualTo("8.4.6");
        assertThat(EngineVersions.version(mysql, "8.0").version()).isEqualTo("8.0.43");
        assertThat(EngineVersions.version(mysql, "8.0.42").family()).isEqualTo("mysql8.0");
        assertThat(EngineVersions.version(EngineVersions.require("postgres"), "16").family()).isEqualTo("postgres16");
        assertThat(EngineVersions.version(EngineVersions.require("mariadb"), "10.11.9").family()).isEqualTo("mariadb10.11");
    }

    @Test
    void unknownEnginesAndVersionsGetRdsCodes() {
        assertThatThrownBy(() -> EngineVersions.require("oracle-ee"))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.code()).isEqualTo("InvalidParameterValue"));
        assertThatThrownBy(() -> EngineVersions.version(EngineVersions.require("mysql"), "5.7.44"))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.code()).isEqualTo("InvalidParameterCombination"));
    }

    @Test
    void familiesAreThoseOfTheParameterGroups() {
        assertThat(EngineVersions.families()).contains("mysql8.0", "mariadb10.11", "mariadb11.4", "postgres14", "postgres15",
                "postgres16", "postgres17");
    }

    @Test
    void storageBoundsFollowTheType() {
        assertThat(Storage.checkSize(20, "mysql", "gp2")).isEqualTo(20);
        assertThatThrownBy(() -> Storage.checkSize(19, "mysql", "gp2")).isInstanceOf(AwsException.class);
        assertThatThrownBy(() -> Storage.checkSize(99, "mysql", "io1")).isInstanceOf(AwsException.class);
        assertThat(Storage.checkSize(5, "mysql", "standard")).isEqualTo(5);
        assertThatThrownBy(() -> Storage.checkSize(65537, "postgres", "gp3")).isInstanceOf(AwsException.class);
    }

    @Test
    void instanceClassesKnowTheirMemory() {
        assertThat(InstanceClasses.find("db.t3.micro").orElseThrow().memoryMiB()).isEqualTo(1024);
        assertThat(InstanceClasses.find("db.m5.large").orElseThrow().vcpus()).isEqualTo(2);
        assertThat(InstanceClasses.find("db.x9.huge")).isEmpty();
    }
}
