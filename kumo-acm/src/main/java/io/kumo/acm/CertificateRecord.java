package io.kumo.acm;

import io.kumo.core.store.Table;
import software.amazon.awssdk.services.acm.model.CertificateDetail;
import software.amazon.awssdk.services.acm.model.CertificateSummary;
import software.amazon.awssdk.services.acm.model.DomainValidation;
import software.amazon.awssdk.services.acm.model.RecordType;
import software.amazon.awssdk.services.acm.model.ResourceRecord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A certificate: requested (each name carrying the CNAME that proves control of it), or imported
 * with its key. {@code inUseBy} lists the resources serving it, such as load balancers.
 */
record CertificateRecord(
        String arn,
        String domainName,
        List<NameValidation> validations,
        String validationMethod,
        String status,
        String keyAlgorithm,
        String idempotencyToken,
        Instant createdAt,
        Imported imported,
        List<String> inUseBy) {

    static final Table<CertificateRecord> TABLE = Table.regional("acm.certificates", CertificateRecord.class);

    CertificateRecord {
        validations = validations == null ? List.of() : List.copyOf(validations);
        inUseBy = inUseBy == null ? List.of() : List.copyOf(inUseBy);
    }

    record NameValidation(String domainName, String recordName, String recordValue) {
    }

    /** What ImportCertificate was given, and what ACM reads out of it. */
    record Imported(String certificatePem, List<String> chainPem, String privateKeyPem, List<String> names, Instant notBefore,
                    Instant notAfter, String serial, String subject, String issuer, String signatureAlgorithm, Instant importedAt) {
        Imported {
            chainPem = List.copyOf(chainPem);
            names = List.copyOf(names);
        }
    }

    String type() {
        return imported == null ? "AMAZON_ISSUED" : "IMPORTED";
    }

    /** An imported certificate past its end is EXPIRED; otherwise the stored status. */
    String statusAt(Instant now) {
        return imported != null && now.isAfter(imported.notAfter()) ? "EXPIRED" : status;
    }

    List<String> names() {
        return imported != null ? imported.names() : validations.stream().map(NameValidation::domainName).toList();
    }

    CertificateRecord withUser(String resourceArn, boolean inUse) {
        List<String> users = new ArrayList<>(inUseBy);
        users.remove(resourceArn);
        if (inUse) {
            users.add(resourceArn);
        }
        return new CertificateRecord(arn, domainName, validations, validationMethod, status, keyAlgorithm, idempotencyToken, createdAt,
                imported, users);
    }

    CertificateDetail toDetail(Instant now) {
        CertificateDetail.Builder out = CertificateDetail.builder()
                .certificateArn(arn)
                .domainName(domainName)
                .subjectAlternativeNames(names())
                .status(statusAt(now))
                .type(type())
                .keyAlgorithm(keyAlgorithm)
                .createdAt(createdAt)
                .inUseBy(inUseBy)
                .renewalEligibility("INELIGIBLE");
        if (imported == null) {
            out.domainValidationOptions(validations.stream().map(this::toSdk).toList());
        } else {
            out.notBefore(imported.notBefore()).notAfter(imported.notAfter()).serial(imported.serial()).subject(imported.subject())
                    .issuer(imported.issuer()).signatureAlgorithm(imported.signatureAlgorithm()).importedAt(imported.importedAt());
        }
        return out.build();
    }

    CertificateSummary toSummary(Instant now) {
        CertificateSummary.Builder out = CertificateSummary.builder()
                .certificateArn(arn)
                .domainName(domainName)
                .subjectAlternativeNameSummaries(names())
                .hasAdditionalSubjectAlternativeNames(false)
                .status(statusAt(now))
                .type(type())
                .keyAlgorithm(keyAlgorithm)
                .createdAt(createdAt)
                .inUse(!inUseBy.isEmpty())
                .renewalEligibility("INELIGIBLE");
        if (imported != null) {
            out.notBefore(imported.notBefore()).notAfter(imported.notAfter()).importedAt(imported.importedAt());
        }
        return out.build();
    }

    private DomainValidation toSdk(NameValidation v) {
        DomainValidation.Builder out = DomainValidation.builder()
                .domainName(v.domainName())
                .validationDomain(v.domainName())
                .validationMethod(validationMethod)
                .validationStatus(status.equals("ISSUED") ? "SUCCESS" : "PENDING_VALIDATION");
        if ("DNS".equals(validationMethod)) {
            out.resourceRecord(ResourceRecord.builder().name(v.recordName()).type(RecordType.CNAME).value(v.recordValue()).build());
        }
        return out.build();
    }
}
