package io.kumo.it.route53;

import io.kumo.it.KumoHarness;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.HealthCheck;
import software.amazon.awssdk.services.route53.model.HealthCheckConfig;
import software.amazon.awssdk.services.route53.model.Tag;

import static io.kumo.it.route53.Route53Asserts.bare;
import static io.kumo.it.route53.Route53Asserts.refused;
import static io.kumo.it.route53.Route53Asserts.unique;
import static org.assertj.core.api.Assertions.assertThat;

/** Health checks' configuration (they are not run yet) and tags on zones and health checks. */
class HealthChecksAndTagsTest {
    private static final Route53Client R53 = KumoHarness.shared().route53();

    @Test
    void healthChecksAreCreatedIdempotentlyUpdatedByVersionAndDeleted() {
        String ref = unique("hc");
        HealthCheckConfig config = HealthCheckConfig.builder().type("HTTPS_STR_MATCH").fullyQualifiedDomainName("app.example.com")
                .resourcePath("/status").searchString("OK").requestInterval(10).failureThreshold(2).build();
        HealthCheck created = R53.createHealthCheck(r -> r.callerReference(ref).healthCheckConfig(config)).healthCheck();
        assertThat(created.id()).matches("[0-9a-f-]{36}");
        assertThat(created.healthCheckVersion()).isEqualTo(1L);
        assertThat(created.healthCheckConfig().port()).isEqualTo(443);
        assertThat(created.healthCheckConfig().enableSNI()).isTrue();
        assertThat(R53.createHealthCheck(r -> r.callerReference(ref).healthCheckConfig(config)).healthCheck().id()).isEqualTo(created.id());
        refused(() -> R53.createHealthCheck(r -> r.callerReference(ref).healthCheckConfig(config.toBuilder().failureThreshold(3).build())),
                "HealthCheckAlreadyExists", 409);

        var updated = R53.updateHealthCheck(r -> r.healthCheckId(created.id()).healthCheckVersion(1L).failureThreshold(5).inverted(true)
                .resetElementsWithStrings("ResourcePath")).healthCheck();
        assertThat(updated.healthCheckVersion()).isEqualTo(2L);
        assertThat(updated.healthCheckConfig().failureThreshold()).isEqualTo(5);
        assertThat(updated.healthCheckConfig().inverted()).isTrue();
        assertThat(updated.healthCheckConfig().resourcePath()).isNull();
        refused(() -> R53.updateHealthCheck(r -> r.healthCheckId(created.id()).healthCheckVersion(1L).disabled(true)),
                "HealthCheckVersionMismatch", 409);

        String calc = R53.createHealthCheck(r -> r.callerReference(unique("calc")).healthCheckConfig(c -> c.type("CALCULATED")
                .childHealthChecks(created.id()).healthThreshold(1))).healthCheck().id();
        assertThat(R53.getHealthCheck(r -> r.healthCheckId(calc)).healthCheck().healthCheckConfig().childHealthChecks()).containsExactly(created.id());
        assertThat(R53.listHealthChecks().healthChecks()).extracting(HealthCheck::id).contains(created.id(), calc);
        assertThat(R53.getHealthCheckCount().healthCheckCount()).isGreaterThanOrEqualTo(2L);

        R53.deleteHealthCheck(r -> r.healthCheckId(calc));
        R53.deleteHealthCheck(r -> r.healthCheckId(created.id()));
        refused(() -> R53.getHealthCheck(r -> r.healthCheckId(created.id())), "NoSuchHealthCheck", 404);
    }

    @Test
    void healthCheckConfigurationsAreValidated() {
        refused(() -> R53.createHealthCheck(r -> r.callerReference(unique("x")).healthCheckConfig(c -> c.type("TCP").ipAddress("10.0.0.1"))),
                "InvalidInput", 400);
        refused(() -> R53.createHealthCheck(r -> r.callerReference(unique("x")).healthCheckConfig(c -> c.type("HTTP"))), "InvalidInput", 400);
        refused(() -> R53.createHealthCheck(r -> r.callerReference(unique("x")).healthCheckConfig(c -> c.type("HTTP").ipAddress("10.0.0.1")
                .requestInterval(20))), "InvalidInput", 400);
        refused(() -> R53.createHealthCheck(r -> r.callerReference(unique("x")).healthCheckConfig(c -> c.type("HTTP").ipAddress("10.0.0.1")
                .failureThreshold(11))), "InvalidInput", 400);
        refused(() -> R53.createHealthCheck(r -> r.callerReference(unique("x")).healthCheckConfig(c -> c.type("HTTP_STR_MATCH")
                .ipAddress("10.0.0.1"))), "InvalidInput", 400);
        refused(() -> R53.createHealthCheck(r -> r.callerReference(unique("x")).healthCheckConfig(c -> c.type("HTTP").ipAddress("not-an-ip"))),
                "InvalidInput", 400);
    }

    @Test
    void zonesAndHealthChecksCarryTags() {
        String zone = bare(R53.createHostedZone(r -> r.name(unique("tags") + ".example").callerReference(unique("ref"))).hostedZone().id());
        R53.changeTagsForResource(r -> r.resourceType("hostedzone").resourceId(zone).addTags(t -> t.key("env").value("dev"), t -> t.key("team").value("web")));
        R53.changeTagsForResource(r -> r.resourceType("hostedzone").resourceId(zone).removeTagKeys("team").addTags(t -> t.key("env").value("prod")));
        assertThat(R53.listTagsForResource(r -> r.resourceType("hostedzone").resourceId(zone)).resourceTagSet().tags())
                .containsExactly(Tag.builder().key("env").value("prod").build());

        String check = R53.createHealthCheck(r -> r.callerReference(unique("hc")).healthCheckConfig(c -> c.type("TCP").ipAddress("10.0.0.1").port(22)))
                .healthCheck().id();
        R53.changeTagsForResource(r -> r.resourceType("healthcheck").resourceId(check).addTags(t -> t.key("Name").value("ssh")));
        var sets = R53.listTagsForResources(r -> r.resourceType("healthcheck").resourceIds(check)).resourceTagSets();
        assertThat(sets).singleElement().satisfies(s -> assertThat(s.tags()).extracting(Tag::value).containsExactly("ssh"));
        refused(() -> R53.listTagsForResource(r -> r.resourceType("hostedzone").resourceId("ZNOSUCHZONE")), "NoSuchHostedZone", 404);
        refused(() -> R53.listTagsForResource(r -> r.resourceType("healthcheck").resourceId("nope")), "NoSuchHealthCheck", 404);
    }
}
