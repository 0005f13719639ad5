package io.kumo.acm;

import io.kumo.core.service.ServiceBinder;
import io.kumo.core.service.ServiceModule;
import software.amazon.awssdk.services.acm.model.DeleteCertificateRequest;
import software.amazon.awssdk.services.acm.model.GetCertificateRequest;
import software.amazon.awssdk.services.acm.model.ImportCertificateRequest;
import software.amazon.awssdk.services.acm.model.DescribeCertificateRequest;
import software.amazon.awssdk.services.acm.model.ListCertificatesRequest;
import software.amazon.awssdk.services.acm.model.RequestCertificateRequest;

/**
 * ACM: certificate requests (issuing them after DNS validation comes later) and imported
 * certificates, which load balancers serve through {@link io.kumo.core.tls.ServerCertificates}.
 */
public final class AcmModule implements ServiceModule {

    @Override
    public String modelName() {
        return "acm";
    }

    @Override
    public void install(ServiceBinder binder) {
        binder.table(CertificateRecord.TABLE);
        binder.operation("RequestCertificate", RequestCertificateRequest.class, new RequestCertificate());
        binder.operation("DescribeCertificate", DescribeCertificateRequest.class, new DescribeCertificate());
        binder.operation("ListCertificates", ListCertificatesRequest.class, new ListCertificates());
        binder.operation("DeleteCertificate", DeleteCertificateRequest.class, new DeleteCertificate());
        binder.operation("ImportCertificate", ImportCertificateRequest.class, new ImportCertificate());
        binder.operation("GetCertificate", GetCertificateRequest.class, new GetCertificate());
        binder.provide(io.kumo.core.tls.ServerCertificates.class, new AcmServerCertificates());
    }
}
