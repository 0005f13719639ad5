package io.kumo.acm;

import io.kumo.core.AwsException;
import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import software.amazon.awssdk.services.acm.model.DeleteCertificateRequest;
import software.amazon.awssdk.services.acm.model.DeleteCertificateResponse;

final class DeleteCertificate implements Handler<DeleteCertificateRequest, DeleteCertificateResponse> {

    @Override
    public DeleteCertificateResponse handle(RequestContext ctx, DeleteCertificateRequest in) {
        ctx.write(tx -> {
            CertificateRecord cert = Certificates.require(tx, in.certificateArn());
            if (!cert.inUseBy().isEmpty()) {
                throw AwsException.badRequest("ResourceInUseException", "Certificate " + cert.arn() + " is in use by "
                        + String.join(", ", cert.inUseBy()) + ".");
            }
            return tx.delete(CertificateRecord.TABLE, cert.arn());
        });
        return DeleteCertificateResponse.builder().build();
    }
}
