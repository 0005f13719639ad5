package io.kumo.acm;

import io.kumo.core.store.Tx;
import io.kumo.core.tls.ServerCertificates;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** ACM's side of {@link ServerCertificates}: imported certificates, within their validity, can be served. */
final class AcmServerCertificates implements ServerCertificates {

    @Override
    public Optional<KeyMaterial> servable(Tx tx, String certificateArn) {
        return tx.get(CertificateRecord.TABLE, certificateArn)
                .filter(c -> c.imported() != null)
                .map(c -> {
                    List<String> chain = new ArrayList<>();
                    chain.add(c.imported().certificatePem());
                    chain.addAll(c.imported().chainPem());
                    return new KeyMaterial(c.arn(), chain, c.imported().privateKeyPem(), c.imported().names());
                });
    }

    @Override
    public void used(Tx tx, String certificateArn, String resourceArn, boolean inUse) {
        tx.get(CertificateRecord.TABLE, certificateArn).ifPresent(c -> tx.put(CertificateRecord.TABLE, c.arn(), c.withUser(resourceArn, inUse)));
    }
}
