package io.kumo.acm;

import io.kumo.acm.pem.CertificateBundle;
import io.kumo.core.AwsException;
import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.acm.model.ImportCertificateRequest;
import software.amazon.awssdk.services.acm.model.ImportCertificateResponse;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * Imports a certificate with its private key (and chain), ISSUED at once; with CertificateArn it
 * re-imports into an imported certificate, which keeps its ARN and its users.
 */
final class ImportCertificate implements Handler<ImportCertificateRequest, ImportCertificateResponse> {

    @Override
    public ImportCertificateResponse handle(RequestContext ctx, ImportCertificateRequest in) {
        CertificateBundle bundle;
        try {
            bundle = CertificateBundle.parse(text(in.certificate()), text(in.certificateChain()), text(in.privateKey()));
        } catch (CertificateBundle.Invalid e) {
            throw AwsException.badRequest("ValidationException", e.getMessage());
        }
        List<String> names = bundle.names();
        var c = bundle.certificate();
        CertificateRecord.Imported imported = new CertificateRecord.Imported(bundle.certificatePem(), bundle.chainPem(), bundle.privateKeyPem(),
                names, c.getNotBefore().toInstant(), c.getNotAfter().toInstant(), c.getSerialNumber().toString(16),
                c.getSubjectX500Principal().getName(), c.getIssuerX500Principal().getName(), c.getSigAlgName().toUpperCase(java.util.Locale.ROOT),
                ctx.receivedAt());
        String domain = names.isEmpty() ? "" : names.getFirst();
        String arn = ctx.write(tx -> {
            if (in.certificateArn() != null) {
                CertificateRecord earlier = Certificates.require(tx, in.certificateArn());
                if (earlier.imported() == null) {
                    throw AwsException.badRequest("ValidationException",
                            "Certificate " + earlier.arn() + " was issued by ACM; only imported certificates can be re-imported.");
                }
                tx.put(CertificateRecord.TABLE, earlier.arn(), new CertificateRecord(earlier.arn(), domain, List.of(), null, "ISSUED",
                        bundle.keyAlgorithm(), null, earlier.createdAt(), imported, earlier.inUseBy()));
                return earlier.arn();
            }
            String created = "arn:aws:acm:" + ctx.region() + ":" + ctx.accountId() + ":certificate/" + UUID.randomUUID();
            tx.put(CertificateRecord.TABLE, created, new CertificateRecord(created, domain, List.of(), null, "ISSUED", bundle.keyAlgorithm(),
                    null, ctx.receivedAt(), imported, List.of()));
            return created;
        });
        return ImportCertificateResponse.builder().certificateArn(arn).build();
    }

    private static String text(SdkBytes bytes) {
        return bytes == null ? null : bytes.asString(StandardCharsets.US_ASCII);
    }
}
