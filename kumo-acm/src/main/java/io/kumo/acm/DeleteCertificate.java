package io.kumo.acm;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import software.amazon.awssdk.services.acm.model.DeleteCertificateRequest;
import software.amazon.awssdk.services.acm.model.DeleteCertificateResponse;

final class DeleteCertificate implements Handler<DeleteCertificateRequest, DeleteCertificateResponse> {

    @Override
    public DeleteCertificateResponse handle(RequestContext ctx, DeleteCertificateRequest in) {
        ctx.write(tx -> tx.delete(CertificateRecord.TABLE, Certificates.require(tx, in.certificateArn()).arn()));
        return DeleteCertificateResponse.builder().build();
    }
}
