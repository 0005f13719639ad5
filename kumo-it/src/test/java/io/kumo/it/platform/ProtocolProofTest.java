package io.kumo.it.platform;

import io.kumo.it.KumoHarness;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.acm.model.AcmException;
import software.amazon.awssdk.services.acm.model.CertificateDetail;
import software.amazon.awssdk.services.acm.model.CertificateStatus;
import software.amazon.awssdk.services.acm.model.ValidationMethod;
import software.amazon.awssdk.services.route53.model.HostedZone;
import software.amazon.awssdk.services.route53.model.Route53Exception;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The query, rest-xml and json protocols, each end to end through the SDK with real operations. */
class ProtocolProofTest {
    private final KumoHarness kumo = KumoHarness.shared();

    @Test
    void queryProtocolStsGetCallerIdentity() {
        var identity = kumo.sts().getCallerIdentity();
        assertThat(identity.account()).isEqualTo("000000000000");
        assertThat(identity.arn()).isEqualTo("arn:aws:iam::000000000000:root");
        assertThat(identity.userId()).isEqualTo("000000000000");
    }

    @Test
    void restXmlProtocolRoute53HostedZones() {
        var route53 = kumo.route53();
        String reference = "proof-" + System.nanoTime();
        var created = route53.createHostedZone(r -> r.name("Example.COM").callerReference(reference).hostedZoneConfig(c -> c.comment("proof")));
        HostedZone zone = created.hostedZone();
        // The SDK strips the "/hostedzone/" prefix that the wire carries.
        assertThat(zone.id()).matches("(/hostedzone/)?Z[A-Z0-9]{20}");
        assertThat(zone.name()).isEqualTo("example.com.");
        assertThat(zone.resourceRecordSetCount()).isEqualTo(2L);
        assertThat(created.location()).endsWith("/hostedzone/" + zone.id().replace("/hostedzone/", ""));
        assertThat(created.delegationSet().nameServers()).hasSize(4).allMatch(ns -> ns.matches("ns-\\d\\.kumo\\.localhost"));
        assertThat(created.changeInfo().statusAsString()).isEqualTo("PENDING");

        var got = route53.getHostedZone(r -> r.id(zone.id()));
        assertThat(got.hostedZone().config().comment()).isEqualTo("proof");
        assertThat(route53.listHostedZones().hostedZones()).extracting(HostedZone::id).contains(zone.id());
        assertThat(route53.listHostedZones(r -> r.maxItems("1")).isTruncated()).isNotNull();

        assertThatThrownBy(() -> route53.createHostedZone(r -> r.name("other.example").callerReference(reference)))
                .isInstanceOfSatisfying(Route53Exception.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("HostedZoneAlreadyExists");
                    assertThat(e.statusCode()).isEqualTo(409);
                });
        assertThatThrownBy(() -> route53.createHostedZone(r -> r.name("bad..name").callerReference("x" + reference)))
                .isInstanceOfSatisfying(Route53Exception.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidDomainName"));

        route53.deleteHostedZone(r -> r.id(zone.id()));
        assertThatThrownBy(() -> route53.getHostedZone(r -> r.id(zone.id())))
                .isInstanceOfSatisfying(Route53Exception.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchHostedZone");
                    assertThat(e.statusCode()).isEqualTo(404);
                });
    }

    @Test
    void jsonProtocolAcmCertificates() {
        var acm = kumo.acm();
        String arn = acm.requestCertificate(r -> r.domainName("example.com").subjectAlternativeNames("*.example.com")
                .validationMethod(ValidationMethod.DNS)).certificateArn();
        assertThat(arn).matches("arn:aws:acm:ap-northeast-1:000000000000:certificate/[0-9a-f-]{36}");
        CertificateDetail detail = acm.describeCertificate(r -> r.certificateArn(arn)).certificate();
        assertThat(detail.status()).isEqualTo(CertificateStatus.PENDING_VALIDATION);
        assertThat(detail.subjectAlternativeNames()).containsExactly("example.com", "*.example.com");
        assertThat(detail.domainValidationOptions()).allSatisfy(v -> {
            assertThat(v.resourceRecord().name()).startsWith("_").endsWith("example.com.");
            assertThat(v.resourceRecord().value()).endsWith(".acm-validations.aws.");
        });
        assertThat(detail.createdAt()).isNotNull();
        assertThat(acm.listCertificates().certificateSummaryList()).anySatisfy(s -> assertThat(s.certificateArn()).isEqualTo(arn));

        acm.deleteCertificate(r -> r.certificateArn(arn));
        assertThatThrownBy(() -> acm.describeCertificate(r -> r.certificateArn(arn)))
                .isInstanceOfSatisfying(AcmException.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException"));
        assertThatThrownBy(() -> acm.describeCertificate(r -> r.certificateArn("arn:nope")))
                .isInstanceOfSatisfying(AcmException.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidArnException"));
    }
}
