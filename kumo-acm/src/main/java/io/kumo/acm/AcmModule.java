package io.kumo.acm;

import io.kumo.core.service.ServiceBinder;
import io.kumo.core.service.ServiceModule;
import software.amazon.awssdk.services.acm.model.DeleteCertificateRequest;
import software.amazon.awssdk.services.acm.model.DescribeCertificateRequest;
import software.amazon.awssdk.services.acm.model.ListCertificatesRequest;
import software.amazon.awssdk.services.acm.model.RequestCertificateRequest;

/** ACM's certificate requests. Issuing them after DNS validation comes with the delivery issue. */
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
    }
}
