package io.kumo.it.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kumo.it.KumoHarness;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.acm.model.AcmException;
import software.amazon.awssdk.services.route53.model.Route53Exception;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every request path guarantees: probes, resets, and errors in the protocol's own envelope. */
class EdgeTest {
    private final KumoHarness kumo = KumoHarness.shared();
    private final URI endpoint = kumo.endpoint();

    @Test
    void healthListsEachServiceAndItsState() throws Exception {
        HttpResponse<String> response = SignedRequests.raw(HttpRequest.newBuilder(endpoint.resolve("/_kumo/health")).GET().build());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode health = new ObjectMapper().readTree(response.body());
        assertThat(health.get("status").asText()).isEqualTo("ready");
        for (String service : new String[]{"ec2", "sts", "route53", "acm"}) {
            assertThat(health.get("services").get(service).get("state").asText()).isEqualTo("running");
        }
        assertThat(health.get("services").get("sts").get("operations").toString()).contains("GetCallerIdentity");
    }

    @Test
    void resetWipesStateAtBothPaths() throws Exception {
        var route53 = kumo.route53();
        String id = route53.createHostedZone(r -> r.name("reset-me.example").callerReference("reset-" + System.nanoTime())).hostedZone().id();
        for (String path : new String[]{"/_kumo/reset", "/moto-api/reset"}) {
            HttpResponse<String> response = SignedRequests.raw(HttpRequest.newBuilder(endpoint.resolve(path))
                    .POST(HttpRequest.BodyPublishers.noBody()).build());
            assertThat(response.statusCode()).isEqualTo(200);
        }
        assertThatThrownBy(() -> route53.getHostedZone(r -> r.id(id))).isInstanceOfSatisfying(Route53Exception.class,
                e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchHostedZone"));
    }

    @Test
    void anUnknownActionIsInvalidActionInEachEnvelope() throws Exception {
        String ec2 = "Action=LaunchRockets&Version=2016-11-15";
        var e = SignedRequests.send(SignedRequests.sign(SignedRequests.form(endpoint, ec2), "ec2", "test", Clock.systemUTC()), ec2);
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.body()).contains("<Response><Errors><Error><Code>InvalidAction</Code>").contains("<RequestID>");
        String sts = "Action=LaunchRockets&Version=2011-06-15";
        var s = SignedRequests.send(SignedRequests.sign(SignedRequests.form(endpoint, sts), "sts", "test", Clock.systemUTC()), sts);
        assertThat(s.statusCode()).isEqualTo(400);
        assertThat(s.body()).contains("<ErrorResponse").contains("<Code>InvalidAction</Code>").contains("<RequestId>");
    }

    @Test
    void anOversizedBodyIsRefusedInTheServicesEnvelope() throws Exception {
        String body = "Action=DescribeVpcs&Version=2016-11-15&Filter.1.Name=" + "x".repeat(17 * 1024 * 1024);
        var signed = SignedRequests.sign(SignedRequests.form(endpoint, "Action=DescribeVpcs"), "ec2", "test", Clock.systemUTC());
        var response = SignedRequests.send(signed, body);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("<Code>RequestEntityTooLarge</Code>");
    }

    @Test
    void aMalformedJsonBodyIsASerializationException() throws Exception {
        String body = "{\"CertificateArn\": ";
        var request = SignedRequests.form(endpoint, body).toBuilder()
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", "CertificateManager.DescribeCertificate").build();
        var response = SignedRequests.send(SignedRequests.sign(request, "acm", "test", Clock.systemUTC()), body);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(new ObjectMapper().readTree(response.body()).get("__type").asText()).isEqualTo("SerializationException");
    }

    @Test
    void aMissingRequiredMemberIsAValidationError() {
        assertThatThrownBy(() -> kumo.acm().describeCertificate(r -> { }))
                .isInstanceOfSatisfying(AcmException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.statusCode()).isEqualTo(400);
                });
    }
}
