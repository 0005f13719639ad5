package io.kumo.acm;

import io.kumo.core.AwsException;
import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import software.amazon.awssdk.services.acm.model.GetCertificateRequest;
import software.amazon.awssdk.services.acm.model.GetCertificateResponse;

/** The certificate and its chain, PEM (never the key), once it is issued. */
final class GetCertificate implements Handler<GetCertificateRequest, GetCertificateResponse> {

    @Override
    public GetCertificateResponse handle(RequestContext ctx, GetCertificateRequest in) {
        CertificateRecord cert = ctx.read(tx -> Certificates.require(tx, in.certificateArn()));
        if (cert.imported() == null) {
            throw AwsException.badRequest("RequestInProgressException", "Certificate " + cert.arn() + " is in the process of being issued.");
        }
        GetCertificateResponse.Builder out = GetCertificateResponse.builder().certificate(cert.imported().certificatePem());
        if (!cert.imported().chainPem().isEmpty()) {
            out.certificateChain(String.join("", cert.imported().chainPem()));
        }
        return out.build();
    }
}
