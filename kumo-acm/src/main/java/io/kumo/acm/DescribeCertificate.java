package io.kumo.acm;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import software.amazon.awssdk.services.acm.model.DescribeCertificateRequest;
import software.amazon.awssdk.services.acm.model.DescribeCertificateResponse;

final class DescribeCertificate implements Handler<DescribeCertificateRequest, DescribeCertificateResponse> {

    @Override
    public DescribeCertificateResponse handle(RequestContext ctx, DescribeCertificateRequest in) {
        CertificateRecord cert = ctx.read(tx -> Certificates.require(tx, in.certificateArn()));
        return DescribeCertificateResponse.builder().certificate(cert.toDetail(ctx.receivedAt())).build();
    }
}
