package io.kumo.rds.support;

import io.kumo.core.AwsException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NamingTest {

    @Test
    void identifiersAreLowerCasedAndFollowRdsRules() {
        assertThat(Identifiers.instance("WP-DB-1", "DBInstanceIdentifier")).isEqualTo("wp-db-1");
        for (String bad : List.of("1db", "db--1", "db-", "db_1", "a".repeat(64), "")) {
            assertThatThrownBy(() -> Identifiers.instance(bad, "DBInstanceIdentifier")).as(bad)
                    .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.code()).isEqualTo("InvalidParameterValue"));
        }
        assertThat(Identifiers.instance("a".repeat(63), "DBInstanceIdentifier")).hasSize(63);
        assertThat(Identifiers.subnetGroup("My DB_subnet.group-1")).isEqualTo("my db_subnet.group-1");
        assertThatThrownBy(() -> Identifiers.subnetGroup("bad/name")).isInstanceOf(AwsException.class);
    }

    @Test
    void endpointNamesHaveTheRdsShapeAndAStablePartPerAccountAndRegion() {
        String address = EndpointNames.address("WP-DB", "123456789012", "ap-northeast-1");
        assertThat(address).matches("wp-db\\.[a-z0-9]{12}\\.ap-northeast-1\\.rds\\.amazonaws\\.com");
        assertThat(EndpointNames.address("other", "123456789012", "ap-northeast-1"))
                .endsWith(address.substring("wp-db".length()));
        assertThat(EndpointNames.accountPart("123456789012", "us-east-1")).isNotEqualTo(EndpointNames.accountPart("123456789012", "ap-northeast-1"));
        assertThat(EndpointNames.accountPart("123456789012", "us-east-1")).isNotEqualTo(EndpointNames.accountPart("210987654321", "us-east-1"));
        assertThat(EndpointNames.hostedZoneId("ap-northeast-1")).isEqualTo("Z24O6O9L7SGTNB");
        assertThat(EndpointNames.hostedZoneId("xx-nowhere-1")).matches("Z[A-Z0-9]{12}");
    }

    @Test
    void resourceIdsAreDbAnd26Base32Characters() {
        assertThat(ResourceIds.dbInstance()).matches("db-[A-Z2-7]{26}").isNotEqualTo(ResourceIds.dbInstance());
    }

    @Test
    void arnsCarryTheKindAndName() {
        String arn = Arns.of("ap-northeast-1", "123456789012", Arns.SUBNET_GROUP, "my-group");
        assertThat(arn).isEqualTo("arn:aws:rds:ap-northeast-1:123456789012:subgrp:my-group");
        assertThat(Arns.parse(arn, "ResourceName")).isEqualTo(new Arns.Parsed("ap-northeast-1", "123456789012", "subgrp", "my-group"));
        assertThatThrownBy(() -> Arns.parse("arn:aws:ec2:x", "ResourceName")).isInstanceOf(AwsException.class);
    }

    @Test
    void pagesAreTwentyToOneHundredWithAnOpaqueMarker() {
        List<Integer> all = java.util.stream.IntStream.range(0, 45).boxed().toList();
        Pages.Page<Integer> first = Pages.of(all, null, 20);
        assertThat(first.items()).hasSize(20);
        Pages.Page<Integer> third = Pages.of(all, Pages.of(all, first.marker(), 20).marker(), 20);
        assertThat(third.items()).containsExactly(40, 41, 42, 43, 44);
        assertThat(third.marker()).isNull();
        assertThatThrownBy(() -> Pages.of(all, null, 19)).isInstanceOf(AwsException.class);
        assertThatThrownBy(() -> Pages.of(all, "garbage!", 20)).isInstanceOf(AwsException.class);
    }
}
