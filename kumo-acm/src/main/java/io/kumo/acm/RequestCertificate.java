package io.kumo.acm;

import io.kumo.core.AwsException;
import io.kumo.core.Ids;
import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import software.amazon.awssdk.services.acm.model.RequestCertificateRequest;
import software.amazon.awssdk.services.acm.model.RequestCertificateResponse;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** Records a certificate request, PENDING_VALIDATION, with a validation CNAME per name. */
final class RequestCertificate implements Handler<RequestCertificateRequest, RequestCertificateResponse> {
    private static final Pattern NAME = Pattern.compile("(\\*\\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");

    @Override
    public RequestCertificateResponse handle(RequestContext ctx, RequestCertificateRequest in) {
        Set<String> names = new LinkedHashSet<>();
        names.add(checked(in.domainName()));
        in.subjectAlternativeNames().forEach(n -> names.add(checked(n)));
        String method = in.validationMethodAsString() == null ? "EMAIL" : in.validationMethodAsString();
        if (!method.equals("DNS") && !method.equals("EMAIL")) {
            throw AwsException.badRequest("ValidationException", "1 validation error detected: Value '" + method
                    + "' at 'validationMethod' failed to satisfy constraint: Member must satisfy enum value set: [EMAIL, DNS]");
        }
        String keyAlgorithm = in.keyAlgorithmAsString() == null ? "RSA_2048" : in.keyAlgorithmAsString();
        CertificateRecord cert = ctx.write(tx -> {
            if (in.idempotencyToken() != null) {
                var earlier = tx.list(CertificateRecord.TABLE).stream()
                        .filter(c -> c.imported() == null && in.idempotencyToken().equals(c.idempotencyToken()) && c.domainName().equals(in.domainName()))
                        .findFirst();
                if (earlier.isPresent()) {
                    return earlier.get();
                }
            }
            String arn = "arn:aws:acm:" + ctx.region() + ":" + ctx.accountId() + ":certificate/" + UUID.randomUUID();
            List<CertificateRecord.NameValidation> validations = new ArrayList<>();
            for (String name : names) {
                String base = name.startsWith("*.") ? name.substring(2) : name;
                validations.add(new CertificateRecord.NameValidation(name,
                        "_" + Ids.hex(32) + "." + base + ".",
                        "_" + Ids.hex(32) + "." + Ids.hex(10) + ".acm-validations.aws."));
            }
            CertificateRecord created = new CertificateRecord(arn, in.domainName().toLowerCase(Locale.ROOT), List.copyOf(validations),
                    method, "PENDING_VALIDATION", keyAlgorithm, in.idempotencyToken(), ctx.receivedAt(), null, List.of());
            tx.put(CertificateRecord.TABLE, arn, created);
            return created;
        });
        return RequestCertificateResponse.builder().certificateArn(cert.arn()).build();
    }

    private static String checked(String name) {
        String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
        if (n.length() > 253 || !NAME.matcher(n).matches()) {
            throw AwsException.badRequest("InvalidDomainValidationOptionsException",
                    "Domain name " + name + " is not valid.");
        }
        return n;
    }
}
