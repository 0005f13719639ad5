package io.kumo.acm;

import io.kumo.core.store.Table;
import software.amazon.awssdk.services.acm.model.CertificateDetail;
import software.amazon.awssdk.services.acm.model.CertificateSummary;
import software.amazon.awssdk.services.acm.model.DomainValidation;
import software.amazon.awssdk.services.acm.model.RecordType;
import software.amazon.awssdk.services.acm.model.ResourceRecord;

import java.time.Instant;
import java.util.List;

/** A requested certificate; each name carries the CNAME that proves control of it. */
record CertificateRecord(
        String arn,
        String domainName,
        List<NameValidation> validations,
        String validationMethod,
        String status,
        String keyAlgorithm,
        String idempotencyToken,
        Instant createdAt) {

    static final Table<CertificateRecord> TABLE = Table.regional("acm.certificates", CertificateRecord.class);

    record NameValidation(String domainName, String recordName, String recordValue) {
    }

    CertificateDetail toDetail() {
        return CertificateDetail.builder()
                .certificateArn(arn)
                .domainName(domainName)
                .subjectAlternativeNames(validations.stream().map(NameValidation::domainName).toList())
                .domainValidationOptions(validations.stream().map(this::toSdk).toList())
                .status(status)
                .type("AMAZON_ISSUED")
                .keyAlgorithm(keyAlgorithm)
                .createdAt(createdAt)
                .inUseBy(List.of())
                .renewalEligibility("INELIGIBLE")
                .build();
    }

    CertificateSummary toSummary() {
        return CertificateSummary.builder()
                .certificateArn(arn)
                .domainName(domainName)
                .subjectAlternativeNameSummaries(validations.stream().map(NameValidation::domainName).toList())
                .hasAdditionalSubjectAlternativeNames(false)
                .status(status)
                .type("AMAZON_ISSUED")
                .keyAlgorithm(keyAlgorithm)
                .createdAt(createdAt)
                .inUse(false)
                .renewalEligibility("INELIGIBLE")
                .build();
    }

    private DomainValidation toSdk(NameValidation v) {
        DomainValidation.Builder out = DomainValidation.builder()
                .domainName(v.domainName())
                .validationDomain(v.domainName())
                .validationMethod(validationMethod)
                .validationStatus(status.equals("ISSUED") ? "SUCCESS" : "PENDING_VALIDATION");
        if (validationMethod.equals("DNS")) {
            out.resourceRecord(ResourceRecord.builder().name(v.recordName()).type(RecordType.CNAME).value(v.recordValue()).build());
        }
        return out.build();
    }
}
